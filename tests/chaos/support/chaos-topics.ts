import { randomBytes } from 'node:crypto';
import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@docscreen/testing';

export interface TopicEvent<S extends DescMessage> {
  value: MessageShape<S>;
  headers: Record<string, string>;
}

const client = (brokers: string[]) =>
  new Kafka({ clientId: 'chaos-reader', brokers, logLevel: logLevel.NOTHING });

/** Reads a whole topic of the suite's own broker, from its start to its end as of now. */
export async function readTopic<S extends DescMessage>(
  brokers: string[],
  topic: string,
  schema: S,
): Promise<TopicEvent<S>[]> {
  const kafka = client(brokers);
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).catch(() => []); // no such topic: nothing on it
  const ends = new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
  const groupId = `chaos-reader-${randomBytes(6).toString('hex')}`;
  const out: TopicEvent<S>[] = [];
  const next = new Map<number, bigint>();
  const done = () => [...ends].every(([partition, high]) => (next.get(partition) ?? 0n) >= high);
  if (!done()) {
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        next.set(partition, BigInt(message.offset) + 1n);
        if (!message.value) return;
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        out.push({ value: fromBinary(schema, message.value), headers });
      },
    });
    await waitFor(`the whole of ${topic}`, () => (done() ? true : undefined), 120_000);
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  await admin.disconnect();
  return out;
}

/** Follows a topic as it is written, until `close`: what it saw is what reached the broker by then. */
export interface TopicTap<S extends DescMessage> {
  readonly seen: MessageShape<S>[];
  close(): Promise<void>;
}

export async function tapTopic<S extends DescMessage>(
  brokers: string[],
  topic: string,
  schema: S,
): Promise<TopicTap<S>> {
  const consumer = client(brokers).consumer({
    groupId: `chaos-tap-${randomBytes(6).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  const seen: MessageShape<S>[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value) seen.push(fromBinary(schema, message.value));
    },
  });
  return { seen, close: () => consumer.disconnect().catch(() => undefined) };
}
