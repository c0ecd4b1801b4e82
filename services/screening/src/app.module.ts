import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import {
  consumerProbe,
  HealthModule,
  KAFKA,
  KafkaModule,
  kafkaProbe,
  ObservabilityModule,
  postgresProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { ConfigModule, SCREENING_CONFIG } from './config/config.module.js';
import { SERVICE_NAME, type ScreeningConfig } from './config/screening-config.js';
import { DatabaseModule } from './database/database.module.js';
import { PrismaService } from './database/prisma.service.js';
import { ConsumerHandle, ConsumerHandleModule } from './messaging/consumer-handle.js';
import { ScreeningModule } from './screening/screening.module.js';

@Module({})
export class AppModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot(logger),
        ConfigModule,
        DatabaseModule,
        ConsumerHandleModule,
        KafkaModule.forRoot({
          inject: [SCREENING_CONFIG],
          // Screening owns its output topic, and makes sure its input exists so it can join the group.
          useFactory: (config: ScreeningConfig) => ({
            clientId: SERVICE_NAME,
            brokers: config.KAFKA_BROKERS,
            topics: [
              { topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 },
              { topic: TOPICS.SCREENING_COMPLETED, numPartitions: 12 },
            ],
          }),
        }),
        HealthModule.forProbes({
          inject: [KAFKA, PrismaService, ConsumerHandle],
          useFactory: (kafka: Kafka, prisma: PrismaService, consumer: ConsumerHandle) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            consumerProbe(() => consumer.isRunning()),
          ],
        }),
        ScreeningModule,
      ],
    };
  }
}
