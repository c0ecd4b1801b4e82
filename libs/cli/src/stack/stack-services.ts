import path from 'node:path';
import { fromRoot, RUN_DIR } from '../paths.js';
import { localAdminToken, localInteractiveToken, localSecretsKeys } from './admin-token.js';

/** What the local stack runs, in start order. Ports and database names match docker-compose.yml. */
export interface StackService {
  name: string;
  port: number;
  database: string;
  /** Serves an operators' API (`/v1/admin`): gets the local stack's ADMIN_TOKEN. */
  operatorsApi: boolean;
  /** Settings of its own, e.g. where it keeps files (under `.run/`, like the rest of the stack's state). */
  env?: Readonly<Record<string, string>>;
}

export const STACK_SERVICES: readonly StackService[] = Object.freeze<StackService[]>([
  { name: 'carrier-gateway', port: 3000, database: 'docscreen_gateway', operatorsApi: true },
  {
    name: 'screening',
    port: 3001,
    database: 'docscreen_screening',
    operatorsApi: true,
    env: { SLTD_SNAPSHOT_PATH: path.join(RUN_DIR, 'screening', 'sltd-index.snapshot') },
  },
  {
    name: 'document-registry',
    port: 3002,
    database: 'docscreen_registry',
    operatorsApi: true,
    env: { IMPORT_DIR: path.join(RUN_DIR, 'registry', 'imports') },
  },
  { name: 'alert-dispatch', port: 3003, database: 'docscreen_alerts', operatorsApi: true },
]);

export const serviceDir = (service: StackService): string => fromRoot('services', service.name);
export const migrationsDir = (service: StackService): string =>
  fromRoot('services', service.name, 'prisma', 'migrations');

export interface LocalInfrastructure {
  kafkaBrokers: string;
  postgresServer: string;
  redisUrl: string;
  otlpEndpoint: string | undefined;
  /** The local Zipkin (infra/zipkin/zipkin.sh, `ZIPKIN_PORT`): where `npm start` sends traces and people read them. */
  zipkinUrl: string;
  /** Appended to every service's database name (`DOCSCREEN_DB_SUFFIX`): a second stack on one server. */
  databaseSuffix: string;
  /** True when the broker is ours to start (no KAFKA_BROKERS given). */
  localKafka: boolean;
}

/**
 * Where the local stack finds its servers. The same variable names as the services and docker-compose;
 * `DOCSCREEN_PG_SERVER` names the PostgreSQL server, each service gets its own database on it. The
 * broker started here listens on `KAFKA_PORT` (as infra/kafka/kafka.sh does), 9092 by default.
 */
export function localInfrastructure(env: NodeJS.ProcessEnv = process.env): LocalInfrastructure {
  return {
    kafkaBrokers: env['KAFKA_BROKERS'] ?? `127.0.0.1:${env['KAFKA_PORT'] ?? '9092'}`,
    postgresServer: (env['DOCSCREEN_PG_SERVER'] ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/$/, ''),
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    otlpEndpoint: env['OTEL_EXPORTER_OTLP_ENDPOINT'],
    zipkinUrl: `http://127.0.0.1:${env['ZIPKIN_PORT'] ?? '9411'}`,
    databaseSuffix: env['DOCSCREEN_DB_SUFFIX'] ?? '',
    localKafka: env['KAFKA_BROKERS'] === undefined,
  };
}

export function databaseName(infra: LocalInfrastructure, service: StackService): string {
  return `${service.database}${infra.databaseSuffix}`;
}

export function databaseUrl(infra: LocalInfrastructure, service: StackService): string {
  return `${infra.postgresServer}/${databaseName(infra, service)}`;
}

/** The environment a service process gets from the launcher; `traces`: export spans to the local Zipkin. */
export function serviceEnvironment(
  infra: LocalInfrastructure,
  service: StackService,
  options: { traces: boolean } = { traces: false },
): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(service.port),
    // The local stack is for this machine only: nothing listens on its network interfaces.
    BIND_ADDRESS: '127.0.0.1',
    DATABASE_URL: databaseUrl(infra, service),
    KAFKA_BROKERS: infra.kafkaBrokers,
    REDIS_URL: infra.redisUrl,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
  };
  if (infra.otlpEndpoint) env['OTEL_EXPORTER_OTLP_ENDPOINT'] = infra.otlpEndpoint;
  if (options.traces) env['ZIPKIN_ENDPOINT'] = `${infra.zipkinUrl}/api/v2/spans`;
  if (service.operatorsApi) env['ADMIN_TOKEN'] = localAdminToken();
  // The interactive API: the gateway calls screening with a token only the two of them hold.
  if (service.name === 'screening') {
    env['INTERACTIVE_TOKEN'] = localInteractiveToken();
    // Its index is compared with the registry's topic watermark (ADR 0012).
    env['REGISTRY_URL'] =
      `http://127.0.0.1:${STACK_SERVICES.find((s) => s.name === 'document-registry')?.port ?? 3002}`;
  }
  if (service.name === 'carrier-gateway' || service.name === 'alert-dispatch') {
    // Webhook secrets are sealed at rest; local receivers (http://127.0.0.1:…) are allowed here only.
    env['SECRETS_KEYS'] = localSecretsKeys();
    env['WEBHOOK_ALLOW_PRIVATE_TARGETS'] = 'true';
  }
  if (service.name === 'carrier-gateway') {
    env['SCREENING_TOKEN'] = localInteractiveToken();
    env['SCREENING_URL'] =
      `http://127.0.0.1:${STACK_SERVICES.find((s) => s.name === 'screening')?.port ?? 3001}`;
  }
  return { ...env, ...service.env };
}
