import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { decodeEvent, TOPICS } from '@docscreen/contracts';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, retryUntilDone, type Logger } from '@docscreen/observability';
import { SltdIndex } from '@docscreen/sltd-index';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';
import { applyRegistryChange } from './apply-registry-change.js';

const TOPIC = TOPICS.DOCUMENT_STATUS_CHANGED;

/** Next offset to read, per partition: what a snapshot records beside the index. */
type Positions = Record<string, string>;

/**
 * This replica's lost/stolen index, built by reading the compacted registry topic from the beginning
 * (or from a snapshot and the offsets it was taken at) and kept current by following it. Every
 * replica builds its own the same way, so they all answer alike; none commits offsets (a fresh group
 * id each start) because the index lives in memory and must be rebuilt whole.
 *
 * Ready once it has read up to the end offsets the topic had at start: screening waits for that, so
 * no traveller is screened against a half-built index.
 *
 * Where to start reading is committed to the fresh group before the consumer joins (from the
 * snapshot's positions, or the start of the log), never `seek`ed after `run`: a seek needs a runner
 * that has joined, and on a just-formatted cluster the first join can crash ("not the leader for that
 * topic-partition") and be restarted by kafkajs, which dropped the seek or threw "consumer group was
 * not initialized" and stopped the service. Committed positions survive any restart of the runner.
 * The whole start is retried with backoff until the broker and topic answer.
 */
