import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import {
  DeadLettersModule,
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
import { ConsumerHandle, ConsumerHandleModule } from '@docscreen/nest-platform';
import { ReferenceData } from './reference-data/reference-data.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';
import { RegistryIndex } from './registry-index/registry-index.js';
import { RegistryIndexModule } from './registry-index/registry-index.module.js';
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
        RegistryIndexModule,
        ReferenceDataModule,
        KafkaModule.forRoot({
          inject: [SCREENING_CONFIG],
          // Screening owns its output topic, and makes sure its input exists so it can join the group.
          useFactory: (config: ScreeningConfig) => ({
            clientId: SERVICE_NAME,
            brokers: config.KAFKA_BROKERS,
            topics: [
              { topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 },
              { topic: TOPICS.SCREENING_COMPLETED, numPartitions: 12 },
              { topic: TOPICS.ALERT_RAISED, numPartitions: 12 },
              { topic: TOPICS.BOARDING_DIRECTIVE, numPartitions: 12 },
              // Owned by the registry; created here too (same settings) so screening can start first.
              {
                topic: TOPICS.DOCUMENT_STATUS_CHANGED,
                numPartitions: 12,
                config: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '60000' },
              },
            ],
          }),
        }),
        HealthModule.forProbes({
          inject: [KAFKA, PrismaService, ConsumerHandle, RegistryIndex, ReferenceData],
          useFactory: (
            kafka: Kafka,
            prisma: PrismaService,
            consumer: ConsumerHandle,
            index: RegistryIndex,
            referenceData: ReferenceData,
          ) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            consumerProbe(consumer),
            {
              name: 'lost-stolen-index',
              check: () => {
                const reason = index.notReadyReason;
                if (reason) throw new Error(reason);
                return Promise.resolve();
              },
            },
            {
              name: 'reference-data',
              check: () => {
                if (!referenceData.isLoaded) throw new Error('rules and visa matrix not read yet');
                const gap = referenceData.rulesGap;
                if (gap) throw new Error(gap);
                return Promise.resolve();
              },
            },
          ],
        }),
        ScreeningModule,
        // Operators' dead-letter API for this service's consumer group (/v1/admin/dead-letters).
        DeadLettersModule.forRoot({
          inject: [SCREENING_CONFIG],
          useFactory: (config: ScreeningConfig) => ({ consumerGroups: [config.KAFKA_GROUP_ID] }),
        }),
      ],
    };
  }
}
