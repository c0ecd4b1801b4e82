import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { testInfrastructure, waitFor } from '@docscreen/testing';
import { EventPublisher } from './event-publisher.js';
import { isUnknownTopic } from './producer-failures.js';
import { ensureTopics } from './topic-admin.js';

// On the real broker: a topic the cluster lost (here deleted; in the chaos suite, a broker replaced by an
// empty one) is created again by a process that ensured it before, as it was first specified, and the
// publish that found it missing goes through. A topic this process never ensured is left alone.
// (A consumer whose topic was lost does the same on its crash: tests/chaos, where the whole cluster goes.)

describe('EventPublisher and a topic the cluster lost', () => {
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;
  let publisher: EventPublisher;
  const topics: string[] = [];

  beforeAll(async () => {
    const infra = await testInfrastructure();
    kafka = new Kafka({
      clientId: 'lost-topics-int-spec',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
    publisher = new EventPublisher(kafka, { retries: 1 });
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher.disconnect();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  const record = { key: 'k', value: Buffer.from('v'), headers: {} };

  async function lose(topic: string): Promise<void> {
    await admin.deleteTopics({ topics: [topic] });
    await waitFor(`${topic} gone`, async () =>
      (await admin.listTopics()).includes(topic) ? undefined : true,
    );
  }

  it('creates a lost topic again, with its partitions and configuration, and publishes to it', async () => {
    const topic = `test.lost-topic.${randomUUID().slice(0, 8)}`;
    topics.push(topic);
    await ensureTopics(kafka, [{ topic, numPartitions: 3, config: { 'cleanup.policy': 'compact' } }]);
    await publisher.publishRaw(topic, [record]);
    await lose(topic);

    const [sent] = await publisher.publishRaw(topic, [record]);

    expect(sent?.topicName).toBe(topic);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
    });
    expect(configs.resources[0]?.configEntries[0]?.configValue).toBe('compact');
    // Only what was published after the loss is on it.
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(1);
  });

  it('leaves a topic it never ensured to its owner: the publish fails and nothing is created', async () => {
    const topic = `test.never-ensured.${randomUUID().slice(0, 8)}`;

    const failure = await publisher.publishRaw(topic, [record]).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(isUnknownTopic(failure)).toBe(true);
    expect(await admin.listTopics()).not.toContain(topic);
  });
});
