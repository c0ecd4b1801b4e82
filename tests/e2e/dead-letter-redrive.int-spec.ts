import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { create } from '@bufbuild/protobuf';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import {
  deadLetterTopic,
  newEnvelope,
  PassengerReportedSchema,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { EventPublisher, ensureTopics, type DeadLetterPage, type RedriveResult } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  openTopicReader,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type ReadEvent,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';
import { call } from './support/services.js';

// A traveller screening could not store (its database lost the decisions table) is dead-lettered; once
// the database is back, `docscreen dlq redrive` (the real command) sends it back and it is screened
// exactly once: one ScreeningCompleted, one screening id. A second re-drive without --force is refused.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const SCREENING_DIR = path.join(ROOT, 'services/screening');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const FLIGHT = 'XQ451/2026-12-01';

function traveller(): PassengerReported {
  const passport = {
    state: 'NLD',
    number: 'DL4X2K7P1',
    birthDate: '1974-08-12',
    sex: 'F' as const,
    expiryDate: '2032-04-15',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
  };
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer: { name: 'dead-letter-e2e', version: '0' } }),
    carrierCode: 'XQ',
    flightKey: FLIGHT,
    submissionId: randomUUID(),
    traveller: {
      travellerRef: 'T1',
      surname: passport.surname,
      givenNames: passport.givenNames,
      nationality: 'NLD',
      documents: [
        {
          code: 'P',
          number: passport.number,
          issuingState: 'NLD',
          expiryDate: passport.expiryDate,
          mrzLines: td3Mrz(passport),
        },
      ],
    },
  });
}

describe('a dead-lettered traveller re-driven with docscreen dlq', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  let screening: RunningService;
  let publisher: EventPublisher;
  let brokers: string[];
  let groupId: string;

  async function docscreen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const cli = ['dlq', '--service', 'screening', '--url', screening.baseUrl, '--token', ADMIN_TOKEN];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...cli, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SCREENING_DIR, 'prisma/migrations'),
      'dlq_e2e',
    );
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const kafka = new Kafka({ clientId: 'dead-letter-e2e', brokers, logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    const group = await freshGroupAtEnd(brokers, 'screening-dlq-e2e', TOPICS.PASSENGER_REPORTED);
    groupId = group.KAFKA_GROUP_ID;
    screening = await startServiceProcess({
      name: 'screening',
      serviceDir: SCREENING_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        ...group,
        ADMIN_TOKEN,
        MAX_ATTEMPTS: '2',
        // Dead-letter at once: the test makes the failure itself and lasts longer than any window.
        RETRY_WINDOW_MS: '0',
        LOG_LEVEL: 'warn',
      },
    });
  }, 180_000);

  afterAll(async () => {
    const code = await screening?.stop();
    await publisher?.disconnect();
    await sql?.end();
    await db?.drop();
    expect(code).toBe(0);
  });

  it('screens the re-driven traveller once, by its event id, and refuses a second re-drive', async () => {
    const event = traveller();
    const eventId = event.envelope!.eventId;
    const dlq = deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId);
    const completed = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const ours = (events: ReadEvent<typeof TOPICS.SCREENING_COMPLETED>[]) =>
      events.filter((e) => e.message.passengerEventId === eventId);

    // The decisions table is gone: the handler fails on every attempt and the traveller is dead-lettered.
    await sql.query('ALTER TABLE screening_decision RENAME TO screening_decision_away');
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: FLIGHT, message: event }]);
    const entry = await waitFor(
      'the dead-lettered traveller',
      async () => {
        const page = await call(screening, 'GET', `/v1/admin/dead-letters/${dlq}`, ADMIN_TOKEN);
        return (page.body as unknown as DeadLetterPage | undefined)?.entries?.find(
          (e) => e.eventId === eventId,
        );
      },
      60_000,
    );
    expect(entry).toMatchObject({ reason: 'handler-failed', attempts: 2, key: FLIGHT });
    await sql.query('ALTER TABLE screening_decision_away RENAME TO screening_decision');

    // What an operator sees: why and which event, not who.
    const listed = await docscreen('list');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        service: 'screening',
        topics: [expect.objectContaining({ topic: dlq, count: 1, byReason: { 'handler-failed': 1 } })],
      }),
    ]);
    const shown = await docscreen('show', dlq, entry.offset);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ eventId, reason: 'handler-failed' });
    expect(shown.stdout).not.toMatch(/ERIKSSON|DL4X2K7P1/);

    const redrive = await docscreen('redrive', dlq, '--offset', entry.offset, '--actor', 'ops-e2e');
    expect(redrive.code).toBe(0);
    const result = JSON.parse(redrive.stdout) as RedriveResult;
    expect(result.redriven).toEqual([
      expect.objectContaining({ offset: entry.offset, eventId, actor: 'ops-e2e' }),
    ]);
    await completed.read((events) => ours(events).length >= 1);

    const again = await docscreen('redrive', dlq, '--offset', entry.offset, '--actor', 'ops-e2e');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already re-driven/);

    // Exactly once: one result and one decision for the event id. A traveller published now on the
    // same flight (so the same partition, screened in order) is the sentinel: once its result is out,
    // a copy re-driven by the commands above would have been screened and published before it.
    const sentinel = traveller();
    const sentinelId = sentinel.envelope!.eventId;
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: FLIGHT, message: sentinel }]);
    const results = ours(
      await completed.read((events) => events.some((e) => e.message.passengerEventId === sentinelId)),
    );
    expect(results).toHaveLength(1);
    const decisions = await sql.query<{ id: string }>(
      'SELECT id FROM screening_decision WHERE event_id = $1',
      [eventId],
    );
    expect(decisions.rows).toHaveLength(1);
    expect(results[0]!.message.screeningId).toBe(decisions.rows[0]!.id);
  });

  it('answers operators precisely: 401, 404 by what is missing, 400, 409; documented in OpenAPI', async () => {
    const dlq = deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId);
    expect((await call(screening, 'GET', '/v1/admin/dead-letters', 'wrong-token')).status).toBe(401);
    const noTopic = await call(
      screening,
      'GET',
      '/v1/admin/dead-letters/passenger.reported.v1.dlq.nobody',
      ADMIN_TOKEN,
    );
    expect(noTopic).toMatchObject({ status: 404, body: { statusCode: 404, code: 'unknown-topic' } });
    const noEntry = await call(screening, 'GET', `/v1/admin/dead-letters/${dlq}/999`, ADMIN_TOKEN);
    expect(noEntry).toMatchObject({ status: 404, body: { code: 'unknown-entry' } });
    const redrive = (body: unknown) =>
      call(screening, 'POST', `/v1/admin/dead-letters/${dlq}/redrive`, ADMIN_TOKEN, body);
    expect((await redrive({ actor: 'ops-e2e' })).status).toBe(400);
    expect((await redrive({ offsets: ['0'], all: true, actor: 'ops-e2e' })).status).toBe(400);
    expect(await redrive({ offsets: ['0'], actor: 'ops-e2e' })).toMatchObject({
      status: 409,
      body: { code: 'already-redriven', offsets: ['0'] },
    });
    expect((await docscreen('redrive', dlq)).code).toBe(2);

    const openapi = await call(screening, 'GET', '/docs/openapi.json', ADMIN_TOKEN);
    expect(Object.keys(openapi.body['paths'] as object)).toEqual(
      expect.arrayContaining([
        '/v1/admin/dead-letters',
        '/v1/admin/dead-letters/{topic}',
        '/v1/admin/dead-letters/{topic}/{offset}',
        '/v1/admin/dead-letters/{topic}/redrive',
      ]),
    );
  });
});
