import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import {
  DeadLettersModule,
  HealthModule,
  KAFKA,
  KafkaModule,
  kafkaProbe,
  ObservabilityModule,
  postgresProbe,
  redisProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { AuthoritiesModule } from './authorities/authorities.module.js';
import { ConfigModule, REGISTRY_CONFIG } from './config/config.module.js';
import { SERVICE_NAME, type RegistryConfig } from './config/registry-config.js';
import { DatabaseModule } from './database/database.module.js';
import { PrismaService } from './database/prisma.service.js';
import { NationalFeedModule } from './national-feed/national-feed.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { ImportQueue } from './imports/import-queue.js';
import { ImportsModule } from './imports/imports.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { REGISTRY_TOPIC } from './reconciliation/registry-topic.js';
import { RecordsModule } from './records/records.module.js';

@Module({})
export class AppModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot(logger),
        ConfigModule,
        DatabaseModule,
        KafkaModule.forRoot({
          inject: [REGISTRY_CONFIG],
          // The registry owns the compacted change stream: the latest event per document key is its state.
          useFactory: (config: RegistryConfig) => ({
            clientId: SERVICE_NAME,
            brokers: config.KAFKA_BROKERS,
            topics: [REGISTRY_TOPIC, { topic: TOPICS.NATIONAL_LIST_CHANGED, numPartitions: 12 }],
          }),
        }),
        HealthModule.forProbes({
          inject: [KAFKA, PrismaService, ImportQueue],
          useFactory: (kafka: Kafka, prisma: PrismaService, imports: ImportQueue) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            redisProbe(imports),
          ],
        }),
        AuthoritiesModule,
        RecordsModule,
        ImportsModule,
        NationalFeedModule,
        OutboxModule,
        ReconciliationModule,
        // Operators' dead-letter API for the national feed's consumer group (/v1/admin/dead-letters).
        DeadLettersModule.forRoot({ useFactory: () => ({ consumerGroups: [SERVICE_NAME] }) }),
      ],
    };
  }
}
