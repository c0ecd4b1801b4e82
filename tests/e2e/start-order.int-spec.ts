import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/*
 * A new user's first `npm start` met a broker formatted seconds before: topics that did not exist
 * yet, then partitions still electing their leaders. Screening exited ("consumer group was not
 * initialized") and `npm start` stopped. Here every service meets such a broker in both orders —
 * started before it, and started right after it — and must come up without a restart: the same
 * process, first not ready (saying why), then ready.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMES = ['carrier-gateway', 'screening', 'document-registry', 'alert-dispatch'] as const;
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

async function readiness(service: RunningService): Promise<{ status: number; body: string }> {
  const response = await fetch(`${service.baseUrl}/health/ready`);
  return { status: response.status, body: await response.text() };
}

describe('services start in any order against a just-formatted broker, without a restart', () => {
  const dbs: TestDatabase[] = [];
  let redisUrl: string;
  let runDir: string;
  let broker: ThrowawayBroker | undefined;
  let services: RunningService[] = [];
  let snapshotPath = '';

  beforeAll(async () => {
    const infra = await testInfrastructure();
    redisUrl = infra.redisUrl;
    runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-start-order-'));
    dbs.push(
      ...(await Promise.all(
        NAMES.map((service, i) =>
          createTestDatabase(
            infra.databaseUrl,
            path.join(ROOT, 'services', service, 'prisma/migrations'),
            `e2e_start_${i}`,
          ),
        ),
      )),
    );
  }, 180_000);

  afterEach(async () => {
    const codes = await Promise.all(services.map((s) => s.stop()));
    services = [];
    await broker?.destroy();
    broker = undefined;
    // A clean stop (drain, commit, leave the group) even right after the consumers joined.
    expect(codes).toEqual(NAMES.map(() => 0));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
    await rm(runDir, { recursive: true, force: true });
  });

  /** Every service, pointed at `address`, not waiting for readiness. */
  async function startAll(address: string): Promise<RunningService[]> {
    snapshotPath = path.join(runDir, `not-yet-${randomBytes(4).toString('hex')}`, 'sltd.snapshot');
    const only: Record<(typeof NAMES)[number], Record<string, string>> = {
      'carrier-gateway': {},
      // A snapshot folder nobody created, taken every second: the first one used to kill the process.
      screening: { SLTD_SNAPSHOT_PATH: snapshotPath, SLTD_SNAPSHOT_INTERVAL_MS: '1000' },
      'document-registry': { IMPORT_DIR: path.join(runDir, 'imports') },
      'alert-dispatch': { WEBHOOK_QUEUE: `start-order-${randomBytes(4).toString('hex')}` },
    };
    return Promise.all(
      NAMES.map(async (name, i) =>
        startServiceProcess({
          name,
          serviceDir: path.join(ROOT, 'services', name),
          port: await freePort(),
          awaitReady: false,
          env: {
            KAFKA_BROKERS: address,
            DATABASE_URL: dbs[i]!.url,
            REDIS_URL: redisUrl,
            ADMIN_TOKEN,
            LOG_LEVEL: 'warn',
            ...only[name],
          },
        }),
      ),
    );
  }

  async function expectAllReadyWithoutRestart(started: RunningService[]): Promise<void> {
    const pids = started.map((s) => s.pid);
    for (const service of started) {
      await waitFor(
        `${service.name} to be ready on the new broker`,
        async () => {
          if (!service.alive())
            throw new Error(`${service.name} exited:\n${service.output.join('').slice(-4000)}`);
          return (await readiness(service)).status === 200 ? true : undefined;
        },
        150_000,
        500,
      );
    }
    expect(started.map((s) => s.alive())).toEqual(NAMES.map(() => true));
    expect(started.map((s) => s.pid)).toEqual(pids);
  }

  it('started before the broker: not ready (saying why) while it is absent, then ready once it runs', async () => {
    broker = await throwawayBroker();
    services = await startAll(broker.address);
    for (const service of services) {
      const answer = await waitFor(
        `${service.name} to answer its readiness probe`,
        async () => {
          if (!service.alive())
            throw new Error(`${service.name} exited:\n${service.output.join('').slice(-4000)}`);
          return readiness(service).catch(() => undefined);
        },
        60_000,
        250,
      );
      expect(answer.status).toBe(503);
      expect(answer.body).toMatch(/kafka|consumer|index/);
    }
    // The services have been retrying for as long as that took; none gave up.
    expect(services.map((s) => s.alive())).toEqual(NAMES.map(() => true));

    await broker.start();
    await expectAllReadyWithoutRestart(services);

    // The snapshot folder did not exist: screening created it, and is still alive and ready after.
    await waitFor(
      'a lost/stolen index snapshot in a folder nobody created',
      async () => (existsSync(snapshotPath) ? true : undefined),
      30_000,
    );
    const screening = services[NAMES.indexOf('screening')]!;
    expect(screening.alive()).toBe(true);
    expect((await readiness(screening)).status).toBe(200);
  }, 300_000);

  it('started all at once right after the broker was formatted and started', async () => {
    broker = await throwawayBroker();
    await broker.start();
    services = await startAll(broker.address);
    await expectAllReadyWithoutRestart(services);
  }, 300_000);
});
