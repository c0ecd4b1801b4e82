import { metrics, type ObservableResult } from '@opentelemetry/api';
import type { Admin, Kafka } from 'kafkajs';
import { PeriodicTask, type Logger } from '@docscreen/observability';

/** How far one consumer group is behind on one partition: messages written but not yet committed. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * The lag of `group` on each partition of `topic`: the partition's end offset minus the group's
 * committed offset. Where the group has committed nothing yet it reads from the log's start (our
 * consumers subscribe `fromBeginning`), so everything the partition still holds is behind.
 */
export function partitionLags(
  group: string,
  topic: string,
  ends: readonly { partition: number; high: string; low: string }[],
  committed: readonly { partition: number; offset: string }[],
): PartitionLag[] {
  const positions = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  return ends.map(({ partition, high, low }) => {
    const position = positions.get(partition);
    const from = position === undefined || position < 0n ? BigInt(low) : position;
    const lag = BigInt(high) - from;
    return { group, topic, partition, lag: lag > 0n ? Number(lag) : 0 };
  });
}

const monitors = new Set<ConsumerLagMonitor>();
let gaugeRegistered = false;

/**
 * `docscreen.consumer.lag{group, topic, partition}`, reported by every monitor of the process. Made on
 * the first monitor, not at import: the metrics API has no proxy provider, so an instrument made
 * before the SDK started would stay a no-op.
 */
function registerGauge(): void {
  if (gaugeRegistered) return;
  gaugeRegistered = true;
  metrics
    .getMeter('@docscreen/nest-platform')
    .createObservableGauge('docscreen.consumer.lag', {
      description:
        'Messages of a partition its consumer group has not committed yet (end offset minus committed offset), measured every 15 s',
      unit: '{message}',
    })
    .addCallback((result: ObservableResult) => {
      for (const monitor of monitors) monitor.observe(result);
    });
}

export interface ConsumerLagOptions {
  /** How often the committed offsets and topic ends are read (two admin requests a group). */
  everyMs: number;
  logger: Logger;
}

/**
 * Measures the lag of the consumer groups this process runs, from the broker's side: the groups'
 * committed offsets against the topics' end offsets, read with an admin client every `everyMs`. Every
 * replica of a group reports the same figures (they are the group's), so dashboards take the max per
 * group, topic and partition. A failed measurement drops the figures (stale ones would hide a lag that
 * grows while the broker cannot be asked) and is logged, counted and retried as any background task.
 */
export class ConsumerLagMonitor {
  private readonly groups = new Map<string, readonly string[]>();
  private lags: PartitionLag[] = [];
  private admin: Admin | undefined;
  private task: PeriodicTask | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerLagOptions,
  ) {}

  /** Starts reporting `group`'s lag on `topics` (its first measurement at once). */
  watch(group: string, topics: readonly string[]): void {
    this.groups.set(group, [...topics]);
    registerGauge();
    monitors.add(this);
    if (this.task) return;
    this.task = new PeriodicTask({
      name: 'consumer-lag',
      everyMs: this.options.everyMs,
      logger: this.options.logger,
      runAtStart: true,
    });
    this.task.start(() => this.measure());
  }

  unwatch(group: string): void {
    this.groups.delete(group);
    this.lags = this.lags.filter((l) => l.group !== group);
  }

  /** The figures of the last measurement. */
  current(): readonly PartitionLag[] {
    return this.lags;
  }

  async measure(): Promise<void> {
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      const ends = new Map<string, { partition: number; high: string; low: string }[]>();
      const lags: PartitionLag[] = [];
      for (const [group, topics] of this.groups) {
        const committed = await this.admin.fetchOffsets({ groupId: group, topics: [...topics] });
        for (const { topic, partitions } of committed) {
          const topicEnds = ends.get(topic) ?? (await this.admin.fetchTopicOffsets(topic));
          ends.set(topic, topicEnds);
          lags.push(...partitionLags(group, topic, topicEnds, partitions));
        }
      }
      this.lags = lags;
    } catch (error) {
      this.lags = [];
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw error;
    }
  }

  observe(result: ObservableResult): void {
    for (const { group, topic, partition, lag } of this.lags)
      result.observe(lag, { group, topic, partition: String(partition) });
  }

  async stop(): Promise<void> {
    monitors.delete(this);
    await this.task?.stop();
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}

const byClient = new WeakMap<Kafka, ConsumerLagMonitor>();

/** The lag monitor of a service's Kafka client (KafkaModule makes it), if any. */
export function consumerLagMonitor(kafka: Kafka): ConsumerLagMonitor | undefined {
  return byClient.get(kafka);
}

export function setConsumerLagMonitor(kafka: Kafka, monitor: ConsumerLagMonitor): void {
  byClient.set(kafka, monitor);
}
