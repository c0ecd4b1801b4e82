import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { create } from '@bufbuild/protobuf';
import {
  deadLetterTopic,
  newEnvelope,
  PassengerReportedSchema,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { createLogger } from '@docscreen/observability';
import { positionGroupAtEnd, testInfrastructure, waitFor } from '@docscreen/testing';
import { PermanentEventError } from './errors.js';
import { EventConsumer, type ConsumedEvent } from './event-consumer.js';
import { EventPublisher } from './event-publisher.js';
import { HEADERS } from './headers.js';
import { ensureTopics } from './topic-admin.js';

// On the real broker: events cross with their headers, failures are retried, and what cannot be handled
// lands on the consumer's dead-letter topic with the reason, after which the consumer moves on.

const logger = createLogger({ service: 'kafka-int-spec', level: 'silent' });
const producer = { name: 'kafka-int-spec', version: '0' };
/** Header of the records a test writes after the ones it expects, to know it has read them all. */
const SENTINEL = 'x-test-sentinel';

function passenger(ref: string): PassengerReported {
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer }),
    carrierCode: 'XQ',
    flightKey: 'XQ1/2026-12-01',
    traveller: { travellerRef: ref },
  });
}

describe('EventPublisher and EventConsumer on the real broker', () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    kafka = new Kafka({
      clientId: 'kafka-int-spec',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await publisher.disconnect();
  });

  let brokers: string[];

  /** A consumer in a group of its own, positioned after every earlier run's events. */
  async function consumer(
    groupId: string,
    maxAttempts = 3,
    maxBatchEvents?: number,
    deadLetterStreakLimit?: number,
    retryWindowMs?: number,
  ): Promise<EventConsumer> {
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    const c = new EventConsumer(kafka, {
      groupId,
      topics: [TOPICS.PASSENGER_REPORTED],
      logger,
      deadLetters: publisher,
      maxAttempts,
      retryDelayMs: 10,
      // Dead-letter after maxAttempts: these tests are about what happens then (one below sets a window).
      retryWindowMs: retryWindowMs ?? 0,
      maxBatchEvents,
      deadLetterStreakLimit,
    });
    consumers.push(c);
    return c;
  }

  /**
   * The headers of the records on the group's dead-letter topic: once `count` arrived, a sentinel is
   * written to each of its partitions, and the records are those read before every sentinel came back
   * — whatever the consumer dead-lettered before is read by then, without a fixed wait.
   */
  async function deadLetters(groupId: string, count: number): Promise<Record<string, string>[]> {
    const topic = deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId);
    const dlq = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const dead: Record<string, string>[] = [];
    const sentinelsBack = new Set<string>();
    await dlq.connect();
    await dlq.subscribe({ topic, fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        if (headers[SENTINEL]) sentinelsBack.add(headers[SENTINEL]);
        else dead.push(headers);
      },
    });
    await waitFor('the dead letters', () => (dead.length >= count ? true : undefined));
    const sentinels = await writeSentinels(topic);
    await waitFor('a sentinel after them on every partition', () =>
      sentinels.every((id) => sentinelsBack.has(id)) ? true : undefined,
    );
    await dlq.disconnect();
    return dead;
  }

  /** One record marked with a SENTINEL header on each partition of `topic`; their ids. */
  async function writeSentinels(topic: string): Promise<string[]> {
    const admin = kafka.admin();
    await admin.connect();
    const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => p.partition);
    await admin.disconnect();
    const sentinels = partitions.map(() => randomUUID());
    const writer = kafka.producer();
    await writer.connect();
    await writer.send({
      topic,
      messages: partitions.map((partition, i) => ({
        partition,
        value: null,
        headers: { [SENTINEL]: sentinels[i]! },
      })),
    });
    await writer.disconnect();
    return sentinels;
  }

  it('delivers decoded events with content type, event id and trace headers, keyed by flight', async () => {
    const ref = randomUUID();
    const sent = passenger(ref);
    const received: ConsumedEvent[] = [];
    await (
      await consumer(`int-${randomUUID()}`)
    ).start({
      each: async (event) => {
        received.push(event);
      },
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: sent.flightKey, message: sent }]);
    const event = await waitFor('the event', () =>
      received.find((e) => (e.message as PassengerReported).traveller?.travellerRef === ref),
    );
    expect(event.key).toBe('XQ1/2026-12-01');
    expect(event.headers[HEADERS.CONTENT_TYPE]).toBe('application/x-protobuf');
    expect(event.headers[HEADERS.EVENT_ID]).toBe(sent.envelope?.eventId);
    expect(event.headers[HEADERS.EVENT_TYPE]).toBe('docscreen.passenger.v1.PassengerReported');
  });

  it('retries a transient failure and then succeeds without dead-lettering', async () => {
    const ref = randomUUID();
    let attempts = 0;
    const handled: string[] = [];
    await (
      await consumer(`int-${randomUUID()}`)
    ).start({
      each: async (event) => {
        if ((event.message as PassengerReported).traveller?.travellerRef !== ref) return;
        attempts += 1;
        if (attempts < 3) throw new Error('database briefly unavailable');
        handled.push(ref);
      },
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: 'XQ1/2026-12-01', message: passenger(ref) }]);
    await waitFor('the third attempt', () => (handled.length ? true : undefined));
    expect(attempts).toBe(3);
  });

  it('retries a failure that lasts less than its retry window, however many attempts that takes', async () => {
    // A database gone for a moment: 2 attempts allowed, but the window keeps it alive until it is back.
    const groupId = `int-${randomUUID()}`;
    const ref = randomUUID();
    let downUntil = 0;
    let attempts = 0;
    const handled: string[] = [];
    await (
      await consumer(groupId, 2, undefined, undefined, 10_000)
    ).start({
      each: async (event) => {
        if ((event.message as PassengerReported).traveller?.travellerRef !== ref) return;
        attempts += 1;
        if (attempts === 1) downUntil = Date.now() + 1_500;
        if (Date.now() < downUntil) throw new Error('database unreachable');
        handled.push(ref);
      },
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: 'XQ3/2026-12-01', message: passenger(ref) }]);
    await waitFor('the event handled once the database is back', () => (handled.length ? true : undefined));
    expect(attempts).toBeGreaterThan(2);
    expect(handled).toEqual([ref]);
  });

  it('dead-letters what cannot be handled, with the reason, and goes on with the next event', async () => {
    const groupId = `int-${randomUUID()}`;
    const [poison, next] = [randomUUID(), randomUUID()];
    const handled: string[] = [];
    await (
      await consumer(groupId, 2)
    ).start({
      each: async (event) => {
        const ref = (event.message as PassengerReported).traveller?.travellerRef ?? '';
        if (ref === poison)
          throw new PermanentEventError('contract-violation', 'traveller without documents');
        handled.push(ref);
      },
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [
      { key: 'XQ9/2026-12-01', message: passenger(poison) },
      { key: 'XQ9/2026-12-01', message: passenger(next) },
    ]);
    await waitFor('the event after the poison one', () => (handled.includes(next) ? true : undefined));

    const dead = await deadLetters(groupId, 1);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      [HEADERS.DLQ_REASON]: 'contract-violation',
      [HEADERS.DLQ_ERROR]: 'traveller without documents',
    });
    expect(handled).not.toContain(poison);
  });

  it('hands a partition’s consecutive events to a batch handler in slices, in order', async () => {
    const refs: string[] = Array.from({ length: 40 }, () => randomUUID());
    const calls: string[][] = [];
    const c = await consumer(`int-${randomUUID()}`, 3, 16);
    await c.start({
      batch: async (events) => {
        const ours = events
          .map((e) => (e.message as PassengerReported).traveller?.travellerRef ?? '')
          .filter((ref) => refs.includes(ref));
        if (ours.length) calls.push(ours);
      },
    });
    // One send, one key: the 40 events land on one partition back to back.
    await publisher.publish(
      TOPICS.PASSENGER_REPORTED,
      refs.map((ref) => ({ key: 'XQ7/2026-12-01', message: passenger(ref) })),
    );
    await waitFor('all 40 events', () => (calls.flat().length >= refs.length ? true : undefined));
    expect(calls.flat()).toEqual(refs);
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(16);
    expect(calls.some((c) => c.length > 1)).toBe(true);
  });

  it('handles a failed batch’s events again one at a time: the poison one is dead-lettered, none lost', async () => {
    const groupId = `int-${randomUUID()}`;
    const refs: string[] = Array.from({ length: 10 }, () => randomUUID());
    const poison = refs[4]!;
    const handled: string[] = [];
    const sizes: number[] = [];
    await (
      await consumer(groupId, 2, 50)
    ).start({
      batch: async (events) => {
        const ours = events
          .map((e) => (e.message as PassengerReported).traveller?.travellerRef ?? '')
          .filter((ref) => refs.includes(ref));
        if (ours.length === 0) return;
        sizes.push(ours.length);
        if (ours.includes(poison)) throw new PermanentEventError('contract-violation', 'poison in the batch');
        handled.push(...ours);
      },
    });
    await publisher.publish(
      TOPICS.PASSENGER_REPORTED,
      refs.map((ref) => ({ key: 'XQ8/2026-12-01', message: passenger(ref) })),
    );
    await waitFor('the nine good events', () => (handled.length >= 9 ? true : undefined));
    expect(new Set(handled)).toEqual(new Set(refs.filter((r) => r !== poison)));
    expect(sizes.some((n) => n > 1)).toBe(true);
    const dead = await deadLetters(groupId, 1);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ [HEADERS.DLQ_REASON]: 'contract-violation' });
  });

  it('reports a problem while it dead-letters every event it handles, and recovers with the next success', async () => {
    const c = await consumer(`int-${randomUUID()}`, 1, undefined, 5);
    let failing = true;
    const handled: string[] = [];
    await c.start({
      each: async (event) => {
        if (failing) throw new Error('the database refuses every write');
        handled.push((event.message as PassengerReported).traveller?.travellerRef ?? '');
      },
    });
    expect(c.problem()).toBeUndefined();
    await publisher.publish(
      TOPICS.PASSENGER_REPORTED,
      Array.from({ length: 5 }, () => ({ key: 'XQ5/2026-12-01', message: passenger(randomUUID()) })),
    );
    const problem = await waitFor('readiness to notice the dead letters', () => c.problem());
    expect(problem).toMatch(/dead-lettered the last \d+ events it handled \(none succeeded\)/);

    failing = false;
    const next = randomUUID();
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: 'XQ5/2026-12-01', message: passenger(next) }]);
    await waitFor('the next event handled', () => (handled.includes(next) ? true : undefined));
    expect(c.problem()).toBeUndefined();
  });

  it('stopped while still joining, it leaves nothing consuming behind', async () => {
    // kafkajs' stop() did nothing while its runner was joining; the join then completed and a
    // consumer nobody owned fetched on. Here the stopped one would take some of the 12 partitions.
    const groupId = `int-${randomUUID()}`;
    const seenBy = new Map<string, string>();
    const track = (who: string) => async (event: ConsumedEvent) =>
      void seenBy.set((event.message as PassengerReported).traveller?.travellerRef ?? '', who);
    const first = await consumer(groupId);
    const joining = first.start({ each: track('stopped') });
    await first.stop();
    await joining.catch(() => undefined);
    expect(first.isRunning()).toBe(false);

    const second = await consumer(groupId);
    await second.start({ each: track('running') });
    // One sentinel for each partition: any partition the stopped consumer still held would show.
    const sentinels = Array.from({ length: 48 }, (_, i) => ({ key: `XQ${i}/2026-12-02`, ref: randomUUID() }));
    await publisher.publish(
      TOPICS.PASSENGER_REPORTED,
      sentinels.map(({ key, ref }) => ({ key, message: passenger(ref) })),
    );
    await waitFor('every sentinel handled', () =>
      sentinels.every((s) => seenBy.has(s.ref)) ? true : undefined,
    );
    expect(new Set(sentinels.map((s) => seenBy.get(s.ref)))).toEqual(new Set(['running']));
  });
});
