import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ChangeKind, DocumentStatus, TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  openTopicReader,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// The registry as its own process on the real database and broker: authorities change only their own
// state's records; every change reaches the compacted topic through the outbox, and a crash between
// commit and publish publishes later instead of losing the change.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

describe('document-registry records', () => {
  let db: TestDatabase;
  let brokers: string[];
  let redisUrl: string;
  let registry: RunningService;
  let credential: string;
  const number = `UT${randomBytes(4).toString('hex').toUpperCase()}`;

  async function start(env: Record<string, string> = {}): Promise<RunningService> {
    return startServiceProcess({
      name: 'document-registry',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        IMPORT_DIR: path.join(tmpdir(), `registry-records-${process.pid}`),
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        // After a SIGKILL the dead member stays in the feed's consumer group until its session times
        // out (30 s); a SIGTERM during that rebalance waits for it before leaving cleanly.
        SHUTDOWN_GRACE_MS: '45000',
        ...env,
      },
    });
  }

  const call = (url: string, body: unknown, token = credential) =>
    fetch(`${registry.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    redisUrl = infra.redisUrl;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'registry_int',
    );
    registry = await start();
    const response = await call(
      '/v1/admin/authorities',
      { code: 'uto-passports', name: 'Utopia passports', issuingState: 'UTO' },
      ADMIN_TOKEN,
    );
    expect(response.status).toBe(201);
    credential = ((await response.json()) as { credential: string }).credential;
  }, 180_000);

  afterAll(async () => {
    expect(await registry?.stop()).toBe(0);
    await db?.drop();
  });

  it('publishes a reported document on the compacted topic, keyed by its normalised key', async () => {
    const reader = await openTopicReader(brokers, TOPICS.DOCUMENT_STATUS_CHANGED);
    const response = await call('/v1/records', {
      issuingState: 'UTO',
      documentType: 'P',
      documentNumber: `${number.slice(0, 3)} ${number.slice(3)}`,
      status: 'stolen',
      reportedOn: '2026-11-20',
    });
    const outcome = (await response.json()) as { key: string; change: string };
    expect(response.status).toBe(200);
    expect(outcome.change).toBe('added');
    const events = await reader.read((seen) => seen.some((e) => e.key === outcome.key));
    const event = events.find((e) => e.key === outcome.key)!;
    expect(event.message.change).toBe(ChangeKind.ADDED);
    expect(event.message.subject.case).toBe('record');
    expect(event.message.subject.value).toMatchObject({
      documentNumber: number,
      status: DocumentStatus.STOLEN,
      authorityCode: 'uto-passports',
    });
  });

  it('reads a look-alike spelling as the Latin number, and refuses an unreadable one (400) with the reason', async () => {
    // Armenian Ս and Cyrillic Т in place of Latin U and T: stored under the Latin number's key.
    const other = `UT${randomBytes(4).toString('hex').toUpperCase()}`;
    const lookAlike = await call('/v1/records', {
      issuingState: 'UTO',
      documentType: 'P',
      documentNumber: `\u054D\u0422${other.slice(2)}`,
      status: 'stolen',
      reportedOn: '2026-11-21',
    });
    expect(lookAlike.status).toBe(200);
    expect(((await lookAlike.json()) as { key: string }).key).toBe(`UTO:PASSPORT:${other}`);
    for (const [documentNumber, reason] of [
      ['\u200B', 'has no letters or digits'],
      ['-<-', 'has no letters or digits'],
      ['NP50\u041612', 'character 5 (U+0416)'],
    ] as const) {
      const refused = await call('/v1/records', {
        issuingState: 'UTO',
        documentType: 'P',
        documentNumber,
        status: 'stolen',
        reportedOn: '2026-11-21',
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(reason);
    }
  });

  it('refuses a record of another state (403) and publishes nothing for it', async () => {
    const response = await call('/v1/records', {
      issuingState: 'D',
      documentType: 'P',
      documentNumber: 'C01X00T47',
      status: 'lost',
      reportedOn: '2026-11-20',
    });
    expect(response.status).toBe(403);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM document_record WHERE issuing_state = 'D'`,
    );
    await client.end();
    expect(rows[0].n).toBe(0);
  });

  it('withdraws: a WITHDRAWN event with the reason, then a tombstone', async () => {
    const reader = await openTopicReader(brokers, TOPICS.DOCUMENT_STATUS_CHANGED);
    const response = await call('/v1/records/withdraw', {
      issuingState: 'UTO',
      documentType: 'P',
      documentNumber: number,
      reason: 'recovered',
    });
    const { key } = (await response.json()) as { key: string };
    expect(response.status).toBe(200);
    const events = await reader.read((seen) => seen.filter((e) => e.key === key).length >= 2);
    const [withdrawn, tombstone] = events.filter((e) => e.key === key);
    expect(withdrawn!.message.change).toBe(ChangeKind.WITHDRAWN);
    expect(withdrawn!.message.withdrawalReason).toBe('recovered');
    expect(tombstone!.tombstone).toBe(true);
    const again = await call('/v1/records/withdraw', {
      issuingState: 'UTO',
      documentType: 'P',
      documentNumber: number,
      reason: 'recovered',
    });
    expect(again.status).toBe(404);
  });

  it('publishes a change committed just before a crash once the registry is back', async () => {
    // A relay that waits a minute between rounds: the change stays in the outbox until the restart.
    await registry.stop();
    registry = await start({ OUTBOX_POLL_MS: '60000' });
    const reader = await openTopicReader(brokers, TOPICS.DOCUMENT_STATUS_CHANGED);
    const lateNumber = `UT${randomUUID().slice(0, 8).toUpperCase()}`;
    const response = await call('/v1/records', {
      issuingState: 'UTO',
      documentType: 'P',
      documentNumber: lateNumber,
      status: 'lost',
      reportedOn: '2026-11-21',
    });
    const { key } = (await response.json()) as { key: string };
    expect(response.status).toBe(200);
    await registry.kill();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const pending = await client.query(
      'SELECT count(*)::int AS n FROM outbox_event WHERE key = $1 AND published_at IS NULL',
      [key],
    );
    expect(pending.rows[0].n).toBe(1);

    registry = await start();
    const events = await reader.read((seen) => seen.some((e) => e.key === key));
    expect(events.filter((e) => e.key === key)).toHaveLength(1);
    await waitFor('the outbox row to be marked', async () => {
      const { rows } = await client.query('SELECT published_at FROM outbox_event WHERE key = $1', [key]);
      return rows[0]?.published_at ? true : undefined;
    });
    await client.end();
  });
});
