import {
  context,
  SpanKind,
  SpanStatusCode,
  trace as traces,
  type Context,
  type Span,
} from '@opentelemetry/api';
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
import { EventTooLargeError } from './errors.js';
import { HEADERS, type Headers } from './headers.js';
import { MessageSizeLimits } from './message-size-limits.js';
import { isBrokenProducerState, isTooLarge, isUnknownTopic } from './producer-failures.js';
import { packRequests, RECORD_BATCH_OVERHEAD, recordBytes, type SizedMessage } from './record-size.js';
import { recreateLostTopics } from './topic-admin.js';
import { injectTraceContext } from './trace-context.js';
import { CORRELATION_ID_ATTRIBUTE } from '@docscreen/observability';

export interface OutgoingEvent<T extends Topic> {
  /** Partition key: events with the same key stay in order on one partition. */
  key: string;
  message: EventOf<T>;
  /** The trace it continues: the active one by default; a batch handler passes its cause's (ConsumedEvent.trace). */
  trace?: Context;
}

const tracer = traces.getTracer('@docscreen/kafka');

/** Ends the send spans when the broker answered (or did not: then they are marked failed). */
async function ended<R>(spans: readonly Span[], sending: Promise<R>): Promise<R> {
  try {
    return await sending;
  } catch (error) {
    for (const span of spans) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

export interface RawRecord {
  key: Buffer | string | null;
  value: Buffer | Uint8Array | null;
  headers: Headers;
}

type TopicMessages = { topic: string; messages: Message[] };

/** One kafkajs producer and the sends using it; replaced as a whole once a send on it failed. */
interface ProducerGeneration {
  producer: Producer;
  connected: Promise<void>;
  inFlight: number;
  retired: boolean;
  closed: boolean;
}

/**
 * The only way events leave a docscreen service. Idempotent producer with acks from all in-sync
 * replicas: when a publish resolves, the broker has the events durably; when it rejects, the caller
 * must not acknowledge anything to its own client.
 *
 * Every record is measured against its topic's `max.message.bytes` before anything is sent: an event
 * too large to ever be accepted fails the publish with an EventTooLargeError (a permanent error naming
 * the topic, the size and the limit) and nothing of that publish is sent. A publish larger than one
 * batch may take is sent as several produce requests, in order; if a later one fails, the earlier
 * ones stay written (the events' ids let consumers drop the copies a retry makes).
 *
 * A producer whose send failed is replaced by a fresh one (a new producer id): kafkajs rolls back the
 * sequence numbers of every partition of a failed request, including those the broker wrote, after
 * which the next send to them is refused as out of order (for good) or dropped as a duplicate. A send
 * refused because the producer's idempotent state is broken is tried once more on the fresh producer.
 */
export class EventPublisher {
  private readonly limits: MessageSizeLimits;
  private current: ProducerGeneration | undefined;
  private readonly closing = new Set<Promise<void>>();
  private connected = false;

  /**
   * `retries` bounds how long a failing `publish` keeps trying. When it rejects, nothing of it is left
   * in flight: a caller that answers "not accepted" can rely on nothing being published later.
   */
  constructor(
    private readonly kafka: Kafka,
    private readonly options: { retries?: number } = {},
  ) {
    this.limits = new MessageSizeLimits(kafka);
  }

  /** Connects the producer and reads the broker's message size limit. */
  async connect(): Promise<void> {
    if (this.connected) return;
    this.connected = true;
    try {
      await this.generation().connected;
      await this.limits.load();
    } catch (error) {
      this.connected = false;
      throw error;
    }
  }

  async publish<T extends Topic>(topic: T, events: readonly OutgoingEvent<T>[]): Promise<RecordMetadata[]> {
    const spans: Span[] = [];
    return ended(spans, this.send([{ topic, messages: this.records(topic, topic, events, spans) }]));
  }

  /**
   * Publishes events to several topics, in one produce request per broker (kafkajs `sendBatch`) as long
   * as each topic's events fit in one batch: one round trip instead of one per topic. Not atomic across
   * topics or requests — if it rejects, some may have been written — so callers that need "all or again"
   * retry the whole call, as a consumer does by failing the record (the events' ids let consumers drop
   * the copies).
   */
  async publishAll(
    batches: readonly { [T in Topic]: { topic: T; events: readonly OutgoingEvent<T>[] } }[Topic][],
  ): Promise<RecordMetadata[]> {
    const spans: Span[] = [];
    return ended(
      spans,
      this.send(
        batches.map((batch) => ({
          topic: batch.topic,
          messages: this.records(
            batch.topic,
            batch.topic,
            batch.events as readonly OutgoingEvent<Topic>[],
            spans,
          ),
        })),
      ),
    );
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
    const spans: Span[] = [];
    return ended(
      spans,
      this.send([{ topic: destination, messages: this.records(contract, destination, events, spans) }]),
    );
  }

  /** Forwards bytes untouched (dead-letter queues keep the original payload for replay). */
  async publishRaw(topic: string, records: readonly RawRecord[]): Promise<RecordMetadata[]> {
    return this.send([
      {
        topic,
        messages: records.map((r) => ({
          key: r.key,
          value: r.value === null ? null : Buffer.from(r.value),
          headers: r.headers,
        })),
      },
    ]);
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    const current = this.current;
    this.current = undefined;
    if (current) {
      current.retired = current.closed = true;
      await current.producer.disconnect();
    }
    await Promise.all(this.closing);
  }

  /**
   * The records of `events`, each with its own `send` span (PRODUCER) in the trace the event continues —
   * its `trace`, or the active one — and that span's context in the record's headers. Made here, not by
   * the kafkajs instrumentation, which would put every record of a batch in the caller's one trace.
   */
  private records<T extends Topic>(
    contract: T,
    destination: string,
    events: readonly OutgoingEvent<T>[],
    spans: Span[],
  ): Message[] {
    return events.map(({ key, message, trace }) => {
      const envelope = message.envelope;
      const headers: Headers = {
        [HEADERS.CONTENT_TYPE]: CONTENT_TYPE,
        [HEADERS.EVENT_TYPE]: eventTypeOf(contract),
      };
      if (envelope?.eventId) headers[HEADERS.EVENT_ID] = envelope.eventId;
      if (envelope?.correlationId) headers[HEADERS.CORRELATION_ID] = envelope.correlationId;
      const parent = trace ?? context.active();
      const span = tracer.startSpan(
        `send ${destination}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.destination.name': destination,
            ...(envelope?.eventId ? { 'messaging.message.id': envelope.eventId } : {}),
            ...(envelope?.correlationId ? { [CORRELATION_ID_ATTRIBUTE]: envelope.correlationId } : {}),
          },
        },
        parent,
      );
      spans.push(span);
      return {
        key,
        value: Buffer.from(encodeEvent(contract, message)),
        headers: injectTraceContext(headers, traces.setSpan(parent, span)),
      };
    });
  }

  /** Measures every record, refuses the send if one can never fit, then sends it in as few requests as fit. */
  private async send(topics: readonly TopicMessages[]): Promise<RecordMetadata[]> {
    const sized: { topic: string; records: SizedMessage[] }[] = [];
    const limits = new Map<string, number>();
    for (const { topic, messages } of topics) {
      if (messages.length === 0) continue;
      const limit = await this.limits.forTopic(topic);
      limits.set(topic, limit);
      const records = messages.map((message) => ({ message, bytes: recordBytes(message) }));
      const largest = Math.max(...records.map((r) => r.bytes));
      if (largest + RECORD_BATCH_OVERHEAD > limit) {
        throw new EventTooLargeError(topic, largest + RECORD_BATCH_OVERHEAD, limit);
      }
      sized.push({ topic, records });
    }
    const metadata: RecordMetadata[] = [];
    for (const request of packRequests(sized, (topic) => limits.get(topic)!)) {
      metadata.push(...(await this.sendRequest(request, limits)));
    }
    return metadata;
  }

  /**
   * One produce request; tried again once on a fresh producer if the producer's state was broken, or
   * once its lost topic was created again.
   */
  private async sendRequest(
    request: TopicMessages[],
    limits: ReadonlyMap<string, number>,
  ): Promise<RecordMetadata[]> {
    const produce = (producer: Producer) =>
      producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: request });
    try {
      try {
        return await this.withProducer(produce);
      } catch (error) {
        if (isBrokenProducerState(error)) return await this.withProducer(produce);
        // A topic the cluster lost (a broker replaced by an empty one): created again, then sent once more.
        const topics = request.map((r) => r.topic);
        if (isUnknownTopic(error) && (await recreateLostTopics(this.kafka, topics)).length > 0)
          return await this.withProducer(produce);
        throw error;
      }
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      // Our measure said it fits, so a topic's limit changed since it was read: read it again next time.
      for (const { topic } of request) this.limits.forget(topic);
      const bytes = Math.max(...request.flatMap((r) => r.messages.map(recordBytes))) + RECORD_BATCH_OVERHEAD;
      const limit = Math.min(...request.map((r) => limits.get(r.topic)!));
      throw new EventTooLargeError(request.map((r) => r.topic).join(', '), bytes, limit, { cause: error });
    }
  }

  /** Runs a send on the current producer; a failed send retires it (see the class comment). */
  private async withProducer<R>(send: (producer: Producer) => Promise<R>): Promise<R> {
    if (!this.connected) throw new Error('the event publisher is not connected');
    const generation = this.generation();
    generation.inFlight++;
    try {
      await generation.connected;
      return await send(generation.producer);
    } catch (error) {
      this.retire(generation);
      throw error;
    } finally {
      generation.inFlight--;
      if (generation.retired && generation.inFlight === 0) this.close(generation);
    }
  }

  private generation(): ProducerGeneration {
    if (this.current) return this.current;
    const producer = this.kafka.producer({
      idempotent: true,
      // kafkajs guarantees ordering with idempotence only with one request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: this.options.retries ?? 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    const generation: ProducerGeneration = {
      producer,
      connected: producer.connect(),
      inFlight: 0,
      retired: false,
      closed: false,
    };
    // A failed connect is reported to whoever awaits it; the next send starts a new producer.
    generation.connected.catch(() => this.retire(generation));
    this.current = generation;
    return generation;
  }

  /** New sends go to a fresh producer; this one is disconnected once its own sends have settled. */
  private retire(generation: ProducerGeneration): void {
    if (generation.retired) return;
    generation.retired = true;
    if (this.current === generation) this.current = undefined;
    if (generation.inFlight === 0) this.close(generation);
  }

  private close(generation: ProducerGeneration): void {
    if (generation.closed) return;
    generation.closed = true;
    const closed = generation.producer
      .disconnect()
      .catch(() => undefined)
      .finally(() => this.closing.delete(closed));
    this.closing.add(closed);
  }
}
