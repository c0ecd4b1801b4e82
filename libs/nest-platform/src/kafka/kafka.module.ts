import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type FactoryProvider,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { createKafkaClient, ensureTopics, EventPublisher, type TopicSpec } from '@docscreen/kafka';
import type { Logger } from '@docscreen/observability';
import { LOGGER } from '../observability/observability.module.js';

/** Injection token of the service's one kafkajs client. */
export const KAFKA = Symbol('KAFKA');
const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');

export interface KafkaModuleOptions {
  clientId: string;
  brokers: readonly string[];
  /** Topics this service owns or must find: created if missing before the service takes traffic. */
  topics: readonly TopicSpec[];
  /**
   * Upper bound for one publish, retries included (default: kafkajs' own, about a minute). A publish
   * that fails fails within it, and leaves nothing in flight to be published later.
   */
  publishBudgetMs?: number;
}

/**
 * The service's Kafka client and its idempotent `EventPublisher`, connected at start-up (after the
 * topics exist) and disconnected at shutdown, once every in-flight publish has settled.
 */
@Global()
@Module({})
export class KafkaModule implements OnModuleInit, OnApplicationShutdown {
  static forRoot(options: Omit<FactoryProvider<KafkaModuleOptions>, 'provide'>): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: KAFKA_OPTIONS, ...options },
        {
          provide: KAFKA,
          inject: [KAFKA_OPTIONS, LOGGER],
          useFactory: (o: KafkaModuleOptions, logger: Logger) =>
            createKafkaClient({
              clientId: o.clientId,
              brokers: o.brokers,
              logger,
              // Three attempts of a third of the budget each: the whole publish stays within it.
              ...(o.publishBudgetMs
                ? {
                    requestTimeoutMs: Math.ceil(o.publishBudgetMs / 3),
                    connectionTimeoutMs: Math.ceil(o.publishBudgetMs / 6),
                    retries: 2,
                  }
                : {}),
            }),
        },
        {
          provide: EventPublisher,
          inject: [KAFKA, KAFKA_OPTIONS],
          useFactory: (kafka: Kafka, o: KafkaModuleOptions) =>
            new EventPublisher(kafka, o.publishBudgetMs ? { retries: 2 } : {}),
        },
      ],
      exports: [KAFKA, EventPublisher],
    };
  }

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
    private readonly publisher: EventPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, this.options.topics);
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
