import type { Kafka } from 'kafkajs';
import type { EventPublisher } from './event-publisher.js';
import { ensureTopics } from './topic-admin.js';
import { partitionBounds, readRanges } from './topic-range-reader.js';

/**
 * Where re-drives are recorded. A JSON record on a Kafka topic rather than a protobuf contract: it is an
 * operators' log written and read only by this library (no service consumes it, nothing leaves the
 * organisation), so a schema in proto/ would be a contract with one party and no reader to protect.
 * Kafka rather than a database because every service has a broker and none shares its database; one
 * partition keeps the trail in the order things happened, and it is kept for good (a few hundred bytes
 * a re-drive).
 */
export const REDRIVE_AUDIT_TOPIC = 'docscreen.dlq-redrives.v1';

/** One re-drive of one dead letter: who sent it back, when, and where it landed. */
export interface RedriveRecord {
  deadLetterTopic: string;
  /** The dead letter's offset on `deadLetterTopic`. */
  offset: string;
  /** The event id of the re-driven record (from its header), if it had one. */
  eventId: string | null;
  /** `topic/partition/offset` of the copy written to the original topic. */
  redrivenTo: string;
  /** Who asked, as the operator declared it (the operators' token is shared, not personal). */
  actor: string;
  /** ISO-8601 instant. */
  at: string;
  /** Whether an earlier re-drive of the same dead letter was overridden. */
  forced: boolean;
}

/** The append-only trail of re-drives (`docscreen.dlq-redrives.v1`, keyed by dead-letter topic). */
export class RedriveAudit {
  constructor(
    private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
  ) {}

  /** Every re-drive of `deadLetterTopic` (all topics when omitted), oldest first. */
  async records(deadLetterTopic?: string): Promise<RedriveRecord[]> {
    await this.ensureTopic();
    const admin = this.kafka.admin();
    await admin.connect();
    const bounds = await partitionBounds(admin, REDRIVE_AUDIT_TOPIC).finally(() => admin.disconnect());
    const read = await readRanges(
      this.kafka,
      bounds.map((b) => ({ topic: REDRIVE_AUDIT_TOPIC, partition: b.partition, from: b.start, to: b.end })),
    );
    return read
      .flatMap((r) => r.messages)
      .filter((m) => !deadLetterTopic || m.key?.toString() === deadLetterTopic)
      .flatMap((m) => parse(m.value))
      .filter((r) => !deadLetterTopic || r.deadLetterTopic === deadLetterTopic);
  }

  async append(records: readonly RedriveRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.ensureTopic();
    await this.publisher.publishRaw(
      REDRIVE_AUDIT_TOPIC,
      records.map((r) => ({
        key: r.deadLetterTopic,
        value: Buffer.from(JSON.stringify(r)),
        headers: { 'content-type': 'application/json' },
      })),
    );
  }

  // Every time, not once per process: a cluster that lost the topic (a broker replaced by an empty one)
  // gets it back, where a remembered answer would fail every read of the dead letters from then on.
  // One admin round trip, on an operators' call.
  private ensureTopic(): Promise<unknown> {
    return ensureTopics(this.kafka, [
      { topic: REDRIVE_AUDIT_TOPIC, numPartitions: 1, config: { 'retention.ms': '-1' } },
    ]);
  }
}

/** A record another version wrote in a shape this one cannot read is left out, not fatal. */
function parse(value: Buffer | null): RedriveRecord[] {
  if (!value) return [];
  try {
    const record = JSON.parse(value.toString()) as Partial<RedriveRecord>;
    return typeof record.deadLetterTopic === 'string' && typeof record.offset === 'string'
      ? [record as RedriveRecord]
      : [];
  } catch {
    return [];
  }
}
