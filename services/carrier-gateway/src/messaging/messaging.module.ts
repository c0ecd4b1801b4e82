import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import { createKafkaClient, ensureTopics, EventPublisher } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import { SERVICE_NAME, type GatewayConfig } from '../config/gateway-config.js';

export const KAFKA = Symbol('KAFKA');
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [GATEWAY_CONFIG, LOGGER],
      useFactory: (config: GatewayConfig, logger: Logger) =>
        createKafkaClient({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger }),
    },
    { provide: EventPublisher, inject: [KAFKA], useFactory: (kafka: Kafka) => new EventPublisher(kafka) },
    {
      provide: REDIS,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 }),
    },
  ],
  exports: [KAFKA, EventPublisher, REDIS],
})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The gateway owns the passenger topic: 12 partitions keyed by flight. */
  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    this.redis.disconnect();
  }
}
