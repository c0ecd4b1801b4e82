import type { TestInfrastructure } from './infrastructure.js';

interface Provided {
  kafkaBrokers: string[] | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
}

/** Starts, with testcontainers, whatever the environment did not provide. Loaded only when Docker answers. */
export async function startContainers(provided: Provided): Promise<TestInfrastructure> {
  const [kafkaBrokers, databaseUrl, redisUrl] = await Promise.all([
    provided.kafkaBrokers ?? startKafka(),
    provided.databaseUrl ?? startPostgres(),
    provided.redisUrl ?? startRedis(),
  ]);
  return { kafkaBrokers, databaseUrl, redisUrl };
}

async function startKafka(): Promise<string[]> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const kafka = await new KafkaContainer('apache/kafka:4.1.1').withKraft().start();
  return [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`];
}

async function startPostgres(): Promise<string> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const pg = await new PostgreSqlContainer('postgres:17').start();
  return pg.getConnectionUri();
}

async function startRedis(): Promise<string> {
  const { RedisContainer } = await import('@testcontainers/redis');
  const redis = await new RedisContainer('redis:7').start();
  return redis.getConnectionUrl();
}
