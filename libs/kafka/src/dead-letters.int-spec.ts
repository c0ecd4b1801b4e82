import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { create, fromBinary } from '@bufbuild/protobuf';
import {
  deadLetterTopic,
  newEnvelope,
  PassengerReportedSchema,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { createLogger } from '@docscreen/observability';
import { positionGroupAtEnd, testInfrastructure, waitFor } from '@docscreen/testing';
import { DeadLetterError } from './dead-letter.error.js';
import { DeadLetters } from './dead-letters.js';
import { PermanentEventError } from './errors.js';
import { EventConsumer, type ConsumedEvent } from './event-consumer.js';
import { EventPublisher } from './event-publisher.js';
import { HEADERS } from './headers.js';
import { ensureTopics } from './topic-admin.js';

// On the real broker: a record a real EventConsumer dead-lettered is listed and shown without its
// personal data, re-driven to the original topic and handled there once, and not re-driven twice.

const logger = createLogger({ service: 'dead-letters-int-spec', level: 'silent' });
const FLIGHT = 'XQ31/2026-12-01';

function passenger(ref: string): PassengerReported {
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer: { name: 'dead-letters-int-spec', version: '0' } }),
    carrierCode: 'XQ',
    flightKey: FLIGHT,
    traveller: { travellerRef: ref, surname: 'ERIKSSON', givenNames: 'ANNA MARIA' },
  });
}

