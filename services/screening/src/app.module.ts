import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  consumerProbe,
  HealthModule,
  kafkaProbe,
  ObservabilityModule,
  postgresProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { PrismaService } from './database/prisma.service.js';
import { ConsumerHandle } from './messaging/consumer-handle.js';
import { KAFKA, MessagingModule } from './messaging/messaging.module.js';
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
        MessagingModule,
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
