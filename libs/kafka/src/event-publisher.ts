import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';
import {
  CONTENT_TYPE,
  encodeEvent,
  eventTypeOf,
  schemaForTopic,
  type EventOf,
  type Topic,
} from '@docscreen/contracts';
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
    return this.send(topic, topic, events);
  }

  /**
   * Publishes events to several topics in one produce request per broker (kafkajs `sendBatch`):
   * one round trip instead of one per topic. Not atomic across topics — if it rejects, some may have
   * been written — so callers that need "all or again" retry the whole call, as a consumer does by
   * failing the record (the events' ids let consumers drop the copies).
   */
  async publishAll(
    batches: readonly { [T in Topic]: { topic: T; events: readonly OutgoingEvent<T>[] } }[Topic][],
  ): Promise<RecordMetadata[]> {
    const topicMessages = batches
      .filter((batch) => batch.events.length > 0)
      .map((batch) => ({
        topic: batch.topic,
        messages: this.records(batch.topic, batch.events as readonly OutgoingEvent<Topic>[]),
      }));
    if (topicMessages.length === 0) return [];
    return this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
  }

  /**
   * Publishes events of `contract`'s type to `destination`, a topic that carries the same payload:
   * the per-agency alert topics (`alerts.<agency>.v1`) and per-carrier directive topics
   * (`directives.<carrier>.v1`) hold copies of `AlertRaised` and `BoardingDirective`.
   *
   * @throws RangeError when `destination` does not carry `contract`'s payload.
   */
  async publishCopy<T extends Topic>(
    destination: string,
    contract: T,
    events: readonly OutgoingEvent<T>[],
  ): Promise<RecordMetadata[]> {
    if (schemaForTopic(destination)?.typeName !== eventTypeOf(contract)) {
      throw new RangeError(`topic ${destination} does not carry ${eventTypeOf(contract)}`);
    }
    return this.send(destination, contract, events);
  }

  private async send<T extends Topic>(
    destination: string,
    contract: T,
    events: readonly OutgoingEvent<T>[],
  ): Promise<RecordMetadata[]> {
    if (events.length === 0) return [];
    return this.producer.send({
      topic: destination,
      acks: -1,
      compression: CompressionTypes.None,
      messages: this.records(contract, events),
    });
  }

  private records<T extends Topic>(contract: T, events: readonly OutgoingEvent<T>[]): Message[] {
    return events.map(({ key, message }) => {
      const envelope = message.envelope;
      const headers: Headers = {
        [HEADERS.CONTENT_TYPE]: CONTENT_TYPE,
        [HEADERS.EVENT_TYPE]: eventTypeOf(contract),
      };
      if (envelope?.eventId) headers[HEADERS.EVENT_ID] = envelope.eventId;
      if (envelope?.correlationId) headers[HEADERS.CORRELATION_ID] = envelope.correlationId;
      return {
        key,
        value: Buffer.from(encodeEvent(contract, message)),
        headers: injectTraceContext(headers),
      };
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
