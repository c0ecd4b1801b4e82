import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import {
  HealthModule,
  kafkaProbe,
  ObservabilityModule,
  postgresProbe,
  redisProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { PrismaService } from './database/prisma.service.js';
import { ManifestsModule } from './manifests/manifests.module.js';
import { KAFKA, MessagingModule, REDIS } from './messaging/messaging.module.js';

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
          inject: [KAFKA, PrismaService, REDIS],
          useFactory: (kafka: Kafka, prisma: PrismaService, redis: Redis) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            redisProbe(redis),
          ],
        }),
        ManifestsModule,
      ],
    };
  }
}
