import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import { createKafkaClient, ensureTopics, EventPublisher } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { SCREENING_CONFIG } from '../config/config.module.js';
import { SERVICE_NAME, type ScreeningConfig } from '../config/screening-config.js';
import { ConsumerHandle } from './consumer-handle.js';

export const KAFKA = Symbol('KAFKA');

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [SCREENING_CONFIG, LOGGER],
      useFactory: (config: ScreeningConfig, logger: Logger) =>
        createKafkaClient({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger }),
    },
    { provide: EventPublisher, inject: [KAFKA], useFactory: (kafka: Kafka) => new EventPublisher(kafka) },
    ConsumerHandle,
  ],
  exports: [KAFKA, EventPublisher, ConsumerHandle],
})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
  ) {}

  /** Screening owns its output topic; it also makes sure the input exists so it can join the group. */
  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, [
      { topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 },
      { topic: TOPICS.SCREENING_COMPLETED, numPartitions: 12 },
    ]);
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
