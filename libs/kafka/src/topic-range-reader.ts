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
 *
 * Each partition is `seek`ed to its range's start once the consumer runs. Should kafkajs restart a
 * crashed runner it forgets the seek (see RegistryIndex) and reads from the earliest record instead:
 * slower, still correct, as records outside a range or already read are skipped. (Committing the
 * starts for the group before it joins, as RegistryIndex does, makes every join here take ~5 s on
 * Kafka 4: too slow for an API call.)
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
  try {
    await consumer.connect();
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
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart) return; // kafkajs joins again and reads from the earliest record
        clearTimeout(timer);
        reject(payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const result = resultOf(batch.topic, batch.partition);
            const id = `${batch.topic}/${batch.partition}`;
            if (!result || !pending.has(id)) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              const next = result.messages.length
                ? BigInt(result.messages[result.messages.length - 1]!.offset) + 1n
                : result.range.from;
              if (offset >= next && offset < result.range.to) result.messages.push(message);
            }
            // A range may end in a gap (deleted by retention, or never written): the high watermark says
            // there is nothing more to wait for.
            const last = BigInt(batch.lastOffset());
            if (last + 1n >= result.range.to || last + 1n >= BigInt(batch.highWatermark)) done(id);
          },
        })
        .then(() => {
          for (const range of wanted) {
            try {
              consumer.seek({
                topic: range.topic,
                partition: range.partition,
                offset: range.from.toString(),
              });
            } catch {
              // A runner restarting right now: it reads from the earliest record, see above.
            }
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
