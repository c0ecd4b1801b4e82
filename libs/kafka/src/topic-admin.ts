import type { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** Broker-side topic configuration, e.g. `{ 'cleanup.policy': 'compact' }`. */
  config?: Record<string, string>;
}

const ATTEMPTS = 10;

/** Every topic this process made sure of, with how it was created: what it may create again. */
const known = new Map<string, TopicSpec>();

/**
 * Creates the topics a service produces to or consumes from, if they are missing, and waits until every
 * partition has a leader. Brokers run with automatic topic creation off, so a topic's partitioning and
 * retention are always chosen here, in code. Services start side by side and may create the same topic
 * at the same moment: "already exists" is success, and metadata that lags behind a creation is retried.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  for (const spec of specs) known.set(spec.topic, spec);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await createMissing(admin, specs);
        await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) }).then(assertLeaders);
        return created;
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetriable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** Math.min(attempt, 5)));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates again, exactly as they were first ensured, those of `topics` this process ensured before and
 * the cluster no longer has — a broker replaced by an empty one, a topic deleted — and answers the ones
 * it created. A service that runs on must not wait for a restart to find its topics again: a publish
 * to a lost topic fails, and a consumer of one crashes, until somebody creates it. Topics this process
 * never ensured are left to whoever owns them.
 */
export async function recreateLostTopics(kafka: Kafka, topics: readonly string[]): Promise<string[]> {
  const specs = topics.flatMap((topic) => known.get(topic) ?? []);
  return specs.length > 0 ? ensureTopics(kafka, specs) : [];
}

async function createMissing(admin: Admin, specs: readonly TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  // Resolves false when another client created them first (kafkajs swallows TOPIC_ALREADY_EXISTS).
  const created = await admin.createTopics({
    waitForLeaders: false,
    topics: missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.numPartitions ?? 6,
      replicationFactor: spec.replicationFactor ?? -1,
      configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value })),
    })),
  });
  return created ? missing.map((spec) => spec.topic) : [];
}

function assertLeaders(metadata: { topics: { name: string; partitions: { leader: number }[] }[] }): void {
  const leaderless = metadata.topics.filter(
    (t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0),
  );
  if (leaderless.length > 0) {
    throw Object.assign(new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`), {
      retriable: true,
    });
  }
}

function isRetriable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { retriable?: boolean; type?: string; errors?: unknown[] };
  if (e.retriable) return true;
  if (
    e.type === 'TOPIC_ALREADY_EXISTS' ||
    e.type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
    e.type === 'LEADER_NOT_AVAILABLE'
  )
    return true;
  // createTopics reports per-topic failures as an aggregate.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isRetriable);
}
