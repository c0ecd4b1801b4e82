import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Topic } from '@docscreen/contracts';
import {
  EventConsumer,
  PermanentEventError,
  type ConsumedEvent,
  type EventConsumerOptions,
} from '@docscreen/kafka';
import type { Kafka } from 'kafkajs';

export type KafkaEventServerOptions = Omit<EventConsumerOptions, 'topics'>;

/**
 * A Nest microservice transport on docscreen's consumer: `@EventPattern(TOPICS.X)` methods receive the
 * decoded protobuf event (`ConsumedEvent`), run inside the producer's trace, and a thrown error is
 * retried and then dead-lettered by the consumer rather than swallowed by Nest.
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
    consumer.start((event) => this.dispatch(event)).then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  isRunning(): boolean {
    return this.consumer?.isRunning() ?? false;
  }

  on(): never {
    throw new Error('KafkaEventServer does not expose client events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async dispatch(event: ConsumedEvent): Promise<void> {
    const handler = this.getHandlerByPattern(event.topic);
    if (!handler) throw new PermanentEventError('no-handler', `no handler for ${event.topic}`);
    const result: unknown = await handler(event);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
