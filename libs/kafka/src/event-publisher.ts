import type { Kafka, Producer, RecordMetadata } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';
import { CONTENT_TYPE, encodeEvent, eventTypeOf, type EventOf, type Topic } from '@docscreen/contracts';
import { HEADERS, type Headers } from './headers.js';
import { injectTraceContext } from './trace-context.js';

export interface OutgoingEvent<T extends Topic> {
  /** Partition key: events with the same key stay in order on one partition. */
  key: string;
  message: EventOf<T>;
}

export interface RawRecord {
  key: Buffer | string | null;
  value: Buffer | Uint8Array | null;
  headers: Headers;
}

/**
 * The only way events leave a docscreen service. Idempotent producer with acks from all in-sync
 * replicas: when `publish` resolves, the broker has the events durably; when it rejects, the caller
 * must not acknowledge anything to its own client.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  /**
   * `retries` bounds how long a failing `publish` keeps trying. When it rejects, nothing of it is left
   * in flight: a caller that answers "not accepted" can rely on nothing being published later.
   */
  constructor(kafka: Kafka, options: { retries?: number } = {}) {
    this.producer = kafka.producer({
      idempotent: true,
      // kafkajs guarantees ordering with idempotence only with one request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: options.retries ?? 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async publish<T extends Topic>(topic: T, events: readonly OutgoingEvent<T>[]): Promise<RecordMetadata[]> {
    if (events.length === 0) return [];
    return this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: events.map(({ key, message }) => {
        const envelope = message.envelope;
        const headers: Headers = {
          [HEADERS.CONTENT_TYPE]: CONTENT_TYPE,
          [HEADERS.EVENT_TYPE]: eventTypeOf(topic),
        };
        if (envelope?.eventId) headers[HEADERS.EVENT_ID] = envelope.eventId;
        if (envelope?.correlationId) headers[HEADERS.CORRELATION_ID] = envelope.correlationId;
        return { key, value: Buffer.from(encodeEvent(topic, message)), headers: injectTraceContext(headers) };
      }),
    });
  }

  /** Forwards bytes untouched (dead-letter queues keep the original payload for replay). */
  async publishRaw(topic: string, records: readonly RawRecord[]): Promise<RecordMetadata[]> {
    return this.producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({
        key: r.key,
        value: r.value === null ? null : Buffer.from(r.value),
        headers: r.headers,
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
