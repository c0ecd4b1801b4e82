import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TOPICS } from '@docscreen/contracts';
import {
  freshGroupAtEnd,
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfrastructure,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

const SERVICE_DIR = path.resolve(import.meta.dirname, '..');

export interface GatewayUnderTest {
  service: RunningService;
  db: TestDatabase;
  brokers: string[];
  /** Registers a carrier through the operators' API and returns its API key. */
  registerCarrier(iataCode: string): Promise<string>;
  admin<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Stops the process (SIGTERM) and drops its database; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The gateway as its own process (as production runs it) on a fresh database of its own, against the
 * real broker and Redis, with an operator token for the admin API. Only test files import this.
 */
export async function startGateway(
  env: Record<string, string> = {},
  options: {
    /** Runs on the migrated database before the process starts: rows its start-up jobs should find. */
    beforeStart?: (db: TestDatabase) => Promise<void>;
  } = {},
): Promise<GatewayUnderTest> {
  const infra = await testInfrastructure();
  const adminToken = randomBytes(24).toString('base64url');
  const db = await createTestDatabase(
    infra.databaseUrl,
    path.join(SERVICE_DIR, 'prisma/migrations'),
    'gateway_int',
  );
  await options.beforeStart?.(db);
  const service = await startServiceProcess({
    name: 'carrier-gateway',
    serviceDir: SERVICE_DIR,
    port: await freePort(),
    env: {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      DATABASE_URL: db.url,
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      ...(await freshGroupAtEnd(infra.kafkaBrokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
      ...env,
    },
  });
  const admin = async <T>(method: string, url: string, body?: unknown) => {
    const response = await fetch(`${service.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    service,
    db,
    brokers: infra.kafkaBrokers,
    admin,
    registerCarrier: async (iataCode) => {
      const response = await admin<{ apiKey: string }>('POST', '/v1/admin/carriers', {
        iataCode,
        name: `${iataCode} Air`,
        contactEmail: 'ops@example.org',
      });
      if (response.status !== 201)
        throw new Error(`registering ${iataCode}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.apiKey;
    },
    stop: async () => {
      const code = await service.stop();
      await db.drop();
      return code;
    },
  };
}
