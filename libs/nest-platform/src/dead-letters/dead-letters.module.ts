import { Module, type DynamicModule, type FactoryProvider } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DeadLetters, EventPublisher } from '@docscreen/kafka';
import { AdminTokenGuard } from '../auth/admin-token.guard.js';
import { KAFKA } from '../kafka/kafka.module.js';
import { DeadLettersController } from './dead-letters.controller.js';

export interface DeadLettersModuleOptions {
  /** The consumer groups this service runs: their `<topic>.dlq.<group>` topics are its dead letters. */
  consumerGroups: readonly string[];
}

/**
 * The operators' dead-letter API (`/v1/admin/dead-letters`) for the service's own consumer groups.
 * Needs `KafkaModule` and the service's `ADMIN_TOKEN` provider.
 */
@Module({})
export class DeadLettersModule {
  static forRoot(options: Omit<FactoryProvider<DeadLettersModuleOptions>, 'provide'>): DynamicModule {
    return {
      module: DeadLettersModule,
      controllers: [DeadLettersController],
      providers: [
        AdminTokenGuard,
        {
          provide: DeadLetters,
          inject: [KAFKA, EventPublisher, ...(options.inject ?? [])],
          useFactory: async (kafka: Kafka, publisher: EventPublisher, ...args: unknown[]) => {
            const { consumerGroups } = await options.useFactory(...args);
            return new DeadLetters(kafka, publisher, consumerGroups);
          },
        },
      ],
    };
  }
}
