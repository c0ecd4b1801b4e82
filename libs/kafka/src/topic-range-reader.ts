import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

/** Records of one partition from `from` (inclusive) to `to` (exclusive). */
export interface OffsetRange {
  topic: string;
  partition: number;
  from: bigint;
  to: bigint;
}

export interface RangeRecords {
  range: OffsetRange;
  messages: KafkaMessage[];
}

/** Earliest and end (next to be written) offset of each partition of `topic`. */
export async function partitionBounds(
  admin: Admin,
  topic: string,
): Promise<{ partition: number; start: bigint; end: bigint }[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets
    .map((p) => ({ partition: p.partition, start: BigInt(p.low), end: BigInt(p.high) }))
    .sort((a, b) => a.partition - b.partition);
}

const READ_TIMEOUT_MS = 30_000;

/**
 * Reads fixed offset ranges, for tools that look at a topic rather than work through it (the
 * dead-letter inspector). kafkajs has no group-less consumer, so this joins a throwaway group that
 * never commits, stops once every range is read, and deletes the group: nothing is left on the
 * cluster, and no service's group offsets move.
 */
export async function readRanges(kafka: Kafka, ranges: readonly OffsetRange[]): Promise<RangeRecords[]> {
  const wanted = ranges.filter((r) => r.to > r.from);
  const results = ranges.map((range) => ({ range, messages: [] as KafkaMessage[] }));
  if (wanted.length === 0) return results;
  const groupId = `docscreen-range-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  const resultOf = (topic: string, partition: number) =>
    results.find(
      (r) => r.range.topic === topic && r.range.partition === partition && r.range.to > r.range.from,
    );
  const pending = new Set(wanted.map((r) => `${r.topic}/${r.partition}`));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set(wanted.map((r) => r.topic))], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${[...pending].join(', ')} took longer than ${READ_TIMEOUT_MS} ms`)),
        READ_TIMEOUT_MS,
      );
      const done = (id: string) => {
        pending.delete(id);
        if (pending.size > 0) return;
        clearTimeout(timer);
        resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const result = resultOf(batch.topic, batch.partition);
            const id = `${batch.topic}/${batch.partition}`;
            if (!result || !pending.has(id)) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              if (offset >= result.range.from && offset < result.range.to) result.messages.push(message);
            }
            // A range may end in a gap (deleted by retention, or never written): the high watermark says
            // there is nothing more to wait for.
            const last = BigInt(batch.lastOffset());
            if (last + 1n >= result.range.to || last + 1n >= BigInt(batch.highWatermark)) done(id);
          },
        })
        .then(() => {
          // Start each partition where its range starts, not at the earliest record.
          for (const range of wanted) {
            consumer.seek({ topic: range.topic, partition: range.partition, offset: range.from.toString() });
          }
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return results;
}

/** A group is deletable once its last member left; the leave may take a moment to register. */
async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.deleteGroups([groupId]);
        return;
      } catch (error) {
        const type = (error as { groups?: { error?: { type?: string } }[] }).groups?.[0]?.error?.type;
        if (type === 'GROUP_ID_NOT_FOUND') return;
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
