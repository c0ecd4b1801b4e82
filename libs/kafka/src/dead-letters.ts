import type { Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopic, isFlightKey } from '@docscreen/contracts';
import { DeadLetterError } from './dead-letter.error.js';
import type { EventPublisher } from './event-publisher.js';
import { HEADERS, readHeaders, type Headers } from './headers.js';
import { RedriveAudit, type RedriveRecord } from './redrive-audit.js';
import { partitionBounds, readRanges } from './topic-range-reader.js';

/**
 * One dead letter as an operator sees it: why it failed and which event it is, never what it says.
 * The payload holds a traveller's identity; it is described by size, type and event id only.
 */
export interface DeadLetterEntry {
  offset: string;
  /** When it was dead-lettered (ISO-8601). */
  timestamp: string;
  reason: string | null;
  error: string | null;
  /** `topic/partition/offset` of the original record. */
  source: string | null;
  attempts: number | null;
  eventId: string | null;
  eventType: string | null;
  /** The record key when it is a flight key; other keys (document keys) name a person's document. */
  key: string | null;
  /** Payload size in bytes. */
  size: number;
  /** The latest re-drive of this entry, if any. */
  redriven?: RedriveRecord;
  /** The payload, base64: only when an operator asked for it (`entry(…, { payload: true })`). */
  payload?: string;
}

/** A dead-letter topic of one of this service's consumer groups, in numbers. */
export interface DeadLetterTopicSummary {
  topic: string;
  sourceTopic: string;
  consumerGroup: string;
  /** Offsets from `start` (earliest kept) to `end` (next to be written). */
  start: string;
  end: string;
  count: number;
  byReason: Record<string, number>;
  redriven: number;
}

export interface DeadLetterPage {
  topic: string;
  start: string;
  end: string;
  entries: DeadLetterEntry[];
  /** The offset to ask for next, or null at the end. */
  next: string | null;
}

/** Which entries to re-drive: named ones, those of one reason, or all. */
export type RedriveSelection = { offsets: readonly string[] } | { reason: string } | { all: true };

export interface RedriveOptions {
  actor: string;
  /** Re-drive entries already re-driven once (named ones are refused otherwise, the rest skipped). */
  force?: boolean;
}

export interface RedriveResult {
  topic: string;
  sourceTopic: string;
  redriven: RedriveRecord[];
  /** Entries the selection matched that were re-driven before, left alone without `force`. */
  skipped: RedriveRecord[];
}

interface OwnedTopic {
  topic: string;
  sourceTopic: string;
  consumerGroup: string;
}

/** Dead-letter topics are created with one partition (EventConsumer), so an offset names an entry. */
const PARTITION = 0;

/**
 * The dead-letter topics (`<topic>.dlq.<group>`) of a service's consumer groups: list, inspect and
 * re-drive their entries. A re-drive publishes the original key, value and headers back to the
 * original topic; consumers are idempotent by event id (ADR 0008), so a re-driven event is handled at
 * most once more. Every re-drive is recorded (RedriveAudit), and an entry is not re-driven twice
 * unless forced.
 */
export class DeadLetters {
  private readonly audit: RedriveAudit;

  constructor(
    private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly consumerGroups: readonly string[],
  ) {
    this.audit = new RedriveAudit(kafka, publisher);
  }

  /** Every dead-letter topic of the consumer groups, with counts by reason. */
  async summaries(): Promise<DeadLetterTopicSummary[]> {
    const topics = await this.topics();
    const bounds = await this.bounds(topics.map((t) => t.topic));
    const [read, redrives] = await Promise.all([
      readRanges(
        this.kafka,
        topics.map((t) => ({ topic: t.topic, partition: PARTITION, ...range(bounds.get(t.topic)!) })),
      ),
      this.audit.records(),
    ]);
    return topics.map((owned, i) => {
      const { start, end } = bounds.get(owned.topic)!;
      const byReason: Record<string, number> = {};
      for (const message of read[i]!.messages) {
        const reason = readHeaders(message.headers)[HEADERS.DLQ_REASON] ?? 'unknown';
        byReason[reason] = (byReason[reason] ?? 0) + 1;
      }
      const redriven = new Set(
        redrives.filter((r) => r.deadLetterTopic === owned.topic).map((r) => r.offset),
      );
      return {
        ...owned,
        start: start.toString(),
        end: end.toString(),
        count: read[i]!.messages.length,
        byReason,
        redriven: redriven.size,
      };
    });
  }

