import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testInfrastructure } from '@docscreen/testing';
import { ensureTopics } from './topic-admin.js';

describe('ensureTopics on the real broker', () => {
  it('lets several services create the same topic at the same moment', async () => {
    const { kafkaBrokers } = await testInfrastructure();
    const kafka = new Kafka({
      clientId: 'topic-admin-int-spec',
      brokers: kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const topic = `test.race-${randomUUID().slice(0, 8)}.v1`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => ensureTopics(kafka, [{ topic, numPartitions: 3 }])),
    );
    expect(results.filter((created) => created.includes(topic)).length).toBeLessThanOrEqual(1);
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });
});
