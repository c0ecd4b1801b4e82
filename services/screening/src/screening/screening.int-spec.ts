import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import {
  deadLetterTopic,
  newEnvelope,
  PassengerReportedSchema,
  ScreeningCompletedSchema,
  ScreeningOutcome,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { EventPublisher, HEADERS, ensureTopics, readHeaders } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type ReadEvent,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// The screening service as its own process on the real broker and database: a redelivered
// PassengerReported (same event id) yields the same decision, stored once, never a second result.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const SPECIMEN = td3Mrz({
  state: 'NLD',
  number: 'NW4X2K7P1',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2032-04-15',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
});

const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');

/** A traveller with the specimen passport, on `flightKey`. */
function reported(flightKey: string): PassengerReported {
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer: { name: 'screening-int-spec', version: '0' } }),
    carrierCode: 'XQ',
    flightKey,
    submissionId: randomUUID(),
    traveller: {
      travellerRef: 'T1',
      nationality: 'NLD',
      documents: [
        {
          code: 'P',
          number: 'NW4X2K7P1',
          issuingState: 'NLD',
          expiryDate: '2032-04-15',
          mrzLines: SPECIMEN,
        },
      ],
    },
  });
}

describe('screening service', () => {
  let db: TestDatabase;
  let service: RunningService;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let brokers: string[];
  let groupId: string;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'screening_int',
    );
    kafka = new Kafka({ clientId: 'screening-int-spec', brokers, logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    // A new group starts at the earliest offset (no traveller missed); this one skips earlier runs' events.
    groupId = `screening-int-${randomUUID()}`;
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    service = await startServiceProcess({
      name: 'screening',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        KAFKA_GROUP_ID: groupId,
        INTERACTIVE_TOKEN,
        LOG_LEVEL: 'warn',
      },
    });
  }, 180_000);

  afterAll(async () => {
    const code = await service?.stop();
    await publisher?.disconnect();
    await db?.drop();
    expect(code).toBe(0);
  });

  it('screens a redelivered event once and republishes the same result', async () => {
    const event = reported('XQ77/2026-12-01');
    const eventId = event.envelope!.eventId;
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    // The same event twice, as a producer retry or a consumer crash before commit would deliver it;
    // the second only once the first was screened, so it is answered from the stored decision.
    const copies = (events: ReadEvent<typeof TOPICS.SCREENING_COMPLETED>[]) =>
      events.filter((e) => e.message.passengerEventId === eventId);
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: event.flightKey, message: event }]);
    await reader.read((events) => copies(events).length >= 1);
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: event.flightKey, message: event }]);

    const ours = copies(await reader.read((events) => copies(events).length >= 2));
    expect(ours).toHaveLength(2);
    // Identical to the byte: the stored decision (checks, rule versions, times) round-trips whole.
    const [first, second] = ours.map((e) => Buffer.from(toBinary(ScreeningCompletedSchema, e.message)));
    expect(second!.equals(first!)).toBe(true);
    // No visa matrix is loaded here: the traveller is inconclusive, never silently clear.
    expect(ours[0]!.message.outcome).toBe(ScreeningOutcome.INCONCLUSIVE);
    expect(ours[0]!.message.envelope?.causationId).toBe(eventId);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = await waitFor('the stored decision', async () => {
      const result = await client.query('SELECT outcome FROM screening_decision WHERE event_id = $1', [
        eventId,
      ]);
      return result.rows.length ? result.rows : undefined;
    });
    await client.end();
    expect(rows).toEqual([{ outcome: 'INCONCLUSIVE' }]);
  });

  it('does not publish again what the interactive API published for the same event', async () => {
    const flightKey = 'XQ78/2026-12-01';
    const [interactive, after] = [reported(flightKey), reported(flightKey)];
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const response = await fetch(`${service.baseUrl}/v1/screenings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INTERACTIVE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [Buffer.from(toBinary(PassengerReportedSchema, interactive)).toString('base64')],
      }),
    });
    expect(response.status).toBe(200);
    // The gateway publishes the interactive traveller too; the consumer finds it decided and published.
    // A second traveller behind it on the same partition shows when the consumer has passed it.
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [
      { key: flightKey, message: interactive },
      { key: flightKey, message: after },
    ]);
    const afterId = after.envelope!.eventId;
    const results = await reader.read((events) => events.some((e) => e.message.passengerEventId === afterId));
    const interactiveId = interactive.envelope!.eventId;
    expect(results.filter((e) => e.message.passengerEventId === interactiveId)).toHaveLength(1);
  });

  it('dead-letters alone a traveller whose results are larger than the broker takes; its batch is screened', async () => {
    const flightKey = 'XQ79/2026-12-01';
    // What the fuzz probe sent through PAXLST before the gateway's limits: 10,000 documents.
    const huge = reported(flightKey);
    huge.traveller!.documents = Array.from({ length: 10_000 }, (_, i) => ({
      ...huge.traveller!.documents[0]!,
      number: `D${i}`,
      mrzLines: [],
    }));
    const ordinary = Array.from({ length: 5 }, () => reported(flightKey));
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const dlq = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const deadLetters: { eventId: string; reason: string; error: string }[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId), fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = readHeaders(message.headers);
        deadLetters.push({
          eventId: headers[HEADERS.EVENT_ID] ?? '',
          reason: headers[HEADERS.DLQ_REASON] ?? '',
          error: headers[HEADERS.DLQ_ERROR] ?? '',
        });
      },
    });
    try {
      // One publish on one flight: one partition, so screening takes them as one batch.
      await publisher.publish(
        TOPICS.PASSENGER_REPORTED,
        [ordinary[0]!, ordinary[1]!, huge, ...ordinary.slice(2)].map((message) => ({
          key: flightKey,
          message,
        })),
      );
      const ids = new Set(ordinary.map((e) => e.envelope!.eventId));
      const completed = await reader.read(
        (events) => events.filter((e) => ids.has(e.message.passengerEventId)).length >= ids.size,
      );
      expect(new Set(completed.map((e) => e.message.passengerEventId).filter((id) => ids.has(id)))).toEqual(
        ids,
      );
      const hugeId = huge.envelope!.eventId;
      const dead = await waitFor('the dead letter', async () =>
        deadLetters.find((d) => d.eventId === hugeId),
      );
      expect(dead.reason).toBe('event-too-large');
      expect(dead.error).toMatch(/encodes to \d+ bytes; the topic accepts at most \d+/);
      expect(completed.some((e) => e.message.passengerEventId === hugeId)).toBe(false);
      expect(deadLetters.filter((d) => ids.has(d.eventId))).toEqual([]);
    } finally {
      await dlq.disconnect();
    }
  });

  it('reports itself ready only while its consumer runs', async () => {
    const response = await fetch(`${service.baseUrl}/health/ready`);
    const body = (await response.json()) as { details: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(Object.keys(body.details).sort()).toEqual([
      'consumer',
      'kafka',
      'lost-stolen-index',
      'postgres',
      'reference-data',
    ]);
  });
});
