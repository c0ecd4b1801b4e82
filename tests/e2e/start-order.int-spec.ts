import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  tcpGate,
  testInfrastructure,
  throwawayBroker,
  WaitAborted,
  waitFor,
  type RunningService,
  type TcpGate,
  type TestDatabase,
  type ThrowawayBroker,
} from '@docscreen/testing';

/*
 * A new user's first `npm start` met a broker formatted seconds before: topics that did not exist
 * yet, then partitions still electing their leaders. Screening exited ("consumer group was not
 * initialized") and `npm start` stopped. Here every service meets such a broker in both orders —
 * started before it, and started right after it — and must come up without a restart: the same
 * process, first not ready (saying why), then ready. In the first order PostgreSQL and Redis arrive
 * late too (reached through a gate the test opens: the servers themselves are the shared ones).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMES = ['carrier-gateway', 'screening', 'document-registry', 'alert-dispatch'] as const;
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

function hostAndPort(url: string, defaultPort: number): { host: string; port: number } {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port) || defaultPort };
}

async function readiness(service: RunningService): Promise<{ status: number; body: string }> {
  const response = await fetch(`${service.baseUrl}/health/ready`);
  return { status: response.status, body: await response.text() };
}

describe('services start in any order against a just-formatted broker, PostgreSQL and Redis, without a restart', () => {
  const dbs: TestDatabase[] = [];
  let redisUrl: string;
  let gates: TcpGate[] = [];
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
    await Promise.all(gates.map((gate) => gate.close()));
    gates = [];
    await broker?.destroy();
    broker = undefined;
    // A clean stop (drain, commit, leave the group) even right after the consumers joined.
    expect(codes).toEqual(NAMES.map(() => 0));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
    await rm(runDir, { recursive: true, force: true });
  });

  /**
   * Every service, pointed at the broker `address` (and, with `gated`, at PostgreSQL and Redis through
   * closed gates), not waiting for readiness.
   */
  async function startAll(
    address: string,
    gated?: { postgres: TcpGate; redis: TcpGate },
  ): Promise<RunningService[]> {
    const through = (url: string, gate: TcpGate | undefined) => {
      if (!gate) return url;
      const moved = new URL(url);
      moved.host = gate.address;
      return moved.toString();
    };
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
            DATABASE_URL: through(dbs[i]!.url, gated?.postgres),
            REDIS_URL: through(redisUrl, gated?.redis),
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
            throw new WaitAborted(`${service.name} exited:\n${service.output.join('').slice(-4000)}`);
          return (await readiness(service)).status === 200 ? true : undefined;
        },
        150_000,
        500,
      );
    }
    expect(started.map((s) => s.alive())).toEqual(NAMES.map(() => true));
    expect(started.map((s) => s.pid)).toEqual(pids);
  }

  it('started before the broker, PostgreSQL and Redis: not ready (saying why), then ready once they run', async () => {
    broker = await throwawayBroker();
    const postgres = await tcpGate(hostAndPort(dbs[0]!.url, 5432));
    const redis = await tcpGate(hostAndPort(redisUrl, 6379));
    gates = [postgres, redis];
    services = await startAll(broker.address, { postgres, redis });
    for (const service of services) {
      const answer = await waitFor(
        `${service.name} to answer its readiness probe`,
        async () => {
          if (!service.alive())
            throw new WaitAborted(`${service.name} exited:\n${service.output.join('').slice(-4000)}`);
          return readiness(service).catch(() => undefined);
        },
        60_000,
        250,
      );
      expect(answer.status).toBe(503);
      expect(answer.body).toMatch(/kafka|consumer|index/);
      expect(answer.body).toMatch(/postgres/);
    }
    // The services have been retrying for as long as that took; none gave up.
    expect(services.map((s) => s.alive())).toEqual(NAMES.map(() => true));

    await Promise.all([broker.start(), postgres.open(), redis.open()]);
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
