import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { TOPICS, type AlertRaised } from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

export const SERVICE_DIR = path.resolve(import.meta.dirname, '..');

export interface RegisteredAgency {
  code: string;
  token: string;
  webhookSecret?: string;
}

/**
 * alert-dispatch as its own process on the real broker, database and Redis, with a database and a
 * consumer group of its own (positioned at the alert topic's end: the shared broker holds every earlier
 * run's alerts), and the calls a test makes to it.
 */
export class DispatchUnderTest {
  readonly adminToken = randomBytes(24).toString('base64url');
  brokers: string[] = [];
  service!: RunningService;
  sql!: pg.Client;
  private db!: TestDatabase;
  private redisUrl = '';
  private groupEnv: Record<string, string> = {};
  private kafka!: Kafka;
  private publisher!: EventPublisher;

  constructor(private readonly env: Record<string, string> = {}) {}

  get groupId(): string {
    return this.groupEnv['KAFKA_GROUP_ID'] ?? '';
  }

  async setUp(prefix: string): Promise<void> {
    const infra = await testInfrastructure();
    this.brokers = infra.kafkaBrokers;
    this.redisUrl = infra.redisUrl;
    this.db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      prefix,
    );
    this.sql = new pg.Client({ connectionString: this.db.url });
    await this.sql.connect();
    this.groupEnv = await freshGroupAtEnd(this.brokers, prefix.replace(/_/g, '-'), TOPICS.ALERT_RAISED);
    this.kafka = new Kafka({ clientId: `${prefix}-test`, brokers: this.brokers, logLevel: logLevel.NOTHING });
    this.publisher = new EventPublisher(this.kafka);
    await this.publisher.connect();
    this.service = await this.start();
  }

  async tearDown(): Promise<number | null | undefined> {
    const code = await this.service?.stop();
    await this.publisher?.disconnect();
    await this.sql?.end();
    await this.db?.drop();
    return code;
  }

  async start(env: Record<string, string> = {}): Promise<RunningService> {
    return startServiceProcess({
      name: 'alert-dispatch',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: this.brokers.join(','),
        DATABASE_URL: this.db.url,
        REDIS_URL: this.redisUrl,
        ADMIN_TOKEN: this.adminToken,
        LOG_LEVEL: 'warn',
        // After a SIGKILL the dead member stays in the group until its session times out (30 s); a
        // SIGTERM during that rebalance waits for it before leaving cleanly.
        SHUTDOWN_GRACE_MS: '45000',
        ...this.groupEnv,
        ...this.env,
        ...env,
      },
      readyTimeoutMs: 120_000,
    });
  }

  /** Registers an agency through the operators' API. */
  async register(agency: Record<string, unknown>): Promise<RegisteredAgency> {
    const response = await this.call('POST', '/v1/admin/agencies', agency, this.adminToken);
    if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
    return (await response.json()) as RegisteredAgency;
  }

  call(method: string, url: string, body: unknown, token: string): Promise<Response> {
    return fetch(`${this.service.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** Publishes alerts to screening.alert-raised.v1 as screening does (keyed by flight). */
  async publish(alerts: readonly AlertRaised[]): Promise<void> {
    for (let i = 0; i < alerts.length; i += 500)
      await this.publisher.publish(
        TOPICS.ALERT_RAISED,
        alerts.slice(i, i + 500).map((message) => ({ key: message.flightKey, message })),
      );
  }

  /**
   * Waits until this service's group has committed everything on the alert topic up to now: every
   * alert published before the call has been handled (stored, published, queued) or dead-lettered.
   */
  async caughtUp(timeoutMs = 120_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(TOPICS.ALERT_RAISED);
      await waitFor(
        `group ${this.groupId} to commit the alert topic's end`,
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: this.groupId,
            topics: [TOPICS.ALERT_RAISED],
          });
          const at = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]) ?? []);
          return ends.every((end) => (at.get(end.partition) ?? -1n) >= BigInt(end.high) || end.high === '0')
            ? true
            : undefined;
        },
        timeoutMs,
        250,
      );
    } finally {
      await admin.disconnect();
    }
  }

  async count(query: string, values: unknown[]): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(query, values);
    return rows[0]?.n ?? 0;
  }
}
