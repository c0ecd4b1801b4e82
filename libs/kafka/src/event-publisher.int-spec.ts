import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer, type ProducerConfig } from 'kafkajs';
import { testInfrastructure } from '@docscreen/testing';
import { EventTooLargeError } from './errors.js';
import { EventPublisher } from './event-publisher.js';
import { isBrokenProducerState } from './producer-failures.js';
import { ensureTopics } from './topic-admin.js';

// On the real broker: a record over a topic's max.message.bytes leaves a plain kafkajs idempotent
// producer refusing every later send (the incident behind this suite); the publisher refuses such a
// record before sending, splits what is too large for one batch, and replaces a broken producer.

const SMALL_LIMIT = 4_096;

describe('EventPublisher against max.message.bytes and broken producer state', () => {
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;
  /** Every producer the publisher under test made, so a test can break one behind its back. */
  const made: Producer[] = [];
  let publisher: EventPublisher;
  let normal: string;
  let small: string;
  const created: string[] = [];

  beforeAll(async () => {
    const infra = await testInfrastructure();
    kafka = new Kafka({
      clientId: 'publisher-int-spec',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
    const spied = Object.create(kafka) as Kafka;
    spied.producer = (config?: ProducerConfig) => {
      const producer = kafka.producer(config);
      made.push(producer);
      return producer;
    };
    publisher = new EventPublisher(spied, { retries: 1 });
  });

  beforeEach(async () => {
    const run = randomUUID().slice(0, 8);
    normal = `test.publisher-normal.${run}`;
    small = `test.publisher-small.${run}`;
    created.push(normal, small);
    await ensureTopics(kafka, [
      { topic: normal, numPartitions: 1 },
      { topic: small, numPartitions: 1, config: { 'max.message.bytes': String(SMALL_LIMIT) } },
    ]);
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher.disconnect();
    await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin.disconnect();
  });

  const record = (bytes: number) => ({ key: 'k', value: Buffer.alloc(bytes, 1), headers: {} });
  /** Records on `topic`. A topic just created may not have answered for its leader yet: ask again. */
  const written = async (topic: string): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };

  /** What the incident did: three records to one topic and, in the same request, one too large. */
  async function poison(producer: Producer): Promise<unknown> {
    return producer
      .sendBatch({
        acks: -1,
        topicMessages: [
          { topic: normal, messages: [record(10), record(10), record(10)] },
          { topic: small, messages: [record(SMALL_LIMIT * 2)] },
        ],
      })
      .catch((error: unknown) => error);
  }

  it('a plain kafkajs idempotent producer refuses every send after one too large (the incident)', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 1 } });
    await producer.connect();
    try {
      expect(await poison(producer)).toMatchObject({ type: 'MESSAGE_TOO_LARGE' });
      for (let i = 0; i < 3; i++) {
        const error = await producer
          .send({ topic: normal, acks: -1, messages: [record(10)] })
          .catch((e) => e);
        expect(error).toMatchObject({ type: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
        expect(isBrokenProducerState(error)).toBe(true);
      }
      expect(await written(normal)).toBe(3);
    } finally {
      await producer.disconnect();
    }
  });

  it('refuses a record over the topic limit before sending, naming topic, size and limit; the next sends succeed', async () => {
    const error = await publisher.publishRaw(small, [record(10), record(SMALL_LIMIT)]).catch((e) => e);
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ reason: 'event-too-large', topic: small, limit: SMALL_LIMIT });
    expect((error as EventTooLargeError).bytes).toBeGreaterThan(SMALL_LIMIT);
    expect((error as Error).message).toContain(`at most ${SMALL_LIMIT}`);
    expect(await written(small)).toBe(0);

    await publisher.publishRaw(small, [record(10)]);
    await publisher.publishRaw(normal, [record(10), record(10)]);
    expect(await written(small)).toBe(1);
    expect(await written(normal)).toBe(2);
  });

  it('sends records that together exceed one batch as several requests, all of them', async () => {
    const values = Array.from({ length: 20 }, (_, i) => ({
      key: 'same',
      value: Buffer.alloc(1_000, i),
      headers: {},
    }));
    await publisher.publishRaw(small, values);
    expect(await written(small)).toBe(20);
  });

  it('after the broker refuses a batch (the limit was lowered since it was read), the producer is replaced and later sends succeed', async () => {
    await publisher.publishRaw(small, [record(10)]); // reads and caches the topic's limit
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        { type: 2 /* TOPIC */, name: small, configEntries: [{ name: 'max.message.bytes', value: '1024' }] },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the broker applies topic configs asynchronously
    const error = await publisher.publishRaw(small, [record(2_000)]).catch((e) => e);
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ reason: 'event-too-large', topic: small });

    for (let i = 0; i < 3; i++) await publisher.publishRaw(normal, [record(10), record(10), record(10)]);
    await publisher.publishRaw(small, [record(10)]);
    expect(await written(normal)).toBe(9);
    expect(await written(small)).toBe(2);
  });

  it('a send refused for broken producer state is tried once on a fresh producer, and so are the sends after it', async () => {
    await publisher.publishRaw(normal, [record(10)]);
    const broken = made.at(-1)!;
    expect(await poison(broken)).toMatchObject({ type: 'MESSAGE_TOO_LARGE' }); // behind the publisher's back
    const before = made.length;

    for (let i = 0; i < 3; i++) await publisher.publishRaw(normal, [record(10)]);

    expect(made.length).toBe(before + 1);
    expect(await written(normal)).toBe(1 + 3 + 3);
  });
});
