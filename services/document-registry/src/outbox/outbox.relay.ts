import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import { EventPublisher, type Headers } from '@docscreen/kafka';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import { backgroundFailure, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { requestRepublish } from '../reconciliation/republish-requests.js';
import type { Prisma } from '../generated/prisma/client.js';
import { countPublished } from './outbox.metrics.js';

/** Only one relay publishes at a time, across replicas, so events leave in commit order. */
const RELAY_LOCK = 0x0d0c_0b0e;

interface PendingRow {
  id: string;
  topic: string;
  key: string;
  payload: Uint8Array | null;
  headers: Headers;
}

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them. Within one transaction it
 * locks a batch, publishes it (acks from all in-sync replicas) and marks it published: a crash before
 * the mark commits leaves the rows unmarked, so they are published again — never lost; duplicates are
 * harmless on a compacted topic whose consumers apply the latest state per key.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;
  private round: Promise<void> = Promise.resolve();
  private admin: Admin | undefined;

  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.round;
    await this.admin?.disconnect().catch(() => undefined);
  }

  /** One round: publishes up to a batch; resolves with how many rows it published. */
  async relayOnce(): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const lock = await tx.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`;
        if (!lock[0]?.locked) return 0;
        // Ordered as the (published_at, sequence) index is, which for these rows (published_at all
        // NULL) is sequence order: an index scan that stops after a batch. `ORDER BY sequence` alone
        // is not matched to that index (IS NULL is no equality to the planner) and read and sorted
        // every unpublished row each round, so a large backlog (a bulk import) drained ever slower.
        const rows = await tx.$queryRaw<PendingRow[]>`
          SELECT id, topic, key, payload, headers FROM outbox_event
           WHERE published_at IS NULL ORDER BY published_at, sequence LIMIT ${this.config.OUTBOX_BATCH_SIZE}`;
        if (rows.length === 0) return 0;
        for (const [topic, records] of groupByTopic(rows)) {
          await this.publisher.publishRaw(
            topic,
            records.map((r) => ({
              key: r.key,
              value: r.payload ? Buffer.from(r.payload) : null,
              headers: r.headers,
            })),
          );
        }
        if (rows.some((r) => r.topic === TOPICS.DOCUMENT_STATUS_CHANGED)) await this.markTopicEnd(tx);
        await tx.$executeRaw`UPDATE outbox_event SET published_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
        return rows.length;
      },
      { timeout: 60_000 },
    );
  }

  /**
   * Records where the registry topic's partitions end now that the broker acknowledged this round
   * (acks from all in-sync replicas: the end offsets include it). A partition found ending before
   * its mark has lost what was published to it — a new cluster, a truncated partition — and a
   * republish is requested in the same transaction, so the watermark never says complete between
   * the finding and the republish (ADR 0012).
   */
  private async markTopicEnd(tx: Prisma.TransactionClient): Promise<void> {
    const topic = TOPICS.DOCUMENT_STATUS_CHANGED;
    this.admin ??= this.kafka.admin();
    let offsets: { partition: number; high: string }[];
    try {
      await this.admin.connect();
      offsets = await this.admin.fetchTopicOffsets(topic);
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw error;
    }
    const marks = await tx.$queryRaw<{ partition: number; end_offset: bigint }[]>`
      SELECT partition, end_offset FROM topic_partition_mark WHERE topic = ${topic} FOR UPDATE`;
    const high = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    const lost = marks.filter((m) => (high.get(m.partition) ?? 0n) < m.end_offset);
    const [first] = lost;
    if (first) {
      const finding = `partition ${first.partition} ends at ${high.get(first.partition) ?? 0n}, below the ${first.end_offset} the registry had published to it (${lost.length} partition(s) behind)`;
      this.logger.warn({ topic, partitions: lost.length }, `registry topic lost data: ${finding}`);
      await requestRepublish(tx, 'reconciler', 'outbox-relay', finding);
    }
    for (const [partition, end] of high)
      await tx.$executeRaw`
        INSERT INTO topic_partition_mark (topic, partition, end_offset, updated_at)
        VALUES (${topic}, ${partition}, ${end}, now())
        ON CONFLICT (topic, partition) DO UPDATE SET end_offset = excluded.end_offset, updated_at = now()`;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let published = 0;
      this.round = this.relayOnce().then(
        (n) => void countPublished((published = n)),
        (error: unknown) => backgroundFailure('outbox-relay', this.logger, error),
      );
      await this.round;
      // A full batch means more is waiting: go on at once; otherwise wait for new changes.
      if (published < this.config.OUTBOX_BATCH_SIZE) await sleep(this.config.OUTBOX_POLL_MS);
    }
  }
}

function groupByTopic(rows: readonly PendingRow[]): Map<string, PendingRow[]> {
  const byTopic = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const group = byTopic.get(row.topic);
    if (group) group.push(row);
    else byTopic.set(row.topic, [row]);
  }
  return byTopic;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