@Injectable()
export class RegistryIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private index = new SltdIndex();
  private consumer: Consumer | undefined;
  private groupId = `screening-index-${randomUUID()}`;
  private readonly next = new Map<number, bigint>();
  private targets = new Map<number, bigint>();
  private topicEnds = new Map<number, bigint>();
  private caughtUp = false;
  /** Why the index is known to be behind the registry's watermark (ADR 0012); undefined: it is not. */
  private behind: string | undefined;
  private rebuilding = false;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private snapshots: PeriodicTask | undefined;
  private readonly stopping = new AbortController();
  private starting: Promise<void> | undefined;
  private startedAt = 0;
  applied = 0;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    if (config.REGISTRY_URL) this.behind = 'waiting for the registry’s topic watermark';
  }

  /** The index to look up in; replaced only by a restart (updates are applied in place). */
  get current(): SltdIndex {
    return this.index;
  }

  /** Caught up with the topic, and not known to be behind the registry. */
  get isReady(): boolean {
    return this.caughtUp && this.behind === undefined;
  }

  /** Why it is not ready, for the readiness probe. */
  get notReadyReason(): string | undefined {
    if (!this.caughtUp) return 'still reading the registry topic';
    return this.behind;
  }

  /**
   * The index to screen against, or undefined while it is not ready: the lost/stolen check is then
   * inconclusive (no reference data), never a pass against an index known to be incomplete.
   */
  get usable(): SltdIndex | undefined {
    return this.isReady ? this.index : undefined;
  }

  /** Has the index read every partition up to these end offsets? Answers the first it has not. */
  lagBehind(ends: ReadonlyMap<number, bigint>): { partition: number; read: bigint; end: bigint } | undefined {
    for (const [partition, end] of ends) {
      const read = this.next.get(partition) ?? 0n;
      if (read < end) return { partition, read, end };
    }
    return undefined;
  }

  /** The topic's end offsets last seen (at start, then at each watermark poll): what lagBehindTopic counts. */
  noteTopicEnds(ends: ReadonlyMap<number, bigint>): void {
    this.topicEnds = new Map(ends);
  }

  /** Registry events the index has not applied yet, against the topic ends last seen (a metric). */
  get lagBehindTopic(): number {
    let behind = 0n;
    for (const [partition, end] of this.topicEnds.size > 0 ? this.topicEnds : this.targets) {
      const read = this.next.get(partition) ?? 0n;
      if (end > read) behind += end - read;
    }
    return Number(behind);
  }

  /** A partition the index has read further than the topic now ends: the topic lost data. */
  aheadOf(ends: ReadonlyMap<number, bigint>): { partition: number; read: bigint; end: bigint } | undefined {
    if (!this.caughtUp || this.rebuilding) return undefined;
    for (const [partition, read] of this.next) {
      const end = ends.get(partition) ?? 0n;
      if (read > end) return { partition, read, end };
    }
    return undefined;
  }

  /** The watermark's verdict (RegistryWatermark): why the index is behind the registry, or undefined. */
  judge(behind: string | undefined): void {
    // Logged when the verdict turns, not at every poll while the offsets it names move.
    if ((behind === undefined) !== (this.behind === undefined))
      this.logger[behind ? 'warn' : 'info'](
        { records: this.index.size, series: this.index.seriesCount },
        behind
          ? `lost/stolen index behind the registry: ${behind}`
          : 'lost/stolen index level with the registry',
      );
    this.behind = behind;
    this.settle();
  }

  /**
   * The topic lost what the index read (a new cluster, a truncated partition): the index is thrown
   * away and built again from the topic as it is now, in a fresh group, and is not ready until it is
   * level with the registry's watermark again — the registry refills the topic (ADR 0012).
   */
  async rebuild(reason: string): Promise<void> {
    if (this.rebuilding || this.stopping.signal.aborted) return;
    this.rebuilding = true;
    try {
      this.logger.warn({ reason }, 'registry topic lost what the index had read; rebuilding the index');
      this.caughtUp = false;
      if (this.config.REGISTRY_URL) this.behind = `rebuilding: ${reason}`;
      await this.starting;
      const consumer = this.consumer;
      this.consumer = undefined;
      await consumer?.disconnect().catch(() => undefined);
      await this.deleteGroup();
      this.groupId = `screening-index-${randomUUID()}`;
      this.index = new SltdIndex();
      this.next.clear();
      this.applied = 0;
      this.follow();
    } finally {
      this.rebuilding = false;
    }
  }

  /** Resolves once the index has caught up with the topic as it was at start (and is not behind). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  onApplicationBootstrap(): void {
    this.startedAt = Date.now();
    this.follow();
    const path = this.config.SLTD_SNAPSHOT_PATH;
    if (path && this.config.SLTD_SNAPSHOT_INTERVAL_MS > 0) {
      this.snapshots = new PeriodicTask({
        name: 'sltd-snapshot',
        everyMs: this.config.SLTD_SNAPSHOT_INTERVAL_MS,
        logger: this.logger,
      });
      // Only a caught-up index is worth saving: a partial one would be loaded as if it were whole.
      this.snapshots.start(async () => {
        if (this.caughtUp) await this.saveSnapshot(path);
      });
    }
  }

  /** Starts following the topic from `next`, retrying until the broker and the topic answer. */
  private follow(): void {
    this.starting = retryUntilDone('registry-index-start', () => this.start(), {
      logger: this.logger,
      signal: this.stopping.signal,
    }).catch(() => undefined);
  }

  /** One attempt to position a fresh group and join it; undone if it fails part way. */
  private async start(): Promise<void> {
    if (this.next.size === 0) await this.loadSnapshot();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(TOPIC);
      this.targets = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
      // Positions further than the topic now ends (a snapshot's, or the live index's when kafkajs'
      // crash made it follow again) are of a topic that lost data since (a new cluster): what the
      // topic holds now is read from its start instead, never skipped as read.
      if (offsets.some((o) => (this.next.get(o.partition) ?? 0n) > BigInt(o.high))) {
        this.logger.warn('index is ahead of the registry topic (it lost data); rebuilding from the topic');
        this.index = new SltdIndex();
        this.next.clear();
        this.caughtUp = false;
        if (this.config.REGISTRY_URL) this.behind = 'rebuilding: the registry topic lost data';
      }
      for (const o of offsets) if (!this.next.has(o.partition)) this.next.set(o.partition, BigInt(o.low));
      await admin.setOffsets({
        groupId: this.groupId,
        topic: TOPIC,
        partitions: [...this.next].map(([partition, offset]) => ({ partition, offset: offset.toString() })),
      });
    } finally {
      await admin.disconnect();
    }
    this.checkCaughtUp();

    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      // A withdrawal must reach the index within a second: do not wait long for fuller fetches.
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts after a retriable crash; after any other the index would stop following
      // the registry for good. Follow again from what was applied (the group is positioned anew).
      if (payload.restart || this.stopping.signal.aborted || this.consumer !== consumer) return;
      this.logger.error({ error: payload.error }, 'registry index consumer crashed; following again');
      this.consumer = undefined;
      this.follow();
    });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
      // Committing what was applied lets a runner that kafkajs restarts resume where it was.
      await consumer.run({ autoCommit: true, eachBatch: (payload) => this.onBatch(payload) });
    } catch (error) {
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.snapshots?.stop();
    // A join in progress is let finish first: kafkajs cannot stop a consumer that is mid-join.
    await this.starting;
    await this.consumer?.disconnect();
    if (this.caughtUp && this.config.SLTD_SNAPSHOT_PATH)
      await this.saveSnapshot(this.config.SLTD_SNAPSHOT_PATH).catch((error: unknown) =>
        this.logger.error({ error }, 'snapshot at shutdown failed; the next start rebuilds from the topic'),
      );
    // The group held no offsets worth keeping; do not leave it behind on the cluster.
    await this.deleteGroup();
  }

  private async deleteGroup(): Promise<void> {
    const admin = this.kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([this.groupId]))
      .catch(() => undefined)
      .finally(() => void admin.disconnect());
  }

  private async onBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
    const expected = this.next.get(batch.partition) ?? 0n;
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      // Already applied (a runner restarted by kafkajs re-fetches from its last commit): skip them.
      if (offset < expected) continue;
      if (message.value) {
        try {
          applyRegistryChange(this.index, decodeEvent(TOPIC, message.value));
          this.applied++;
        } catch (error) {
          // A malformed registry event cannot be applied by retrying; it is reported, not fatal.
          this.logger.error(
            { partition: batch.partition, offset: message.offset, error },
            'registry event skipped',
          );
        }
      }
      this.next.set(batch.partition, offset + 1n);
      resolveOffset(message.offset);
    }
    await heartbeat();
    if (!this.caughtUp) this.checkCaughtUp();
  }

  private checkCaughtUp(): void {
    for (const [partition, high] of this.targets) if ((this.next.get(partition) ?? 0n) < high) return;
    if (this.caughtUp) return;
    this.caughtUp = true;
    this.logger.info(
      {
        records: this.index.size,
        series: this.index.seriesCount,
        bytes: this.index.bytesUsed,
        ms: Date.now() - this.startedAt,
      },
      'lost/stolen index caught up with the registry topic',
    );
    this.settle();
  }

  private settle(): void {
    if (this.isReady) this.markReady();
  }

  private async loadSnapshot(): Promise<void> {
    const path = this.config.SLTD_SNAPSHOT_PATH;
    if (!path) return;
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return; // none yet
    }
    try {
      const metadata = SltdIndex.snapshotMetadata(bytes);
      const positions = (metadata['positions'] ?? {}) as Positions;
      if (metadata['topic'] !== TOPIC)
        throw new RangeError(`snapshot is of topic ${String(metadata['topic'])}`);
      this.index = SltdIndex.fromSnapshot(bytes);
      for (const [partition, offset] of Object.entries(positions))
        this.next.set(Number(partition), BigInt(offset));
      this.logger.info({ path, records: this.index.size }, 'lost/stolen index loaded from snapshot');
    } catch (error) {
      // A damaged snapshot costs a full rebuild, never a wrong index.
      this.logger.warn({ path, error }, 'snapshot unusable; rebuilding from the topic');
      this.index = new SltdIndex();
      this.next.clear();
    }
  }

  private async saveSnapshot(path: string): Promise<void> {
    const positions: Positions = Object.fromEntries(
      [...this.next].map(([p, o]) => [String(p), o.toString()]),
    );
    const bytes = this.index.snapshot({ topic: TOPIC, positions, takenAt: new Date().toISOString() });
    // Write beside and rename: a crash mid-write leaves the previous snapshot intact. The folder is
    // ours to create: a configured path whose folder nobody made must not fail every snapshot.
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, bytes);
    await rename(`${path}.tmp`, path);
  }
}
