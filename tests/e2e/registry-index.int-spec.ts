import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// The registry's compacted change stream feeding screening's in-memory index, both as real processes:
// a withdrawal reaches a running index without a restart, and the index — running, rebuilt from the
// topic, or loaded from a snapshot — lists exactly what the registry's database lists, key for key.
// (How fast a change propagates is a benchmark's question, not a test's.)

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
// Q.. codes are ISO 3166's private-use range: no other test or real list uses this state.
const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
const STATE = `Q${letter()}${letter()}`;

describe('registry → compacted topic → screening index', () => {
  let registryDb: TestDatabase;
  let screeningDb: TestDatabase;
  let registry: RunningService;
  let screening: RunningService;
  let credential: string;
  let brokers: string[];
  let redisUrl: string;
  let workDir: string;

  const startScreening = async (env: Record<string, string> = {}) =>
    startServiceProcess({
      name: 'screening',
      serviceDir: path.join(ROOT, 'services/screening'),
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: screeningDb.url,
        ADMIN_TOKEN,
        KAFKA_GROUP_ID: `screening-index-test-${randomBytes(4).toString('hex')}`,
        LOG_LEVEL: 'warn',
        ...env,
      },
    });

  const json = async (service: RunningService, url: string, body: unknown, token: string) => {
    const response = await fetch(`${service.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const indexed = async (documentNumber: string) =>
    (await json(screening, '/v1/admin/index/lookups', { issuingState: STATE, documentNumber }, ADMIN_TOKEN))
      .body['listed'] as boolean;
  const indexEntries = async () =>
    (await json(screening, '/v1/admin/index/entries', { issuingState: STATE }, ADMIN_TOKEN)).body as {
      records: string[];
      series: string[];
    };

  /** What the system of record lists for the test's state, as index keys. */
  const databaseEntries = async () => {
    const client = new pg.Client({ connectionString: registryDb.url });
    await client.connect();
    try {
      const records = await client.query<{ key: string }>(
        `SELECT issuing_state || ':' || document_type || ':' || document_number AS key
           FROM document_record WHERE issuing_state = $1 AND withdrawn_at IS NULL`,
        [STATE],
      );
      const series = await client.query<{ key: string }>(
        `SELECT issuing_state || ':' || document_type || ':' || prefix || first_number || '-' || prefix || last_number AS key
           FROM blank_series WHERE issuing_state = $1 AND withdrawn_at IS NULL`,
        [STATE],
      );
      return { records: records.rows.map((r) => r.key).sort(), series: series.rows.map((r) => r.key).sort() };
    } finally {
      await client.end();
    }
  };

  /**
   * Waits until the index lists exactly the keys the database lists for the test's state (every
   * record and series, not one of them), then returns them; on a timeout, fails showing the difference.
   */
  const indexEqualsDatabase = async (what: string) => {
    let last: { index: unknown; database: unknown } | undefined;
    await waitFor(what, async () => {
      const [index, database] = await Promise.all([indexEntries(), databaseEntries()]);
      last = { index, database };
      // Compared as JSON: fetch's objects come from another realm than the test's (Jest's vm).
      return JSON.stringify(index) === JSON.stringify(database) ? true : undefined;
    }).catch((error: unknown) => {
      if (!last) throw error; // never read both: nothing to compare
    });
    expect(last?.index).toEqual(last?.database);
    return last!.database as Awaited<ReturnType<typeof databaseEntries>>;
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    redisUrl = infra.redisUrl;
    workDir = await mkdtemp(path.join(tmpdir(), 'registry-index-'));
    [registryDb, screeningDb] = await Promise.all([
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/document-registry/prisma/migrations'),
        'e2e_registry',
      ),
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/screening/prisma/migrations'),
        'e2e_index',
      ),
    ]);
    registry = await startServiceProcess({
      name: 'document-registry',
      serviceDir: path.join(ROOT, 'services/document-registry'),
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: registryDb.url,
        REDIS_URL: redisUrl,
        IMPORT_DIR: path.join(workDir, 'imports'),
        ADMIN_TOKEN,
        OUTBOX_POLL_MS: '20',
        LOG_LEVEL: 'warn',
      },
    });
    const created = await json(
      registry,
      '/v1/admin/authorities',
      { code: 'index-test-office', name: 'Index test office', issuingState: STATE },
      ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    credential = created.body['credential'] as string;
    screening = await startScreening();
    // (Hook timeout: starting the services on a loaded 2-core machine can take over a minute.)
  }, 180_000);

  afterAll(async () => {
    expect(await screening?.stop()).toBe(0);
    expect(await registry?.stop()).toBe(0);
    await Promise.all([registryDb?.drop(), screeningDb?.drop()]);
    await rm(workDir, { recursive: true, force: true });
  }, 180_000);

  it('lists a reported document and a stolen blank series in the running index', async () => {
    const number = `LS${randomBytes(4).toString('hex').toUpperCase()}`;
    await json(
      registry,
      '/v1/records',
      {
        issuingState: STATE,
        documentType: 'P',
        documentNumber: number,
        status: 'stolen',
        reportedOn: '2026-11-01',
      },
      credential,
    );
    await json(
      registry,
      '/v1/series',
      {
        issuingState: STATE,
        documentType: 'P',
        prefix: 'BX',
        firstNumber: '0000',
        lastNumber: '0999',
        reportedOn: '2026-11-01',
      },
      credential,
    );
    await waitFor('the record in the index', async () => ((await indexed(number)) ? true : undefined));
    await waitFor('the series in the index', async () => ((await indexed('BX0500')) ? true : undefined));
    expect(await indexed('BX1500')).toBe(false);
  });

  it('lets a withdrawal reach the running index, without a restart', async () => {
    const number = `WD${randomBytes(4).toString('hex').toUpperCase()}`;
    const record = { issuingState: STATE, documentType: 'P', documentNumber: number };
    await json(registry, '/v1/records', { ...record, status: 'lost', reportedOn: '2026-11-02' }, credential);
    await waitFor('the record in the index', async () => ((await indexed(number)) ? true : undefined));

    const response = await json(
      registry,
      '/v1/records/withdraw',
      { ...record, reason: 'recovered' },
      credential,
    );
    expect(response.status).toBe(200);
    await waitFor('the withdrawal in the index', async () => ((await indexed(number)) ? undefined : true));
    await indexEqualsDatabase('the index to list what the database lists after the withdrawal');
  });

  it('rebuilds from the topic, from empty and from a snapshot, to exactly what the database lists', async () => {
    // More entries, some withdrawn, so the comparison means something.
    const listed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const documentNumber = `RB${String(i).padStart(4, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
      const record = { issuingState: STATE, documentType: i % 3 === 0 ? 'I' : 'P', documentNumber };
      await json(
        registry,
        '/v1/records',
        { ...record, status: 'stolen', reportedOn: '2026-11-03' },
        credential,
      );
      if (i % 4 === 0)
        await json(registry, '/v1/records/withdraw', { ...record, reason: 'recovered' }, credential);
      else listed.push(documentNumber);
    }
    const expected = await indexEqualsDatabase('the running index to equal the database');
    expect(expected.records.length).toBeGreaterThanOrEqual(30 + 1);
    expect(expected.records.filter((key) => listed.some((n) => key.endsWith(`:${n}`)))).toHaveLength(30);

    // A fresh replica rebuilds from the beginning of the topic.
    expect(await screening.stop()).toBe(0);
    const snapshotPath = path.join(workDir, 'index.snapshot');
    screening = await startScreening({ SLTD_SNAPSHOT_PATH: snapshotPath });
    expect(await indexEntries()).toEqual(expected);
    // Its clean stop writes a snapshot; the next start loads it and reads only what follows.
    expect(await screening.stop()).toBe(0);
    expect((await stat(snapshotPath)).size).toBeGreaterThan(0);
    const late = `LT${randomBytes(4).toString('hex').toUpperCase()}`;
    await json(
      registry,
      '/v1/records',
      {
        issuingState: STATE,
        documentType: 'P',
        documentNumber: late,
        status: 'lost',
        reportedOn: '2026-11-04',
      },
      credential,
    );
    screening = await startScreening({ SLTD_SNAPSHOT_PATH: snapshotPath });
    const after = await indexEqualsDatabase('the snapshot-loaded index to equal the database');
    expect(after.records).toContain(`${STATE}:PASSPORT:${late}`);
  });
});
