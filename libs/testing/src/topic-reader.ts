import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { decodeEvent, type EventOf, type Topic } from '@docscreen/contracts';

export interface ReadEvent<T extends Topic> {
  key: string | null;
  /** A record with no value: on a compacted topic, the key's deletion. Its `message` is empty. */
  tombstone: boolean;
  headers: Record<string, string>;
  message: EventOf<T>;
  partition: number;
}

export interface TopicReader<T extends Topic> {
  /**
   * Reads what was written since the reader was opened, until `done` says the events suffice AND every
   * event already on the topic when `read` was called has been seen — so a test that counts ("exactly
   * two") also sees a duplicate written before it looked. Fails after `timeoutMs` saying what it saw.
   */
  read(done: (events: ReadEvent<T>[]) => boolean, timeoutMs?: number): Promise<ReadEvent<T>[]>;
}

const client = (brokers: readonly string[]) =>
  new Kafka({ clientId: 'docscreen-test-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });

async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  // Right after a topic is created its partitions may not have answered for their leader yet.
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

/**
 * Snapshots the topic's end now; `read` later sees only what came after. Open it before the action a
 * test observes: the topics of a long-lived broker hold every earlier run's events.
 */
export async function openTopicReader<T extends Topic>(
  brokers: readonly string[],
  topic: T,
): Promise<TopicReader<T>> {
  const kafka = client(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const start = await highWatermarks(admin, topic);
  await admin.disconnect();
  return { read: (done, timeoutMs = 30_000) => readFrom(kafka, topic, start, done, timeoutMs) };
}

/**
 * Gives a consumer group that has never run committed offsets at the topic's current end. On a fresh
 * broker where the topic does not exist yet there is nothing earlier to skip: the group is left to
 * start at the beginning of the topic the service will create.
 */
export async function positionGroupAtEnd(
  brokers: readonly string[],
  groupId: string,
  topic: Topic,
): Promise<void> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return;
    const ends = await highWatermarks(admin, topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: [...ends].map(([partition, offset]) => ({ partition, offset: offset.toString() })),
    });
  } finally {
    await admin.disconnect();
  }
}

async function readFrom<T extends Topic>(
  kafka: Kafka,
  topic: T,
  start: Map<number, bigint>,
  done: (events: ReadEvent<T>[]) => boolean,
  timeoutMs: number,
): Promise<ReadEvent<T>[]> {
  const groupId = `test-reader-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  const ends = await highWatermarks(admin, topic);
  await admin.setOffsets({
    groupId,
    topic,
    partitions: [...ends].map(([partition]) => ({
      partition,
      offset: (start.get(partition) ?? 0n).toString(),
    })),
  });
  await admin.disconnect();
  // Partitions that already hold events the reader must see before it may stop.
  const pending = new Set(
    [...ends].filter(([partition, end]) => end > (start.get(partition) ?? 0n)).map(([p]) => p),
  );

  const consumer = kafka.consumer({ groupId });
  const events: ReadEvent<T>[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic });
    await new Promise<void>((resolve, reject) => {
      const finish = () => {
        if (pending.size === 0 && done(events)) {
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(
        () =>
          reject(
            new Error(`timed out after ${timeoutMs} ms reading ${topic}: saw ${events.length} new events`),
          ),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message, partition }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) {
              const first = Array.isArray(value) ? value[0] : value;
              if (first !== undefined) headers[name] = first.toString();
            }
            events.push({
              key: message.key?.toString() ?? null,
              tombstone: message.value === null,
              headers,
              message: decodeEvent(topic, message.value ?? Buffer.alloc(0)),
              partition,
            });
            if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n)) pending.delete(partition);
            finish();
          },
        })
        .catch(reject);
      finish();
    });
    return events;
  } finally {
    await consumer.disconnect();
  }
}

/**
 * A consumer group of its own for one service process under test, positioned at the topic's end: the
 * long-lived test broker holds every earlier run's events, which a shared group would have to work
 * through first. Returns the environment that gives the service this group.
 */
export async function freshGroupAtEnd(
  brokers: readonly string[],
  prefix: string,
  topic: Topic,
): Promise<{ KAFKA_GROUP_ID: string }> {
  const groupId = `${prefix}-${randomUUID()}`;
  await positionGroupAtEnd(brokers, groupId, topic);
  return { KAFKA_GROUP_ID: groupId };
}
