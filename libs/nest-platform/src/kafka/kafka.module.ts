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
import { retryUntilDone, type Logger } from '@docscreen/observability';
import { LOGGER } from '../observability/observability.module.js';
import { ConsumerLagMonitor, setConsumerLagMonitor } from './consumer-lag.js';

/** Injection token of the service's one kafkajs client. */
export const KAFKA = Symbol('KAFKA');
const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');

/** Clients whose topics and producer are not set up yet, with the last reason (see kafkaProbe). */
const settingUp = new WeakMap<Kafka, string>();

/** Why this client's topics and producer are not ready yet, or undefined once they are. */
export function kafkaSetupProblem(kafka: Kafka): string | undefined {
  return settingUp.get(kafka);
}

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
  /**
   * How often the lag of this service's consumer groups is read from the broker (committed offsets
   * against topic ends) for `docscreen.consumer.lag`; default 15 s.
   */
  consumerLagEveryMs?: number;
}

const CONSUMER_LAG_EVERY_MS = 15_000;

/**
 * The service's Kafka client and its idempotent `EventPublisher`, connected at start-up (after the
 * topics exist) and disconnected at shutdown, once every in-flight publish has settled.
 *
 * The set-up runs in the background and is retried with backoff until it succeeds: a service may
 * start before the broker, or on a just-formatted one whose topics are still electing leaders, and
 * then answers its health checks (not ready, saying why) instead of exiting.
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

  private readonly stopping = new AbortController();
  private setup: Promise<void> | undefined;
  private readonly lag: ConsumerLagMonitor;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly publisher: EventPublisher,
  ) {
    // Every consumer group the service runs (KafkaEventServer) reports its lag through this monitor.
    this.lag = new ConsumerLagMonitor(kafka, {
      everyMs: options.consumerLagEveryMs ?? CONSUMER_LAG_EVERY_MS,
      logger,
    });
    setConsumerLagMonitor(kafka, this.lag);
  }

  onModuleInit(): void {
    settingUp.set(this.kafka, 'creating topics and connecting the producer');
    this.setup = retryUntilDone(
      'kafka-setup',
      async () => {
        try {
          await ensureTopics(this.kafka, this.options.topics);
          await this.publisher.connect();
        } catch (error) {
          settingUp.set(this.kafka, `topics and producer not ready: ${(error as Error).message}`);
          throw error;
        }
        settingUp.delete(this.kafka);
        this.logger.info({ topics: this.options.topics.length }, 'kafka topics ready, producer connected');
      },
      { logger: this.logger, signal: this.stopping.signal },
    ).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.setup;
    await this.lag.stop();
    await this.publisher.disconnect();
  }
}
