import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { RecommendedAction, TOPICS } from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';
import { alertsOn, reportedTravellers, screeningsOf } from '../../test/reported-travellers.js';

// Exactly once in effect, on the real broker and database: 10,000 travellers, one in a hundred with
// an expired passport; the screening process is SIGKILLed mid-stream and restarted. Every traveller is
// screened once (one decision, one screening id however often its event is delivered), and every
// traveller with a hit has exactly one alert — redelivered copies carry the same alert id, never a
// second alert (docs/adr/0008-exactly-once-screening.md).

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const TRAVELLERS = 10_000;
const EVERY_NTH_EXPIRED = 100;

describe('screening exactly once under a crash', () => {
  let db: TestDatabase;
  let brokers: string[];
  let service: RunningService;
  let publisher: EventPublisher;
  let sql: pg.Client;
  const groupId = `screening-eo-${randomUUID()}`;

  const start = async () =>
    startServiceProcess({
      name: 'screening',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        KAFKA_GROUP_ID: groupId,
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        // A SIGTERM while the group rebalances after the SIGKILL waits for the dead member's session.
        SHUTDOWN_GRACE_MS: '45000',
      },
    });

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'screening_eo',
    );
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    service = await start();
    await loadVisaMatrix(service.baseUrl, ADMIN_TOKEN);
    const kafka = new Kafka({ clientId: 'screening-eo-test', brokers, logLevel: logLevel.NOTHING });
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    // (Hook timeout: starting the service and importing the 39,601-row visa matrix on a loaded 2-core machine.)
  }, 180_000);

  afterAll(async () => {
    const code = await service?.stop();
    await publisher?.disconnect();
    await sql?.end();
    await db?.drop();
    expect(code).toBe(0);
  }, 180_000);

  it('screens every traveller once and raises each alert once, across a SIGKILL', async () => {
    const submissionId = randomUUID();
    const flightKey = `XQ${100 + Math.floor(Math.random() * 9000)}/2026-12-01`;
    const events = reportedTravellers({
      count: TRAVELLERS,
      expiredEvery: EVERY_NTH_EXPIRED,
      submissionId,
      flightKeys: [flightKey],
      numberPrefix: 'NE',
    });
    const alerts = await openTopicReader(brokers, TOPICS.ALERT_RAISED);
    const completed = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    for (let i = 0; i < events.length; i += 500)
      await publisher.publish(
        TOPICS.PASSENGER_REPORTED,
        events.slice(i, i + 500).map((message) => ({ key: flightKey, message })),
      );

    const decided = async () =>
      ((
        await sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM screening_decision WHERE submission_id = $1',
          [submissionId],
        )
      ).rows[0]?.n ?? 0) as number;
    await waitFor(
      'some travellers to be screened',
      async () => ((await decided()) >= 1_000 ? true : undefined),
      120_000,
    );
    await service.kill();
    const atCrash = await decided();
    expect(atCrash).toBeLessThan(TRAVELLERS);

    service = await start();
    await waitFor(
      'every traveller to be screened',
      async () => ((await decided()) === TRAVELLERS ? true : undefined),
      240_000,
    );

    // One screening per traveller: redelivered copies carry the same screening id.
    const { records: results, screeningIds } = await screeningsOf(
      completed,
      new Set(events.map((e) => e.envelope!.eventId)),
    );
    expect(screeningIds.size).toBe(TRAVELLERS);
    expect([...screeningIds.values()].every((s) => s.size === 1)).toBe(true);

    const expected = TRAVELLERS / EVERY_NTH_EXPIRED;
    const { records: raised, alertIds } = await alertsOn(alerts, [flightKey], expected);
    expect(alertIds.size).toBe(expected);
    expect([...alertIds.values()].every((s) => s.size === 1)).toBe(true);
    expect(raised.every((e) => e.message.recommendedAction === RecommendedAction.DO_NOT_BOARD)).toBe(true);
    expect(raised.every((e) => e.message.traveller!.maskedDocumentNumber.startsWith('******'))).toBe(true);
    expect(raised[0]!.message.routing?.destinationState).toBe('GBR');
    process.stdout.write(
      `exactly-once: ${atCrash} of ${TRAVELLERS} screened at the crash; ${results.length} ScreeningCompleted records for ${TRAVELLERS} travellers; ${raised.length} AlertRaised records for ${expected} alerts\n`,
    );
  }, 600_000);
});
