import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { decodeEvent, type EventOf, type Topic } from '@docscreen/contracts';

export interface ReadEvent<T extends Topic> {
  key: string | null;
  headers: Record<string, string>;
  message: EventOf<T>;
  partition: number;
}

/**
 * Reads a topic from the beginning in a throwaway consumer group until `done` says the collected events
 * suffice AND everything already on the topic when the read began has been seen — so a test that counts
 * events ("exactly two") also sees any duplicate written before it looked. Fails after `timeoutMs`
 * saying how many it saw.
 */
export async function readTopic<T extends Topic>(
  brokers: readonly string[],
  topic: T,
  done: (events: ReadEvent<T>[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadEvent<T>[]> {
  const kafka = new Kafka({
    clientId: 'docscreen-test-reader',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  const events: ReadEvent<T>[] = [];
  const admin = kafka.admin();
  await admin.connect();
  // Offsets to reach per partition: the high watermarks when the read began.
  const pending = new Map(
    (await admin.fetchTopicOffsets(topic))
      .filter((p) => p.high !== p.low)
      .map((p) => [p.partition, BigInt(p.high) - 1n]),
  );
  await admin.disconnect();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`timed out after ${timeoutMs} ms reading ${topic}: saw ${events.length} events`)),
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
              headers,
              message: decodeEvent(topic, message.value ?? Buffer.alloc(0)),
              partition,
            });
            if ((pending.get(partition) ?? -1n) <= BigInt(message.offset)) pending.delete(partition);
            if (pending.size === 0 && done(events)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return events;
  } finally {
    await consumer.disconnect();
  }
}
