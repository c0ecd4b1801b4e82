import {
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { metrics } from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { decodeEvent, deadLetterTopic, type EventOf, type Topic } from '@docscreen/contracts';
import {
  backoffDelay,
  CORRELATION_ID_ATTRIBUTE,
  pause,
  retryUntilDone,
  type Logger,
} from '@docscreen/observability';
import { EventTooLargeError, PermanentEventError } from './errors.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './message-size-limits.js';
import { HEADERS, readHeaders, type Headers } from './headers.js';
import type { EventPublisher } from './event-publisher.js';
import { isUnknownTopic } from './producer-failures.js';
import { ensureTopics, recreateLostTopics } from './topic-admin.js';
import { extractTraceContext } from './trace-context.js';

export interface ConsumedEvent<T extends Topic = Topic> {
  topic: T;
  partition: number;
  offset: string;
  key: string | null;
  headers: Headers;
  message: EventOf<T>;
  /**
   * The trace this event's work belongs to: its span in this consumer, inside the producer's trace.
   * A batch handler passes it as the `trace` of what it publishes for this event (a handler of one
   * event already runs inside it), so each traveller's trace goes on through every service.
   */
  trace: Context;
}

export type EventHandler = (event: ConsumedEvent) => Promise<void>;

/**
 * Handles consecutive events of one partition at once (at most `maxBatchEvents`), for work whose cost
 * is per round trip rather than per event: one multi-row insert, one produce request. Idempotent per
 * event like an `EventHandler`: when it fails, its events are handled again one at a time (each
 * retried, then dead-lettered on its own), so one bad event never holds back or loses the others.
 */
export type BatchEventHandler = (events: readonly ConsumedEvent[]) => Promise<void>;

/** How a topic's events reach their handler: one at a time, or as a partition's batch. */
export type Handling = { each: EventHandler } | { batch: BatchEventHandler };

export interface EventConsumerOptions {
  groupId: string;
  topics: readonly Topic[];
  logger: Logger;
  /** Where events that cannot be handled go (`<topic>.dlq.<group>`), with the reason in headers. */
  deadLetters: EventPublisher;
  /** Attempts for a transient failure before the event is dead-lettered (at least; see retryWindowMs). */
  maxAttempts?: number;
  retryDelayMs?: number;
  /**
   * How long a failing event keeps being retried (backoff doubling from retryDelayMs, at most 5 s
   * apart) before it is dead-lettered, however many attempts that takes (default 60 s). A database or
   * broker that is gone for a few seconds must cost a delay, not dead letters: a dead-lettered
   * traveller is unscreened until an operator re-drives it. A poison event (PermanentEventError) is
   * dead-lettered at once; one that fails for another reason holds its partition this long.
   */
  retryWindowMs?: number;
  partitionsConsumedConcurrently?: number;
  /** Most events given to a `BatchEventHandler` at once (a fetch of a busy partition holds more). */
  maxBatchEvents?: number;
  /**
   * Readiness turns not-ready when this many events in a row were dead-lettered: a consumer that
   * dead-letters everything it handles (a broken producer, a database it cannot write) must be seen,
   * not reported ready while travellers pile up in its dead-letter topic.
   */
  deadLetterStreakLimit?: number;
}

/** How many attempts an error that reached the dead-letter topic took (set by withRetries). */
const attemptsOf = new WeakMap<object, number>();
const MAX_RETRY_DELAY_MS = 5_000;

/** What a dead letter adds to its original: reason, error (≤ 1,000 characters), source, attempts. */
const DEAD_LETTER_HEADROOM = 64 * 1024;

const tracer = trace.getTracer('@docscreen/kafka');
const meter = metrics.getMeter('@docscreen/kafka');
const deadLettered = meter.createCounter('docscreen.consumer.dead_letters', {
  description: 'Events a consumer sent to its dead-letter topic, by group, topic and reason',
});
const streaks = meter.createCounter('docscreen.consumer.dead_letter_streaks', {
  description: 'Times a consumer turned not-ready because it dead-lettered every event it handled',
});

/** A fetched record before decoding: what dead-lettering and tracing need. */
interface Consumed {
  topic: Topic;
  partition: number;
  message: KafkaMessage;
  headers: Headers;
  /** The producer's trace context, from the record's headers. */
  traceContext: Context;
}

function spanAttributes(record: Consumed): Record<string, string> {
  const correlationId = record.headers[HEADERS.CORRELATION_ID];
  const eventId = record.headers[HEADERS.EVENT_ID];
  return {
    'messaging.destination.name': record.topic,
    'messaging.kafka.offset': record.message.offset,
    ...(eventId ? { 'messaging.message.id': eventId } : {}),
    ...(correlationId ? { [CORRELATION_ID_ATTRIBUTE]: correlationId } : {}),
  };
}

function failed(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

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
  private readonly retryWindowMs: number;
  private readonly maxBatchEvents: number;
  private readonly streakLimit: number;
  /** Between start() and stop(): wanted in the group, whether or not it is a member right now. */
  private running = false;
  /** A member of its group: joined, and not crashed since. */
  private member = false;
  private lastCrash: string | undefined;
  /** Dead letters in a row since the last event handled successfully. */
  private streak = 0;
  private readonly stopping = new AbortController();
  /** The join in progress, if any: stop() waits for it (see stop). */
  private joining: Promise<void> | undefined;
  private handlingOf: (topic: Topic) => Handling = (topic) => {
    throw new PermanentEventError('no-handler', `no handler for ${topic}`);
  };

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
    this.retryWindowMs = options.retryWindowMs ?? 60_000;
    this.maxBatchEvents = options.maxBatchEvents ?? 500;
    this.streakLimit = options.deadLetterStreakLimit ?? 25;
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => {
      this.member = true;
      this.lastCrash = undefined;
    });
    this.consumer.on(CRASH, ({ payload }) => {
      this.member = false;
      this.lastCrash = payload.error.message;
      // A subscribed topic the cluster lost (a broker replaced by an empty one): created again, so the
      // runner kafkajs restarts finds it instead of crashing until a publisher happens to create it.
      if (isUnknownTopic(payload.error))
        void recreateLostTopics(kafka, options.topics).catch((error: unknown) =>
          options.logger.warn({ group: options.groupId, error }, 'creating a lost topic again failed'),
        );
      // kafkajs restarts itself after a retriable crash; after any other it stays down for good,
      // which would leave a service up and consuming nothing. Join again, with backoff.
      if (!payload.restart && this.running) void this.rejoin();
    });
  }

  /**
   * Joins the group and hands events over as `handling` says, for every topic or per topic. Resolves
   * once the join was accepted; until then a broker that is not up yet, topics that do not exist yet
   * or are still electing leaders are retried with backoff (logged and counted), never fatal. Rejects
   * only when stop() is called first.
   */
  async start(handling: Handling | ((topic: Topic) => Handling)): Promise<void> {
    this.handlingOf = typeof handling === 'function' ? handling : () => handling;
    this.running = true;
    await this.join();
  }

  private join(): Promise<void> {
    this.joining = retryUntilDone(
      'consumer-join',
      async () => {
        await ensureTopics(
          this.kafka,
          this.options.topics.map((topic) => ({
            topic: deadLetterTopic(topic, this.options.groupId),
            numPartitions: 1,
            // A dead letter is its original plus reason headers: room for an original at the limit.
            config: { 'max.message.bytes': String(DEFAULT_MAX_MESSAGE_BYTES + DEAD_LETTER_HEADROOM) },
          })),
        );
        await this.options.deadLetters.connect();
        await this.consumer.connect();
        for (const topic of this.options.topics)
          await this.consumer.subscribe({ topic, fromBeginning: true });
        // Resolves once the runner joined the group, or handed a failed join to its crash handler.
        await this.consumer.run({
          autoCommit: true,
          // An offset is resolved only once its event was handled or dead-lettered (see onBatch).
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
          eachBatch: (payload) => this.onBatch(payload, this.handlingOf(payload.batch.topic as Topic)),
        });
      },
      { logger: this.options.logger, signal: this.stopping.signal },
    );
    return this.joining;
  }

  /** After a crash kafkajs gave up on: a fresh join once the crashed runner has disconnected. */
  private async rejoin(): Promise<void> {
    for (let attempt = 1; this.running && !this.member; attempt++) {
      await pause(backoffDelay(attempt), this.stopping.signal);
      if (!this.running || this.member) return;
      this.options.logger.warn({ group: this.options.groupId, attempt }, 'consumer crashed; joining again');
      await this.join().catch(() => undefined);
      // A join that crashes again reports it through CRASH; wait for the group's answer before retrying.
      await pause(backoffDelay(attempt), this.stopping.signal);
    }
  }

  /**
   * Lets the in-flight event or batch finish, commits what was processed, and leaves the group.
   *
   * A join in progress is waited for first: kafkajs' `stop()` is a no-op while its runner is still
   * joining (the runner is marked running only once joined), so a consumer stopped mid-join went on
   * to fetch after its client was disconnected and held the process past its shutdown grace (the
   * registry-index test's once-seen flake).
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping.abort();
    await this.joining?.catch(() => undefined);
    await this.consumer.stop();
    await this.consumer.disconnect();
    this.member = false;
  }

  isRunning(): boolean {
    return this.running && this.member;
  }

  /** Why this consumer should not be counted ready, or undefined when it is consuming normally. */
  problem(): string | undefined {
    if (!this.running) return 'the event consumer is not running';
    if (!this.member)
      return this.lastCrash
        ? `the event consumer crashed and is joining again: ${this.lastCrash}`
        : 'the event consumer is joining its group';
    if (this.streak >= this.streakLimit)
      return `the event consumer dead-lettered the last ${this.streak} events it handled (none succeeded)`;
    return undefined;
  }

  /**
   * A fetched batch of one partition, in order: one event at a time, or in slices of `maxBatchEvents`
   * for a batch handler. Stops early when the consumer stops or the partition was reassigned (the
   * unresolved rest is fetched again by whoever owns it).
   */
  private async onBatch(payload: EachBatchPayload, handling: Handling): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const step = 'batch' in handling ? this.maxBatchEvents : 1;
    for (let i = 0; i < batch.messages.length; i += step) {
      if (!isRunning() || isStale()) return;
      const slice = batch.messages.slice(i, i + step);
      const records = slice.map((message) => this.record(batch.topic as Topic, batch.partition, message));
      if ('batch' in handling && records.length > 1) await this.handleBatch(records, handling.batch);
      else {
        const handle = 'each' in handling ? handling.each : (event: ConsumedEvent) => handling.batch([event]);
        for (const record of records) await this.handleOne(record, handle);
      }
      resolveOffset(slice[slice.length - 1]!.offset);
      await heartbeat();
    }
  }

  /**
   * One event in its own span, inside the producer's trace: retried, then dead-lettered. A span active
   * around it (one for a whole fetched batch) is only linked: as the parent it would cut the event's
   * trace at this service.
   */
  private async handleOne(record: Consumed, handler: EventHandler): Promise<void> {
    const around = trace.getActiveSpan()?.spanContext();
    await tracer.startActiveSpan(
      `${record.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: spanAttributes(record),
        ...(around ? { links: [{ context: around }] } : {}),
      },
      record.traceContext,
      async (span) => {
        try {
          await this.withRetries(() => handler(this.decoded(record)));
          this.streak = 0;
        } catch (error) {
          failed(span, error);
          await this.deadLetter(record, error);
        } finally {
          span.end();
        }
      },
    );
  }

  /**
   * Several events in one handler call. Tracing follows the messaging conventions for batches: one
   * span for the batch (the handler's queries and sends are its children) with a link to each event's
   * trace, and in each event's own trace a span linked back to it, so one traveller's trace still
   * reaches this service. Undecodable events are dead-lettered first; if the handler fails, every
   * event is handled again alone (see BatchEventHandler).
   */
  private async handleBatch(records: Consumed[], handler: BatchEventHandler): Promise<void> {
    const decoded: { record: Consumed; event: ConsumedEvent }[] = [];
    for (const record of records) {
      try {
        decoded.push({ record, event: this.decoded(record) });
      } catch (error) {
        await this.deadLetter(record, error);
      }
    }
    if (decoded.length === 0) return;
    const events = decoded.map((d) => d.event);
    const topic = records[0]!.topic;
    const links: Link[] = decoded.flatMap(({ record: r }) => {
      const spanContext = trace.getSpanContext(r.traceContext);
      return spanContext ? [{ context: spanContext }] : [];
    });
    const handled = await tracer.startActiveSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        links,
        attributes: {
          'messaging.destination.name': topic,
          'messaging.batch.message_count': events.length,
        },
      },
      context.active(),
      async (batchSpan) => {
        const perEvent = decoded.map(({ record: r, event }) => {
          const span = tracer.startSpan(
            `${topic} process`,
            {
              kind: SpanKind.CONSUMER,
              attributes: spanAttributes(r),
              links: [{ context: batchSpan.spanContext() }],
            },
            r.traceContext,
          );
          event.trace = trace.setSpan(r.traceContext, span);
          return span;
        });
        try {
          await handler(events);
          return true;
        } catch (error) {
          failed(batchSpan, error);
          this.options.logger.warn(
            { topic, events: events.length, error },
            'batch handler failed; handling its events one at a time',
          );
          return false;
        } finally {
          for (const span of perEvent) span.end();
          batchSpan.end();
        }
      },
    );
    if (handled) {
      this.streak = 0;
      return;
    }
    for (const { record } of decoded) await this.handleOne(record, (event) => handler([event]));
  }

  private record(topic: Topic, partition: number, message: KafkaMessage): Consumed {
    const headers = readHeaders(message.headers);
    return { topic, partition, message, headers, traceContext: extractTraceContext(headers) };
  }

  private decoded(record: Consumed): ConsumedEvent {
    const { topic, partition, message, headers } = record;
    return this.decode(topic, partition, message.offset, message.key, message.value, headers);
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
    return {
      topic,
      partition,
      offset,
      key: key?.toString() ?? null,
      headers,
      message,
      trace: context.active(),
    };
  }

  private async withRetries(work: () => Promise<void>): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const exhausted = attempt >= this.maxAttempts && Date.now() - started >= this.retryWindowMs;
        if (error instanceof PermanentEventError || exhausted || !this.running) {
          if (error !== null && typeof error === 'object') attemptsOf.set(error, attempt);
          throw error;
        }
        const delayMs = Math.min(MAX_RETRY_DELAY_MS, this.retryDelayMs * 2 ** Math.min(attempt - 1, 16));
        this.options.logger.warn({ attempt, retryInMs: delayMs, error }, 'event handler failed; retrying');
        await pause(delayMs, this.stopping.signal);
      }
    }
  }

  private async deadLetter(record: Consumed, error: unknown): Promise<void> {
    const { topic, partition, message, headers } = record;
    const reason = error instanceof PermanentEventError ? error.reason : 'handler-failed';
    const target = deadLetterTopic(topic as Topic, this.options.groupId);
    const deadLetter = {
      key: message.key,
      value: message.value,
      headers: {
        ...headers,
        [HEADERS.DLQ_REASON]: reason,
        [HEADERS.DLQ_ERROR]: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        [HEADERS.DLQ_SOURCE]: `${topic}/${partition}/${message.offset}`,
        [HEADERS.DLQ_ATTEMPTS]: String(attemptsOf.get(error as object) ?? 1),
      },
    };
    // If this send fails the error propagates: kafkajs does not commit the offset and redelivers.
    await this.options.deadLetters.publishRaw(target, [deadLetter]).catch(async (failure: unknown) => {
      // A dead-letter topic made before it had headroom may refuse an original near the limit: keep
      // the record (where it came from, why, how big) without its payload rather than redeliver forever.
      if (!(failure instanceof EventTooLargeError)) throw failure;
      await this.options.deadLetters.publishRaw(target, [
        {
          ...deadLetter,
          value: null,
          headers: {
            ...deadLetter.headers,
            [HEADERS.DLQ_PAYLOAD_DROPPED]: String(message.value?.length ?? 0),
          },
        },
      ]);
    });
    deadLettered.add(1, { group: this.options.groupId, topic, reason });
    if (++this.streak === this.streakLimit) streaks.add(1, { group: this.options.groupId });
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason, deadLetterTopic: target },
      'event dead-lettered',
    );
  }
}
