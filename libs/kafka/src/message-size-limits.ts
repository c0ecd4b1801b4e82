import kafkajs, { type Admin, type Kafka } from 'kafkajs';

// kafkajs is CommonJS and Node's ESM loader does not see ConfigResourceTypes as a named export.
const { ConfigResourceTypes } = kafkajs;
type ResourceType = (typeof ConfigResourceTypes)[keyof typeof ConfigResourceTypes];

/** Kafka's default `message.max.bytes`: what a broker takes when nobody configured otherwise. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

const TOPIC_LIMIT = 'max.message.bytes';
const BROKER_LIMIT = 'message.max.bytes';
/** Topics described per request at connect. */
const DESCRIBE_CHUNK = 500;

/**
 * The largest record batch each topic accepts (`max.message.bytes`, which falls back to the broker's
 * `message.max.bytes`), read from the cluster with describeConfigs: the broker's and every existing
 * topic's at connect, a topic created since the first time something is published to it. A lookup
 * that fails falls back to the broker's value, or Kafka's default, and is not repeated: a publish
 * never waits on the admin API twice for a topic (nor at all for one that existed at connect).
 */
export class MessageSizeLimits {
  private brokerLimit = DEFAULT_MAX_MESSAGE_BYTES;
  private readonly topicLimits = new Map<string, Promise<number>>();

  constructor(private readonly kafka: Kafka) {}

  /** Reads the broker's limit and every existing topic's. */
  async load(): Promise<void> {
    await this.withAdmin(async (admin) => {
      const { brokers } = await admin.describeCluster();
      const nodeId = brokers[0]?.nodeId;
      if (nodeId !== undefined) {
        const broker = await describe(admin, ConfigResourceTypes.BROKER, [String(nodeId)], BROKER_LIMIT);
        this.brokerLimit = broker.get(String(nodeId)) ?? DEFAULT_MAX_MESSAGE_BYTES;
      }
      const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
      for (let i = 0; i < topics.length; i += DESCRIBE_CHUNK) {
        const chunk = topics.slice(i, i + DESCRIBE_CHUNK);
        const limits = await describe(admin, ConfigResourceTypes.TOPIC, chunk, TOPIC_LIMIT);
        for (const [topic, limit] of limits) this.topicLimits.set(topic, Promise.resolve(limit));
      }
    });
  }

  /** The limit of `topic`, read once. */
  forTopic(topic: string): Promise<number> {
    let limit = this.topicLimits.get(topic);
    if (!limit) {
      limit = this.withAdmin((admin) =>
        describe(admin, ConfigResourceTypes.TOPIC, [topic], TOPIC_LIMIT),
      ).then((limits) => limits?.get(topic) ?? this.brokerLimit);
      this.topicLimits.set(topic, limit);
    }
    return limit;
  }

  /** Forgets what was read for `topic` (the broker refused a batch within it: it must have changed). */
  forget(topic: string): void {
    this.topicLimits.delete(topic);
  }

  private async withAdmin<R>(read: (admin: Admin) => Promise<R>): Promise<R | undefined> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      return await read(admin);
    } catch {
      return undefined;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

/** One config of several resources, by name; a resource the broker could not describe is left out. */
async function describe(
  admin: Admin,
  type: ResourceType,
  names: readonly string[],
  configName: string,
): Promise<Map<string, number>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: names.map((name) => ({ type, name, configNames: [configName] })),
  });
  const limits = new Map<string, number>();
  for (const resource of resources) {
    const value = Number(resource.configEntries.find((e) => e.configName === configName)?.configValue);
    if (resource.errorCode === 0 && Number.isSafeInteger(value) && value > 0) {
      limits.set(resource.resourceName, value);
    }
  }
  return limits;
}
