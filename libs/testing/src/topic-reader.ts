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
 * suffice, or fails after `timeoutMs` saying how many it saw.
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
            if (done(events)) {
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