  /** Entries of `topic` from `from` (default: the earliest kept), at most `limit`. */
  async entries(topic: string, page: { from?: string; limit: number }): Promise<DeadLetterPage> {
    await this.owned(topic);
    const { start, end } = (await this.bounds([topic])).get(topic)!;
    const from = page.from === undefined ? start : maxOf(BigInt(page.from), start);
    const to = minOf(from + BigInt(page.limit), end);
    const [messages, redrives] = await Promise.all([this.read(topic, from, to), this.latestRedrives(topic)]);
    return {
      topic,
      start: start.toString(),
      end: end.toString(),
      entries: messages.map((m) => toEntry(m, redrives.get(m.offset))),
      next: to < end ? to.toString() : null,
    };
  }

  /** One entry; its payload (base64) only when asked for. */
  async entry(topic: string, offset: string, options: { payload?: boolean } = {}): Promise<DeadLetterEntry> {
    await this.owned(topic);
    const message = await this.message(topic, offset);
    const entry = toEntry(message, (await this.latestRedrives(topic)).get(offset));
    if (options.payload) entry.payload = message.value?.toString('base64') ?? '';
    return entry;
  }

  /**
   * Publishes the selected entries back to the original topic, without their `x-dlq-*` headers and
   * with `x-redriven-from` / `x-redriven-by`, and records each re-drive. The refusal guards against a
   * second re-drive by mistake, not against two operators at the same instant (both would pass the
   * check): that, like any redelivery, is settled by the consumers' idempotency by event id.
   *
   * @throws DeadLetterError `unknown-topic`, `unknown-entry` (a named offset that is not there), or
   * `already-redriven` (a named offset re-driven before, without `force`).
   */
  async redrive(topic: string, selection: RedriveSelection, options: RedriveOptions): Promise<RedriveResult> {
    const owned = await this.owned(topic);
    const { start, end } = (await this.bounds([topic])).get(topic)!;
    const [messages, earlier] = await Promise.all([this.read(topic, start, end), this.latestRedrives(topic)]);
    const selected = select(messages, selection);
    const repeats = selected.filter((m) => earlier.has(m.offset));
    if ('offsets' in selection && repeats.length > 0 && !options.force) {
      throw new DeadLetterError(
        'already-redriven',
        `already re-driven: offset${repeats.length > 1 ? 's' : ''} ${repeats.map((m) => m.offset).join(', ')} of ${topic} (force to re-drive again)`,
        repeats.map((m) => m.offset),
      );
    }
    const toSend = options.force ? selected : selected.filter((m) => !earlier.has(m.offset));
    const redriven: RedriveRecord[] = [];
    try {
      // One at a time, so the audit names where each copy landed; a re-drive is rare and small.
      for (const message of toSend) {
        const [meta] = await this.publisher.publishRaw(owned.sourceTopic, [
          { key: message.key, value: message.value, headers: redrivenHeaders(message, topic, options.actor) },
        ]);
        redriven.push({
          deadLetterTopic: topic,
          offset: message.offset,
          eventId: readHeaders(message.headers)[HEADERS.EVENT_ID] ?? null,
          redrivenTo: `${owned.sourceTopic}/${meta?.partition ?? '?'}/${meta?.baseOffset ?? '?'}`,
          actor: options.actor,
          at: new Date().toISOString(),
          forced: earlier.has(message.offset),
        });
      }
    } finally {
      // What was published is recorded even when a later publish failed. Should this append fail, the
      // entries could be re-driven again by mistake: harmless, consumers drop a known event id.
      await this.audit.append(redriven);
    }
    return {
      topic,
      sourceTopic: owned.sourceTopic,
      redriven,
      skipped: options.force ? [] : repeats.map((m) => earlier.get(m.offset)!),
    };
  }

  /** The dead-letter topics on the cluster that belong to one of the consumer groups. */
  private async topics(): Promise<OwnedTopic[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const names = await admin.listTopics().finally(() => admin.disconnect());
    return names
      .flatMap((name) => ownership(name, this.consumerGroups))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  }

  private async owned(topic: string): Promise<OwnedTopic> {
    const owned = ownership(topic, this.consumerGroups)[0];
    if (!owned || !(await this.topics()).some((t) => t.topic === topic)) {
      throw new DeadLetterError('unknown-topic', `no dead-letter topic ${topic} of this service`);
    }
    return owned;
  }

