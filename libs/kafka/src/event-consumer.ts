import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { decodeEvent, deadLetterTopic, type EventOf, type Topic } from '@docscreen/contracts';
import type { Logger } from '@docscreen/observability';
import { PermanentEventError } from './errors.js';
import { HEADERS, readHeaders, type Headers } from './headers.js';
import type { EventPublisher } from './event-publisher.js';
import { ensureTopics } from './topic-admin.js';
import { extractTraceContext } from './trace-context.js';

export interface ConsumedEvent<T extends Topic = Topic> {
  topic: T;
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  message: EventOf<T>;
}

export type EventHandler = (event: ConsumedEvent) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  topics: readonly Topic[];
  logger: Logger;
  /** Where events that cannot be handled go (`<topic>.dlq.<group>`), with the reason in headers. */
  deadLetters: EventPublisher;
  /** Attempts for a transient failure before the event is dead-lettered. */
  maxAttempts?: number;
  retryDelayMs?: number;
  partitionsConsumedConcurrently?: number;
}

const tracer = trace.getTracer('@docscreen/kafka');

/**
 * A consumer group member that decodes protobuf events by topic, runs the handler inside the
 * producer's trace, retries transient failures, and dead-letters what cannot be handled. An offset is
 * committed only after the handler succeeded or the event reached the dead-letter topic: nothing is
 * skipped silently, and a crash replays at most the uncommitted events (handlers are idempotent).
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: EventConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // A restarted member rejoins quickly; the broker runs with no initial rebalance delay in dev.
      rebalanceTimeout: 30_000,
    });
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  async start(handler: EventHandler): Promise<void> {
    await ensureTopics(
      this.kafka,
      this.options.topics.map((topic) => ({
        topic: deadLetterTopic(topic, this.options.groupId),
        numPartitions: 1,
      })),
    );
    await this.options.deadLetters.connect();
    await this.consumer.connect();
    for (const topic of this.options.topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    this.running = true;
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.handle(payload, handler),
    });
  }

  /** Lets the in-flight event finish, commits what was processed, and leaves the group. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.stop();
    await this.consumer.disconnect();
  }

  isRunning(): boolean {
    return this.running;
  }

  private async handle(payload: EachMessagePayload, handler: EventHandler): Promise<void> {
    const { topic, partition, message } = payload;
    const headers = readHeaders(message.headers);
    const parent = trace.getActiveSpan() ? context.active() : extractTraceContext(headers);
    await tracer.startActiveSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.destination.name': topic, 'messaging.kafka.offset': message.offset },
      },
      parent,
      async (span) => {
        try {
          const event = this.decode(
            topic as Topic,
            partition,
            message.offset,
            message.key,
            message.value,
            headers,
          );
          await this.withRetries(() => handler(event));
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          await this.deadLetter(payload, headers, error);
        } finally {
          span.end();
        }
      },
    );
  }

  private decode(
    topic: Topic,
    partition: number,
    offset: string,
    key: Buffer | null,
    value: Buffer | null,
    headers: Headers,
  ): ConsumedEvent {
    if (!value) throw new PermanentEventError('empty-payload', 'the event has no payload');
    let message: EventOf<Topic>;
    try {
      message = decodeEvent(topic, value);
    } catch (cause) {
      throw new PermanentEventError('undecodable', `payload is not a valid ${topic} protobuf message`, {
        cause,
      });
    }
    return { topic, partition, offset, key: key?.toString() ?? null, headers, message };
  }

  private async withRetries(work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof PermanentEventError || attempt >= this.maxAttempts || !this.running) throw error;
        this.options.logger.warn({ attempt, error }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async deadLetter(payload: EachMessagePayload, headers: Headers, error: unknown): Promise<void> {
    const { topic, partition, message } = payload;
    const reason = error instanceof PermanentEventError ? error.reason : 'handler-failed';
    const target = deadLetterTopic(topic as Topic, this.options.groupId);
    // If this send fails the error propagates: kafkajs does not commit the offset and redelivers.
    await this.options.deadLetters.publishRaw(target, [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...headers,
          [HEADERS.DLQ_REASON]: reason,
          [HEADERS.DLQ_ERROR]: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          [HEADERS.DLQ_SOURCE]: `${topic}/${partition}/${message.offset}`,
          [HEADERS.DLQ_ATTEMPTS]: String(error instanceof PermanentEventError ? 1 : this.maxAttempts),
        },
      },
    ]);
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason, deadLetterTopic: target },
      'event dead-lettered',
    );
  }
}
