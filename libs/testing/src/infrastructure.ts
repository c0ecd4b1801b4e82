import { execFileSync } from 'node:child_process';

export interface TestInfrastructure {
  kafkaBrokers: string[];
  /** A PostgreSQL server URL (its database part names the maintenance database to connect to). */
  databaseUrl: string;
  redisUrl: string;
}

const HOW_TO = `Integration tests need a real Kafka broker, PostgreSQL and Redis. Provide them one of two ways:
  - run \`npm test\` (it starts the local Kafka broker and exports the variables), or set them yourself:
      KAFKA_BROKERS=127.0.0.1:9092 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379
    (start the broker with \`infra/kafka/kafka.sh start\`);
  - or run on a host with a Docker engine, where testcontainers starts them.`;

let resolved: Promise<TestInfrastructure> | undefined;

/**
 * Where the integration tests find their servers: the environment first, then testcontainers where a
 * Docker engine answers; otherwise the test fails with instructions. It never skips: a suite that
 * quietly ran no integration test would look green and prove nothing.
 */
export function testInfrastructure(): Promise<TestInfrastructure> {
  resolved ??= resolve();
  return resolved;
}

async function resolve(): Promise<TestInfrastructure> {
  const env = process.env;
  const fromEnv = {
    kafka: env['KAFKA_BROKERS']
      ?.split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    database: env['DATABASE_URL'],
    redis: env['REDIS_URL'],
  };
  if (fromEnv.kafka?.length && fromEnv.database && fromEnv.redis) {
    return { kafkaBrokers: fromEnv.kafka, databaseUrl: fromEnv.database, redisUrl: fromEnv.redis };
  }
  if (!dockerAnswers()) {
    const missing = [
      !fromEnv.kafka?.length && 'KAFKA_BROKERS',
      !fromEnv.database && 'DATABASE_URL',
      !fromEnv.redis && 'REDIS_URL',
    ].filter(Boolean);
    throw new Error(`Missing ${missing.join(', ')} and no Docker engine answers.\n${HOW_TO}`);
  }
  const containers = await import('./containers.js');
  return containers.startContainers({
    kafkaBrokers: fromEnv.kafka,
    databaseUrl: fromEnv.database,
    redisUrl: fromEnv.redis,
  });
}

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