  private async bounds(topics: readonly string[]): Promise<Map<string, { start: bigint; end: bigint }>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const out = new Map<string, { start: bigint; end: bigint }>();
      for (const topic of topics) {
        const partition = (await partitionBounds(admin, topic)).find((p) => p.partition === PARTITION);
        out.set(topic, partition ?? { start: 0n, end: 0n });
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  private async read(topic: string, from: bigint, to: bigint): Promise<KafkaMessage[]> {
    const [read] = await readRanges(this.kafka, [{ topic, partition: PARTITION, from, to }]);
    return read!.messages;
  }

  private async message(topic: string, offset: string): Promise<KafkaMessage> {
    const at = /^\d+$/.test(offset) ? BigInt(offset) : -1n;
    const message = at < 0n ? undefined : (await this.read(topic, at, at + 1n))[0];
    if (!message)
      throw new DeadLetterError('unknown-entry', `no entry at offset ${offset} of ${topic}`, [offset]);
    return message;
  }

  private async latestRedrives(topic: string): Promise<Map<string, RedriveRecord>> {
    // Oldest first, so the latest re-drive of an offset wins.
    return new Map((await this.audit.records(topic)).map((r) => [r.offset, r]));
  }
}

/** `<source>.dlq.<group>` for one of `groups`, as deadLetterTopic names it; nothing for other topics. */
function ownership(topic: string, groups: readonly string[]): OwnedTopic[] {
  return groups.flatMap((consumerGroup) => {
    const suffix = `.dlq.${consumerGroup}`;
    if (!topic.endsWith(suffix)) return [];
    const sourceTopic = topic.slice(0, -suffix.length);
    try {
      return deadLetterTopic(sourceTopic, consumerGroup) === topic
        ? [{ topic, sourceTopic, consumerGroup }]
        : [];
    } catch {
      return [];
    }
  });
}

function select(messages: readonly KafkaMessage[], selection: RedriveSelection): KafkaMessage[] {
  if ('all' in selection) return [...messages];
  if ('reason' in selection) {
    return messages.filter((m) => readHeaders(m.headers)[HEADERS.DLQ_REASON] === selection.reason);
  }
  const byOffset = new Map(messages.map((m) => [m.offset, m]));
  const missing = selection.offsets.filter((offset) => !byOffset.has(offset));
  if (missing.length > 0) {
    throw new DeadLetterError('unknown-entry', `no entry at offset ${missing.join(', ')}`, missing);
  }
  return [...new Set(selection.offsets)].map((offset) => byOffset.get(offset)!);
}

/** The original headers, as the failing consumer received them, and where the copy comes from. */
function redrivenHeaders(message: KafkaMessage, topic: string, actor: string): Headers {
  const dlq = new Set<string>([
    HEADERS.DLQ_REASON,
    HEADERS.DLQ_ERROR,
    HEADERS.DLQ_SOURCE,
    HEADERS.DLQ_ATTEMPTS,
  ]);
  const headers = Object.fromEntries(
    Object.entries(readHeaders(message.headers)).filter(([name]) => !dlq.has(name)),
  );
  return { ...headers, [HEADERS.REDRIVEN_FROM]: `${topic}/${message.offset}`, [HEADERS.REDRIVEN_BY]: actor };
}

function toEntry(message: KafkaMessage, redriven: RedriveRecord | undefined): DeadLetterEntry {
  const headers = readHeaders(message.headers);
  const key = message.key?.toString() ?? null;
  const attempts = Number(headers[HEADERS.DLQ_ATTEMPTS]);
  return {
    offset: message.offset,
    timestamp: new Date(Number(message.timestamp)).toISOString(),
    reason: headers[HEADERS.DLQ_REASON] ?? null,
    error: headers[HEADERS.DLQ_ERROR] ?? null,
    source: headers[HEADERS.DLQ_SOURCE] ?? null,
    attempts: Number.isInteger(attempts) && attempts > 0 ? attempts : null,
    eventId: headers[HEADERS.EVENT_ID] ?? null,
    eventType: headers[HEADERS.EVENT_TYPE] ?? null,
    key: key !== null && isFlightKey(key) ? key : null,
    size: message.value?.length ?? 0,
    ...(redriven ? { redriven } : {}),
  };
}

const range = ({ start, end }: { start: bigint; end: bigint }) => ({ from: start, to: end });
const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
