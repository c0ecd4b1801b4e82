import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Topic } from '@docscreen/contracts';
import {
  EventConsumer,
  PermanentEventError,
  type ConsumedEvent,
  type EventConsumerOptions,
  type Handling,
} from '@docscreen/kafka';
import type { Kafka } from 'kafkajs';
import { consumerLagMonitor } from '../kafka/consumer-lag.js';

export type KafkaEventServerOptions = Omit<EventConsumerOptions, 'topics'>;

const BATCH_EXTRA = 'docscreenBatch';

/** `@EventPattern(topic, BATCH)`: the handler takes a partition's consecutive events as an array. */
export const BATCH = Object.freeze({ [BATCH_EXTRA]: true });

/**
 * A Nest microservice transport on docscreen's consumer: `@EventPattern(TOPICS.X)` methods receive the
 * decoded protobuf event (`ConsumedEvent`), run inside the producer's trace, and a thrown error is
 * retried and then dead-lettered by the consumer rather than swallowed by Nest.
 *
 * `@EventPattern(TOPICS.X, BATCH)` methods receive instead the consecutive events of one partition as
 * an array (`ConsumedEvent[]`, see `BatchEventHandler`): for work whose cost is per round trip.
 *
 * Nest's built-in Kafka transport is not used because it assumes JSON payloads, commits before the
 * handler's result is known, and has no dead-letter topic.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  // Handler errors must reach the consumer (retry, then dead-letter), not Nest's exception filters.
  override readonly propagatesEventHandlerErrors = true;
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaEventServerOptions,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    const topics = [...this.messageHandlers.keys()] as Topic[];
    const consumer = new EventConsumer(this.kafka, { ...this.options, topics });
    this.consumer = consumer;
    consumerLagMonitor(this.kafka)?.watch(this.options.groupId, topics);
    consumer.start((topic) => this.handling(topic)).then(() => callback(), callback);
  }

  async close(): Promise<void> {
    consumerLagMonitor(this.kafka)?.unwatch(this.options.groupId);
    await this.consumer?.stop();
  }

  isRunning(): boolean {
    return this.consumer?.isRunning() ?? false;
  }

  /** Why the consumer is not consuming normally (see EventConsumer.problem), or undefined. */
  problem(): string | undefined {
    return this.consumer ? this.consumer.problem() : 'the event consumer has not started';
  }

  on(): never {
    throw new Error('KafkaEventServer does not expose client events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private handling(topic: Topic): Handling {
    const handler = this.getHandlerByPattern(topic);
    const call = async (payload: ConsumedEvent | readonly ConsumedEvent[]): Promise<void> => {
      if (!handler) throw new PermanentEventError('no-handler', `no handler for ${topic}`);
      const result: unknown = await handler(payload);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
    return handler?.extras?.[BATCH_EXTRA] === true ? { batch: call } : { each: call };
  }
}
