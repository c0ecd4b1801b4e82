import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { AssignerProtocol, Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { encodeEvent, eventHeaders, TOPICS } from '@docscreen/contracts';
import { HEADERS } from '@docscreen/kafka';
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

// Scale-out (issue 5): two screening replicas in one consumer group share six busy partitions — each
// replica owns some of them and screens their travellers — and when one replica is SIGKILLed
// mid-stream the other takes its partitions over (after the dead member's 30 s session) with no
// traveller lost and no second alert: one screening id per traveller, one alert id per hit.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const TRAVELLERS = 6_000;
const PARTITIONS = [0, 1, 2, 3, 4, 5];
const EVERY_NTH_EXPIRED = 100;

describe('screening scale-out: two replicas, six partitions, one killed mid-stream', () => {
  let db: TestDatabase;
  let brokers: string[];
  let kafka: Kafka;
  let producer: Producer;
  let sql: pg.Client;
  const replicas: RunningService[] = [];
  const groupId = `screening-scale-${randomUUID()}`;

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
        SHUTDOWN_GRACE_MS: '45000',
      },
    });

  /** Which of the loaded partitions each live member of the group owns. */
  const assignments = async (): Promise<number[][]> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([groupId]);
      return (groups[0]?.members ?? []).map((member) => {
        const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        return (assignment?.assignment[TOPICS.PASSENGER_REPORTED] ?? []).filter((p) =>
          PARTITIONS.includes(p),
        );
      });
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'screening_scale',
    );
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    replicas.push(await start());
    await loadVisaMatrix(replicas[0]!.baseUrl, ADMIN_TOKEN);
    replicas.push(await start());
    kafka = new Kafka({ clientId: 'screening-scale-test', brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  }, 240_000);

  afterAll(async () => {
    const codes = await Promise.all(replicas.map((r) => r.stop()));
    await producer?.disconnect();
    await sql?.end();
    await db?.drop();
    expect(codes.every((code) => code === 0)).toBe(true);
  }, 180_000);

  it('divides the partitions between the replicas and hands a killed replica’s over without loss or duplicate alerts', async () => {
    await waitFor(
      'both replicas in the group, each owning some of the six partitions',
      async () => {
        const owned = await assignments();
        return owned.length === 2 && owned.every((p) => p.length > 0) ? owned : undefined;
      },
      90_000,
    );
    const submissionId = randomUUID();
    const flight = 100 + Math.floor(Math.random() * 8000);
    const flightKeys = PARTITIONS.map((p) => `XQ${flight + p}/2026-12-01`);
    const events = reportedTravellers({
      count: TRAVELLERS,
      expiredEvery: EVERY_NTH_EXPIRED,
      submissionId,
      flightKeys,
      numberPrefix: 'NS',
    });
    const alerts = await openTopicReader(brokers, TOPICS.ALERT_RAISED);
    const completed = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    // One flight per partition, written there explicitly: six partitions busy, whatever the key hashes.
    for (let i = 0; i < events.length; i += 600)
      await producer.send({
        topic: TOPICS.PASSENGER_REPORTED,
        acks: -1,
        messages: events.slice(i, i + 600).map((message) => ({
          key: message.flightKey,
          partition: flightKeys.indexOf(message.flightKey),
          value: Buffer.from(encodeEvent(TOPICS.PASSENGER_REPORTED, message)),
          headers: {
            ...eventHeaders(TOPICS.PASSENGER_REPORTED),
            [HEADERS.EVENT_ID]: message.envelope!.eventId,
          },
        })),
      });

    const decided = async (): Promise<number> =>
      (
        await sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM screening_decision WHERE submission_id = $1',
          [submissionId],
        )
      ).rows[0]?.n ?? 0;
    await waitFor(
      'some travellers screened by the two replicas',
      async () => ((await decided()) >= 1_000 ? true : undefined),
      120_000,
    );
    await replicas[1]!.kill();
    replicas.splice(1, 1);
    const atKill = await decided();
    expect(atKill).toBeLessThan(TRAVELLERS);

    // The survivor takes every partition once the dead member's session has timed out.
    await waitFor(
      'every traveller screened by the surviving replica',
      async () => ((await decided()) === TRAVELLERS ? true : undefined),
      240_000,
      500,
    );
    const owned = await assignments();
    expect(owned).toHaveLength(1);
    expect(owned[0]!.sort((a, b) => a - b)).toEqual(PARTITIONS);

    const { records: results, screeningIds } = await screeningsOf(
      completed,
      new Set(events.map((e) => e.envelope!.eventId)),
    );
    expect(screeningIds.size).toBe(TRAVELLERS);
    expect([...screeningIds.values()].every((s) => s.size === 1)).toBe(true);

    const expected = TRAVELLERS / EVERY_NTH_EXPIRED;
    const { records: raised, alertIds } = await alertsOn(alerts, flightKeys, expected);
    expect(alertIds.size).toBe(expected);
    expect([...alertIds.values()].every((s) => s.size === 1)).toBe(true);
    process.stdout.write(
      `scale-out: ${atKill} of ${TRAVELLERS} screened by two replicas at the kill; ${results.length} ScreeningCompleted records, ${raised.length} AlertRaised records for ${expected} alerts\n`,
    );
  }, 600_000);
});
