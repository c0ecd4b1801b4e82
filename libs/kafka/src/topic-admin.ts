import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** Broker-side topic configuration, e.g. `{ 'cleanup.policy': 'compact' }`. */
  config?: Record<string, string>;
}

/**
 * Creates the topics a service produces to or consumes from, if they are missing. Brokers run with
 * automatic topic creation off, so a topic's partitioning and retention are always chosen here, in code.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.numPartitions ?? 6,
        replicationFactor: spec.replicationFactor ?? -1,
        configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}
