import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import {
  DeadLettersModule,
  ConsumerHandle,
  ConsumerHandleModule,
  consumerProbe,
  HealthModule,
  KAFKA,
  KafkaModule,
  kafkaProbe,
  ObservabilityModule,
  postgresProbe,
  redisProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { ConfigModule, DISPATCH_CONFIG } from './config/config.module.js';
import { SERVICE_NAME, type DispatchConfig } from './config/dispatch-config.js';
import { DatabaseModule } from './database/database.module.js';
import { PrismaService } from './database/prisma.service.js';
import { AgencyWebhooks } from './webhooks/agency-webhooks.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

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
          inject: [DISPATCH_CONFIG],
          // Screening owns the alert topic; created here too (same settings) so dispatch can start
          // first. Agencies' topics are created as agencies are registered (AgencyTopics).
          useFactory: (config: DispatchConfig) => ({
            clientId: SERVICE_NAME,
            brokers: config.KAFKA_BROKERS,
            topics: [{ topic: TOPICS.ALERT_RAISED, numPartitions: 12 }],
          }),
        }),
        HealthModule.forProbes({
          inject: [KAFKA, PrismaService, ConsumerHandle, AgencyWebhooks],
          useFactory: (
            kafka: Kafka,
            prisma: PrismaService,
            consumer: ConsumerHandle,
            webhooks: AgencyWebhooks,
          ) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            redisProbe(webhooks),
            consumerProbe(consumer),
          ],
        }),
        AgenciesModule,
        WebhooksModule,
        AlertsModule,
        // Operators' dead-letter API for this service's consumer group (/v1/admin/dead-letters).
        DeadLettersModule.forRoot({
          inject: [DISPATCH_CONFIG],
          useFactory: (config: DispatchConfig) => ({ consumerGroups: [config.KAFKA_GROUP_ID] }),
        }),
      ],
    };
  }
}