describe('DeadLetters on the real broker', () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  let consumer: EventConsumer;
  let deadLetters: DeadLetters;
  const groupId = `int-dlq-${randomUUID()}`;
  const dlq = deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId);
  const [poison, next] = [randomUUID(), randomUUID()];
  const poisonEvent = passenger(poison);
  /** Refs the handler refuses; the poison one until the "fix" is deployed. */
  const refused = new Set<string>([poison]);
  const handled: ConsumedEvent[] = [];
  /** Range readers' groups already on the broker (an earlier run killed mid-read may have left one). */
  let readersBefore: string[];
  const handledRef = (ref: string) =>
    handled.filter((e) => (e.message as PassengerReported).traveller?.travellerRef === ref);

  beforeAll(async () => {
    const infra = await testInfrastructure();
    kafka = new Kafka({
      clientId: 'dead-letters-int-spec',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    await positionGroupAtEnd(infra.kafkaBrokers, groupId, TOPICS.PASSENGER_REPORTED);
    consumer = new EventConsumer(kafka, {
      groupId,
      topics: [TOPICS.PASSENGER_REPORTED],
      logger,
      deadLetters: publisher,
    });
    await consumer.start({
      each: async (event) => {
        const ref = (event.message as PassengerReported).traveller?.travellerRef ?? '';
        if (refused.has(ref))
          throw new PermanentEventError('contract-violation', 'traveller without documents');
        handled.push(event);
      },
    });
    readersBefore = await readerGroups();
    deadLetters = new DeadLetters(kafka, publisher, [groupId]);
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [
      { key: FLIGHT, message: poisonEvent },
      { key: FLIGHT, message: passenger(next) },
    ]);
    await waitFor('the event after the poison one', () => (handledRef(next).length ? true : undefined));
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher?.disconnect();
  });

  it('lists the group’s dead-letter topic with its counts by reason', async () => {
    const summaries = await deadLetters.summaries();
    expect(summaries).toEqual([
      expect.objectContaining({
        topic: dlq,
        sourceTopic: TOPICS.PASSENGER_REPORTED,
        consumerGroup: groupId,
        count: 1,
        byReason: { 'contract-violation': 1 },
        redriven: 0,
      }),
    ]);
  });

  it('shows an entry by why it failed and which event it is, never its personal data', async () => {
    const page = await deadLetters.entries(dlq, { limit: 10 });
    expect(page.entries).toHaveLength(1);
    expect(page.next).toBeNull();
    const [entry] = page.entries;
    expect(entry).toMatchObject({
      offset: '0',
      reason: 'contract-violation',
      error: 'traveller without documents',
      attempts: 1,
      eventId: poisonEvent.envelope!.eventId,
      eventType: 'docscreen.passenger.v1.PassengerReported',
      key: FLIGHT,
    });
    expect(entry!.source).toMatch(/^passenger\.reported\.v1\/\d+\/\d+$/);
    expect(entry!.size).toBeGreaterThan(0);
    expect(entry!.payload).toBeUndefined();
    expect(JSON.stringify(page)).not.toMatch(/ERIKSSON|ANNA/);

    // The payload only for an operator who asks for it.
    const shown = await deadLetters.entry(dlq, '0', { payload: true });
    const decoded = fromBinary(PassengerReportedSchema, Buffer.from(shown.payload!, 'base64'));
    expect(decoded.traveller?.travellerRef).toBe(poison);
    await expect(deadLetters.entry(dlq, '7')).rejects.toMatchObject({ code: 'unknown-entry' });
    await expect(deadLetters.entry(`${dlq}x`, '0')).rejects.toMatchObject({ code: 'unknown-topic' });
  });

  it('re-drives an entry to the original topic, where it is handled once, and records who did it', async () => {
    refused.clear(); // the fix is deployed
    const result = await deadLetters.redrive(dlq, { offsets: ['0'] }, { actor: 'ops-anna' });
    expect(result.redriven).toEqual([
      expect.objectContaining({
        offset: '0',
        eventId: poisonEvent.envelope!.eventId,
        actor: 'ops-anna',
        forced: false,
      }),
    ]);
    const [again] = await waitFor('the re-driven event', () =>
      handledRef(poison).length ? handledRef(poison) : undefined,
    );
    expect(again!.headers[HEADERS.REDRIVEN_FROM]).toBe(`${dlq}/0`);
    expect(again!.headers[HEADERS.REDRIVEN_BY]).toBe('ops-anna');
    expect(again!.headers[HEADERS.EVENT_ID]).toBe(poisonEvent.envelope!.eventId);
    expect(Object.keys(again!.headers).filter((h) => h.startsWith('x-dlq-'))).toEqual([]);
    expect(again!.key).toBe(FLIGHT);

    // Not twice by accident: named, it is refused; in a selection, it is skipped.
    const refusal = await deadLetters
      .redrive(dlq, { offsets: ['0'] }, { actor: 'ops-bob' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DeadLetterError);
    expect(refusal).toMatchObject({ code: 'already-redriven', offsets: ['0'] });
    const all = await deadLetters.redrive(dlq, { all: true }, { actor: 'ops-bob' });
    expect(all.redriven).toEqual([]);
    expect(all.skipped).toEqual([expect.objectContaining({ offset: '0', actor: 'ops-anna' })]);

    // And no further copy arrives: a copy re-driven by the calls above is on the flight's partition
    // before an event published now, so once that one is handled, every copy has been.
    const sentinel = randomUUID();
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: FLIGHT, message: passenger(sentinel) }]);
    await waitFor('an event published after the re-drives', () =>
      handledRef(sentinel).length ? true : undefined,
    );
    expect(handledRef(poison)).toHaveLength(1);
    const [entry] = (await deadLetters.entries(dlq, { limit: 10 })).entries;
    expect(entry!.redriven).toMatchObject({
      actor: 'ops-anna',
      redrivenTo: expect.stringMatching(/^passenger\.reported\.v1\//),
    });
    expect((await deadLetters.summaries())[0]!.redriven).toBe(1);
  });

  it('re-drives again only when forced', async () => {
    const result = await deadLetters.redrive(dlq, { offsets: ['0'] }, { actor: 'ops-bob', force: true });
    expect(result.redriven).toEqual([
      expect.objectContaining({ offset: '0', actor: 'ops-bob', forced: true }),
    ]);
    await waitFor('the forced copy', () => (handledRef(poison).length === 2 ? true : undefined));
    const [entry] = (await deadLetters.entries(dlq, { limit: 10 })).entries;
    expect(entry!.redriven).toMatchObject({ actor: 'ops-bob', forced: true });
  });

  it('leaves no consumer group of its own behind', async () => {
    expect(await readerGroups()).toEqual(readersBefore);
  });

  async function readerGroups(): Promise<string[]> {
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    return groups
      .map((g) => g.groupId)
      .filter((id) => id.startsWith('docscreen-range-reader-'))
      .sort();
  }
});
