import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher, type Headers } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import { backgroundFailure, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';

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

  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
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
        await tx.$executeRaw`UPDATE outbox_event SET published_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
        return rows.length;
      },
      { timeout: 60_000 },
    );
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let published = 0;
      this.round = this.relayOnce().then(
        (n) => void (published = n),
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
