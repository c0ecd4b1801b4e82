import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { create } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import {
  newEnvelope,
  PassengerReportedSchema,
  ScreeningOutcome,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { EventPublisher, ensureTopics } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
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

describe('screening service', () => {
  let db: TestDatabase;
  let service: RunningService;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let brokers: string[];

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
    const groupId = `screening-int-${randomUUID()}`;
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    service = await startServiceProcess({
      name: 'screening',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        KAFKA_GROUP_ID: groupId,
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
    const event: PassengerReported = create(PassengerReportedSchema, {
      envelope: newEnvelope({ producer: { name: 'screening-int-spec', version: '0' } }),
      carrierCode: 'XQ',
      flightKey: 'XQ77/2026-12-01',
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
    const eventId = event.envelope!.eventId;
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    // The same event twice, as a producer retry or a consumer crash before commit would deliver it.
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: event.flightKey, message: event }]);
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: event.flightKey, message: event }]);

    const results = await reader.read(
      (events) => events.filter((e) => e.message.passengerEventId === eventId).length >= 2,
    );
    const ours = results.filter((e) => e.message.passengerEventId === eventId);
    expect(ours).toHaveLength(2);
    expect(new Set(ours.map((e) => e.message.envelope?.eventId)).size).toBe(1);
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

  it('reports itself ready only while its consumer runs', async () => {
    const response = await fetch(`${service.baseUrl}/health/ready`);
    const body = (await response.json()) as { details: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(Object.keys(body.details).sort()).toEqual(['consumer', 'kafka', 'lost-stolen-index', 'postgres']);
  });
});
