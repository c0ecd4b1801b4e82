import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
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
  redisProbe,
} from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { ConfigModule, GATEWAY_CONFIG } from './config/config.module.js';
import { SERVICE_NAME, type GatewayConfig } from './config/gateway-config.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectivesModule } from './directives/directives.module.js';
import { InteractiveModule } from './interactive/interactive.module.js';
import { PrismaService } from './database/prisma.service.js';
import { ManifestsModule } from './manifests/manifests.module.js';
import { ConsumerHandle, ConsumerHandleModule } from '@docscreen/nest-platform';
import { REDIS, RedisModule } from './messaging/redis.module.js';

@Module({})
export class AppModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot(logger),
        ConfigModule,
        DatabaseModule,
        RedisModule,
        ConsumerHandleModule,
        KafkaModule.forRoot({
          inject: [GATEWAY_CONFIG],
          // The gateway owns the passenger topic (12 partitions keyed by flight) and consumes the
          // directives screening issues (created here too, same settings, so either may start first).
          useFactory: (config: GatewayConfig) => ({
            clientId: SERVICE_NAME,
            brokers: config.KAFKA_BROKERS,
            topics: [
              { topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 },
              { topic: TOPICS.BOARDING_DIRECTIVE, numPartitions: 12 },
            ],
            // A carrier waits at most this long for its receipt or its 503.
            publishBudgetMs: config.KAFKA_PUBLISH_TIMEOUT_MS,
          }),
        }),
        HealthModule.forProbes({
          inject: [KAFKA, PrismaService, REDIS, ConsumerHandle],
          useFactory: (kafka: Kafka, prisma: PrismaService, redis: Redis, consumer: ConsumerHandle) => [
            kafkaProbe(kafka),
            postgresProbe(() => prisma.$queryRaw`SELECT 1`),
            redisProbe(redis),
            consumerProbe(consumer),
          ],
        }),
        ManifestsModule,
        DirectivesModule,
        InteractiveModule,
        // Operators' dead-letter API for this service's consumer group (/v1/admin/dead-letters).
        DeadLettersModule.forRoot({
          inject: [GATEWAY_CONFIG],
          useFactory: (config: GatewayConfig) => ({ consumerGroups: [config.KAFKA_GROUP_ID] }),
        }),
      ],
    };
  }
}
