import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { decodeEvent, TOPICS } from '@docscreen/contracts';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { SltdIndex } from '@docscreen/sltd-index';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';
import { applyRegistryChange } from './apply-registry-change.js';

const TOPIC = TOPICS.DOCUMENT_STATUS_CHANGED;

/**
 * The topic's offsets. Right after the topic was created (a fresh cluster, this replica first) its
 * partitions may not have a leader that answers yet ("not the leader for that topic-partition"), and
 * kafkajs may wrap that in a non-retriable error once its own retries are spent: any error is retried
 * for about 20 s before it stops the start.
 */
async function endOffsets(admin: Admin): Promise<{ partition: number; high: string; low: string }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(TOPIC);
    } catch (error) {
      if (attempt >= 15) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * Math.min(attempt, 10)));
    }
  }
}

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
 */
@Injectable()
export class RegistryIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private index = new SltdIndex();
  private consumer: Consumer | undefined;
  private readonly groupId = `screening-index-${randomUUID()}`;
  private readonly next = new Map<number, bigint>();
  private targets = new Map<number, bigint>();
  private caughtUp = false;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  applied = 0;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** The index to look up in; replaced only by a restart (updates are applied in place). */
  get current(): SltdIndex {
    return this.index;
  }

  get isReady(): boolean {
    return this.caughtUp;
  }

  /** Resolves once the index has caught up with the topic as it was at start. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.startedAt = Date.now();
    await this.loadSnapshot();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await endOffsets(admin);
      this.targets = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
      for (const o of offsets) if (!this.next.has(o.partition)) this.next.set(o.partition, BigInt(o.low));
    } finally {
      await admin.disconnect();
    }
    this.checkCaughtUp();

    this.consumer = this.kafka.consumer({
      groupId: this.groupId,
      // A withdrawal must reach the index within a second: do not wait long for fuller fetches.
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachBatch: (payload) => this.onBatch(payload) });
    for (const [partition, offset] of this.next)
      this.consumer.seek({ topic: TOPIC, partition, offset: offset.toString() });

    if (this.config.SLTD_SNAPSHOT_PATH && this.config.SLTD_SNAPSHOT_INTERVAL_MS > 0) {
      this.snapshotTimer = setInterval(() => void this.saveSnapshot(), this.config.SLTD_SNAPSHOT_INTERVAL_MS);
      this.snapshotTimer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.snapshotTimer);
    await this.consumer?.disconnect();
    if (this.caughtUp) await this.saveSnapshot();
    // The group held no offsets worth keeping; do not leave it behind on the cluster.
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
      // Messages before the snapshot's position may arrive before the seek takes effect: skip them.
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
    this.caughtUp = true;
    this.logger.info(
      {
        records: this.index.size,
        series: this.index.seriesCount,
        bytes: this.index.bytesUsed,
        ms: Date.now() - this.startedAt,
      },
      'lost/stolen index ready',
    );
    this.markReady();
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

  private async saveSnapshot(): Promise<void> {
    const path = this.config.SLTD_SNAPSHOT_PATH;
    if (!path) return;
    const positions: Positions = Object.fromEntries(
      [...this.next].map(([p, o]) => [String(p), o.toString()]),
    );
    const bytes = this.index.snapshot({ topic: TOPIC, positions, takenAt: new Date().toISOString() });
    // Write beside and rename: a crash mid-write leaves the previous snapshot intact.
    await writeFile(`${path}.tmp`, bytes);
    await rename(`${path}.tmp`, path);
  }
}
