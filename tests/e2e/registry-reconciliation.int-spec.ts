import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfrastructure,
  throwawayBroker,
  waitFor,
  type RunningService,
  type TestDatabase,
  type ThrowawayBroker,
} from '@docscreen/testing';
import { call } from './support/services.js';

/*
 * Issue 22: the broker's data was lost (a fresh cluster) while the registry's database still listed a
 * stolen passport and a stolen blank series; screening's index held nothing and said ready, so both
 * were screened clear, and re-importing the list changed nothing. Here the registry and screening run
 * on a throwaway broker with listed records (one withdrawn) and a blank series; the broker is replaced
 * by an empty one and the services started again on it. Without any import or request:
 *
 * - screening, compared with the registry's watermark, is not ready and says why;
 * - the registry finds its topic behind its database and republishes its state;
 * - screening's index then holds exactly what the registry lists, and only then is it ready.
 *
 * Then an operator republishes on demand through the real `docscreen sltd republish`: progress, a
 * summary, and the audit trail (who, when, how many). Last, the topic is lost again beside a registry
 * database restored from before it recorded where the topic ended: the count alone finds it.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const STATE = 'NLD';
const AUTHORITY = 'reconcile-nld';
const RECORDS = 240;
const number = (i: number) => `RC${String(i).padStart(7, '0')}`;
const SERIES = { prefix: 'RCB', firstNumber: '100000', lastNumber: '199999' };

describe('the registry refills an emptied topic by itself; screening is not ready until its index is level again', () => {
  const brokers: ThrowawayBroker[] = [];
  const running: RunningService[] = [];
  let registryDb: TestDatabase;
  let screeningDb: TestDatabase;
  let redisUrl: string;
  let runDir: string;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    redisUrl = infra.redisUrl;
    runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-reconcile-'));
    [registryDb, screeningDb] = await Promise.all([
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/document-registry/prisma/migrations'),
        'e2e_reconcile_registry',
      ),
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/screening/prisma/migrations'),
        'e2e_reconcile_screening',
      ),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all(brokers.map((b) => b.destroy()));
    await Promise.all([registryDb?.drop(), screeningDb?.drop()]);
    await rm(runDir, { recursive: true, force: true });
  }, 120_000);

  let registryPort: number;

  /** The registry, always on the same port: screening's REGISTRY_URL stays right across its restarts. */
  async function startRegistry(broker: ThrowawayBroker, env: Record<string, string> = {}) {
    registryPort ??= await freePort();
    const service = await startServiceProcess({
      name: 'document-registry',
      serviceDir: path.join(ROOT, 'services/document-registry'),
      port: registryPort,
      readyTimeoutMs: 120_000,
      env: {
        KAFKA_BROKERS: broker.address,
        DATABASE_URL: registryDb.url,
        REDIS_URL: redisUrl,
        ADMIN_TOKEN,
        IMPORT_DIR: path.join(runDir, 'imports'),
        // API only: the BullMQ queue is shared with other suites on this Redis.
        IMPORT_CONCURRENCY: '0',
        // Pages smaller than the registry, so a republish spans several transactions.
        REPUBLISH_BATCH_SIZE: '100',
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    running.push(service);
    return service;
  }

  async function startScreening(broker: ThrowawayBroker, registry: RunningService) {
    const service = await startServiceProcess({
      name: 'screening',
      serviceDir: path.join(ROOT, 'services/screening'),
      port: await freePort(),
      awaitReady: false,
      env: {
        KAFKA_BROKERS: broker.address,
        DATABASE_URL: screeningDb.url,
        ADMIN_TOKEN,
        REGISTRY_URL: registry.baseUrl,
        REGISTRY_WATERMARK_POLL_MS: '300',
        KAFKA_GROUP_ID: `screening-reconcile-${randomBytes(4).toString('hex')}`,
        LOG_LEVEL: 'warn',
      },
    });
    running.push(service);
    return service;
  }

  async function stop(service: RunningService): Promise<void> {
    expect(await service.stop()).toBe(0);
    running.splice(running.indexOf(service), 1);
  }

  /** Every key the registry's database lists for STATE (the system of record). */
  async function registryKeys(): Promise<{ records: string[]; series: string[] }> {
    const client = new pg.Client({ connectionString: registryDb.url });
    await client.connect();
    try {
      const records = await client.query<{ key: string }>(
        `SELECT issuing_state || ':' || document_type || ':' || document_number AS key FROM document_record
          WHERE withdrawn_at IS NULL AND issuing_state = $1 ORDER BY key`,
        [STATE],
      );
      const series = await client.query<{ key: string }>(
        `SELECT issuing_state || ':' || document_type || ':' || prefix || first_number || '-' || prefix || last_number AS key
           FROM blank_series WHERE withdrawn_at IS NULL AND issuing_state = $1 ORDER BY key`,
        [STATE],
      );
      return { records: records.rows.map((r) => r.key).sort(), series: series.rows.map((r) => r.key).sort() };
    } finally {
      await client.end();
    }
  }

  async function indexEntries(screening: RunningService): Promise<{ records: string[]; series: string[] }> {
    const answer = await call(screening, 'POST', '/v1/admin/index/entries', ADMIN_TOKEN, {
      issuingState: STATE,
    });
    return answer.body as { records: string[]; series: string[] };
  }

  async function listed(screening: RunningService, documentNumber: string): Promise<boolean> {
    const answer = await call(screening, 'POST', '/v1/admin/index/lookups', ADMIN_TOKEN, {
      issuingState: STATE,
      documentNumber,
    });
    return answer.body['listed'] === true;
  }

  async function readiness(service: RunningService): Promise<{ status: number; body: string }> {
    const response = await fetch(`${service.baseUrl}/health/ready`);
    return { status: response.status, body: await response.text() };
  }

  it('after the broker is replaced by an empty one: not ready, then republished without an import, then level and ready', async () => {
    // 1. The registry and screening on the first broker, with listed records, a withdrawn one and a series.
    const first = await throwawayBroker();
    brokers.push(first);
    await first.start();
    let registry = await startRegistry(first);
    let screening = await startScreening(first, registry);
    const as = { 'x-docscreen-authority': AUTHORITY };
    expect(
      (
        await call(registry, 'POST', '/v1/admin/authorities', ADMIN_TOKEN, {
          code: AUTHORITY,
          name: 'KMar',
          issuingState: STATE,
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < RECORDS; i++) {
      const answer = await call(
        registry,
        'POST',
        '/v1/records',
        ADMIN_TOKEN,
        {
          issuingState: STATE,
          documentType: 'P',
          documentNumber: number(i),
          status: i % 5 === 0 ? 'lost' : 'stolen',
          reportedOn: '2026-10-01',
        },
        as,
      );
      expect(answer.status).toBe(200);
    }
    expect(
      (
        await call(
          registry,
          'POST',
          '/v1/records/withdraw',
          ADMIN_TOKEN,
          { issuingState: STATE, documentType: 'P', documentNumber: number(7), reason: 'recovered' },
          as,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          registry,
          'POST',
          '/v1/series',
          ADMIN_TOKEN,
          {
            issuingState: STATE,
            documentType: 'P',
            status: 'stolen_blank',
            reportedOn: '2026-10-01',
            ...SERIES,
          },
          as,
        )
      ).status,
    ).toBe(200);
    const expected = await registryKeys();
    expect(expected.records).toHaveLength(RECORDS - 1);
    expect(expected.series).toHaveLength(1);
    await waitFor(
      'screening ready, its index level with the registry',
      async () => {
        if ((await readiness(screening)).status !== 200) return undefined;
        const entries = await indexEntries(screening);
        return entries.records.length === expected.records.length && entries.series.length === 1
          ? true
          : undefined;
      },
      120_000,
      250,
    );
    expect(await listed(screening, number(1))).toBe(true);
    expect(await listed(screening, 'RCB150000')).toBe(true);
    expect(await listed(screening, number(7))).toBe(false);

    // 2. The broker's data is lost: an empty cluster replaces it. The services come back on it; the
    //    registry first with its periodic check off, so what screening says meanwhile is certain.
    await stop(screening);
    await stop(registry);
    await first.destroy();
    const second = await throwawayBroker();
    brokers.push(second);
    await second.start();
    registry = await startRegistry(second, { TOPIC_CHECK_MS: '0' });
    screening = await startScreening(second, registry);
    const behind = await waitFor(
      'screening to say its index is behind the registry',
      async () => {
        if (!screening.alive())
          throw new Error(`screening exited:\n${screening.output.join('').slice(-4000)}`);
        const answer = await readiness(screening).catch(() => undefined);
        return answer && /registry published to/.test(answer.body) ? answer : undefined;
      },
      120_000,
      250,
    );
    expect(behind.status).toBe(503);
    // The topic is empty: what screening's index holds is nothing, and it does not pretend otherwise.
    expect(await listed(screening, number(1))).toBe(false);
    // It stays so: nobody refills the topic while the registry's check is off.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await readiness(screening)).status).toBe(503);

    // 3. The registry with its check on (as configured by default, here every second): it finds the
    //    topic behind its database and republishes. Nobody imports or asks anything.
    await stop(registry);
    registry = await startRegistry(second, { TOPIC_CHECK_MS: '1000' });
    let readyBeforeLevel = false;
    let last = '';
    await waitFor(
      'screening ready again, its index level with the registry',
      async () => {
        if (!screening.alive())
          throw new Error(`screening exited:\n${screening.output.join('').slice(-4000)}`);
        const answer = await readiness(screening);
        const ready = answer.status === 200;
        const entries = await indexEntries(screening);
        last = `${answer.body} index: ${entries.records.length} records, ${entries.series.length} series`;
        const level =
          JSON.stringify(entries.records) === JSON.stringify(expected.records) &&
          JSON.stringify(entries.series) === JSON.stringify(expected.series);
        // Ready is read first: entries only grow, so a ready answer before the index was level shows here.
        if (ready && !level) readyBeforeLevel = true;
        return ready && level ? true : undefined;
      },
      120_000,
      200,
    ).catch(async (error: unknown) => {
      const audit = await call(registry, 'GET', '/v1/admin/republishes', ADMIN_TOKEN).catch(() => undefined);
      throw new Error(
        `${(error as Error).message}\nscreening: ${last}\nrepublishes: ${audit?.text ?? ''}\n--- registry ---\n${registry.output.join('').slice(-4000)}\n--- screening ---\n${screening.output.join('').slice(-4000)}`,
      );
    });
    expect(readyBeforeLevel).toBe(false);
    expect(await listed(screening, number(1))).toBe(true);
    expect(await listed(screening, 'RCB150000')).toBe(true);
    expect(await listed(screening, number(7))).toBe(false);
    const audit = await call(registry, 'GET', '/v1/admin/republishes', ADMIN_TOKEN);
    const republishes = audit.body['republishes'] as {
      trigger: string;
      state: string;
      records: number;
      series: number;
      reason: string;
    }[];
    expect(republishes[0]).toMatchObject({
      trigger: 'reconciler',
      state: 'published',
      records: RECORDS - 1,
      series: 1,
    });
    expect(republishes[0]!.reason).toMatch(/ends at 0, below the \d+ the registry had published to it/);

    // 4. An operator republishes on demand through the real CLI: a JSON summary once all are published.
    const cli = await promisify(execFile)(
      process.execPath,
      [BIN, 'sltd', 'republish', '--actor', 'ops@example.org', '--reason', 'drill'],
      {
        env: { ...process.env, DOCSCREEN_ADMIN_TOKEN: ADMIN_TOKEN, DOCSCREEN_REGISTRY_URL: registry.baseUrl },
      },
    );
    const summary = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      trigger: 'operator',
      requestedBy: 'ops@example.org',
      reason: 'drill',
      state: 'published',
      records: RECORDS - 1,
      series: 1,
      total: RECORDS,
    });
    expect(typeof summary['startedAt']).toBe('string');
    const after = await call(
      registry,
      'GET',
      `/v1/admin/republishes/${String(summary['republishId'])}`,
      ADMIN_TOKEN,
    );
    expect(after.body).toMatchObject({ requestedBy: 'ops@example.org', state: 'published' });
    // Without the operator token it is refused.
    expect(
      (await call(registry, 'POST', '/v1/admin/republishes', 'not-the-token-at-all-not-it', { actor: 'x' }))
        .status,
    ).toBe(401);
    // Screening stays ready and level through it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await readiness(screening)).status).toBe(200);
    expect((await indexEntries(screening)).records).toEqual(expected.records);

    // 5. Lost again, and the registry's database restored from before it recorded any mark: an empty
    //    topic beside a registry that lists entries is enough for it to republish.
    await stop(screening);
    await stop(registry);
    await second.destroy();
    const third = await throwawayBroker();
    brokers.push(third);
    await third.start();
    const client = new pg.Client({ connectionString: registryDb.url });
    await client.connect();
    await client.query('DELETE FROM topic_partition_mark');
    await client.end();
    registry = await startRegistry(third, { TOPIC_CHECK_MS: '1000' });
    screening = await startScreening(third, registry);
    await waitFor(
      'screening ready on the third broker, its index level with the registry',
      async () => {
        if ((await readiness(screening)).status !== 200) return undefined;
        const entries = await indexEntries(screening);
        return JSON.stringify(entries.records) === JSON.stringify(expected.records) &&
          entries.series.length === 1
          ? true
          : undefined;
      },
      120_000,
      250,
    );
    const latest = (await call(registry, 'GET', '/v1/admin/republishes', ADMIN_TOKEN)).body[
      'republishes'
    ] as {
      trigger: string;
      reason: string;
    }[];
    expect(latest[0]).toMatchObject({ trigger: 'reconciler' });
    expect(latest[0]!.reason).toMatch(
      /the topic holds at most 0 events, fewer than the registry lists entries/,
    );
  }, 600_000);
});
