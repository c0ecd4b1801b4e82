import type { Admin } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';

/**
 * The registry's compacted change stream, as the registry creates it (and creates it again on a
 * cluster that lost it): the latest event per document key is the state of that document.
 */
export const REGISTRY_TOPIC = {
  topic: TOPICS.DOCUMENT_STATUS_CHANGED,
  numPartitions: 12,
  config: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '60000' },
} as const;

/**
 * The topic's end offset per partition; a cluster that lost everything lost the topic too, and it is
 * made again first with the registry's settings (listed before, so a topic that exists is not asked
 * for again: the broker's refusal is logged as an error by kafkajs).
 */
export async function registryTopicEnds(admin: Admin): Promise<{ partition: number; high: string }[]> {
  const topics = await admin.listTopics();
  if (!topics.includes(REGISTRY_TOPIC.topic))
    await admin.createTopics({
      topics: [
        {
          topic: REGISTRY_TOPIC.topic,
          numPartitions: REGISTRY_TOPIC.numPartitions,
          configEntries: Object.entries(REGISTRY_TOPIC.config).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  return admin.fetchTopicOffsets(REGISTRY_TOPIC.topic);
}
