import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { AlertRaisedSchema, type AlertRaised } from '@docscreen/contracts';
import { Kafka, logLevel, type Admin } from 'kafkajs';

export interface AlertRecord {
  key: string | null;
  headers: Record<string, string>;
  message: AlertRaised;
}

/**
 * Reads a topic of AlertRaised records that belongs to this run — an agency's (alerts.<agency>.v1) or
 * this run's group's dead-letter topic — from the beginning, until `done` says enough and the end the
 * topic had when asked is reached: a test that counts "exactly one" also sees a duplicate already there.
 */
export async function readAlertTopic(
  brokers: readonly string[],
  topic: string,
  done: (records: AlertRecord[]) => boolean,
  timeoutMs = 60_000,
): Promise<AlertRecord[]> {
  const kafka = new Kafka({
    clientId: 'alert-topic-reader',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await highWatermarks(admin, topic);
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, end]) => end > 0n).map(([partition]) => partition));
  const consumer = kafka.consumer({ groupId: `alert-topic-reader-${randomUUID()}` });
  const records: AlertRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`timed out after ${timeoutMs} ms reading ${topic}: saw ${records.length} records`),
          ),
        timeoutMs,
      );
      const finish = () => {
        if (pending.size === 0 && done(records)) {
          clearTimeout(timer);
          resolve();
        }
      };
      consumer
        .run({
          eachMessage: async ({ partition, message: message_ }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message_.headers ?? {})) {
              const first = Array.isArray(value) ? value[0] : value;
              if (first !== undefined) headers[name] = first.toString();
            }
            // A dead-letter topic may hold another run's poison record: skipped, never retried forever.
            const message = decoded(message_.value);
            if (message) records.push({ key: message_.key?.toString() ?? null, headers, message });
            if (BigInt(message_.offset) + 1n >= (ends.get(partition) ?? 0n)) pending.delete(partition);
            finish();
          },
        })
        .catch(reject);
      finish();
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}

function decoded(value: Buffer | null): AlertRaised | undefined {
  try {
    return value ? fromBinary(AlertRaisedSchema, value) : undefined;
  } catch {
    return undefined;
  }
}

async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  // An agency's topic is created at registration; its partitions may not answer for their leader yet.
  for (let attempt = 1; ; attempt++) {
    try {
      return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
    } catch (error) {
      // kafkajs wraps a retriable protocol error in a non-retriable one once its own retries are spent.
      const e = error as { retriable?: boolean; cause?: { retriable?: boolean } };
      if (attempt >= 10 || !(e.retriable || e.cause?.retriable)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
