import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@docscreen/contracts';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';
import { RegistryIndex } from './registry-index.js';

/** What the registry answers at `GET /v1/topic-watermark` (services/document-registry, ADR 0012). */
interface TopicWatermark {
  topic: string;
  complete: boolean;
  reason?: string;
  partitions: { partition: number; endOffset: string }[];
}

type Ends = Map<number, bigint>;

/**
 * Compares this replica's index with the registry, every REGISTRY_WATERMARK_POLL_MS (ADR 0012):
 *
 * - with the topic: a partition that now ends before what the index has read lost its data (a new
 *   cluster), and the index is rebuilt from the topic as it is;
 * - with the registry's watermark: while the registry says its topic is not complete (a republish
 *   under way), or the index has not read up to where the registry's partitions ended, the index is
 *   behind — not ready, and screened travellers get an inconclusive lost/stolen check. A moment's lag
 *   of a ready index is normal (changes in flight): it is behind only if it has still not reached a
 *   watermark one poll later.
 *
 * The registry unreachable changes nothing: the last verdict stands (the registry's outage must not
 * stop screening), and a replica that never had one waits for it.
 */
@Injectable()
export class RegistryWatermark implements OnApplicationBootstrap, OnApplicationShutdown {
  private task: PeriodicTask | undefined;
  /** A watermark a ready index had not reached yet, kept until it has. */
  private pending: Ends | undefined;

  constructor(
    private readonly index: RegistryIndex,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.REGISTRY_URL) {
      this.logger.warn(
        'REGISTRY_URL unset: the lost/stolen index is compared with its topic only, not with the registry',
      );
      return;
    }
    this.task = new PeriodicTask({
      name: 'registry-watermark',
      everyMs: this.config.REGISTRY_WATERMARK_POLL_MS,
      logger: this.logger,
      runAtStart: true,
    });
    this.task.start(() => this.poll());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }

  async poll(): Promise<void> {
    const topicEnds = await this.topicEnds();
    this.index.noteTopicEnds(topicEnds);
    const ahead = this.index.aheadOf(topicEnds);
    if (ahead) {
      this.pending = undefined;
      await this.index.rebuild(
        `partition ${ahead.partition} of the registry topic ends at ${ahead.end}, the index had read to ${ahead.read}`,
      );
      return;
    }
    const watermark = await this.fetchWatermark();
    if (!watermark.complete) {
      this.pending = undefined;
      this.index.judge(`the registry is refilling its topic (${watermark.reason ?? 'republish under way'})`);
      return;
    }
    const ends: Ends = new Map(watermark.partitions.map((p) => [p.partition, BigInt(p.endOffset)]));
    const lag = this.index.lagBehind(ends);
    if (!lag) {
      this.pending = undefined;
      this.index.judge(undefined);
      return;
    }
    const describe = (l: NonNullable<typeof lag>) =>
      `partition ${l.partition} read to offset ${l.read}, the registry published to ${l.end}`;
    if (!this.index.isReady) {
      // Not level yet (start, rebuild, or found behind): ready only once it reaches the watermark.
      this.index.judge(describe(lag));
      return;
    }
    const stillBehind = this.pending && this.index.lagBehind(this.pending);
    if (stillBehind) {
      this.pending = undefined;
      this.index.judge(describe(stillBehind));
      return;
    }
    this.pending = ends;
  }

  private async topicEnds(): Promise<Ends> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(TOPICS.DOCUMENT_STATUS_CHANGED);
      return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  private async fetchWatermark(): Promise<TopicWatermark> {
    const response = await fetch(new URL('/v1/topic-watermark', this.config.REGISTRY_URL), {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`registry watermark: HTTP ${response.status}`);
    return (await response.json()) as TopicWatermark;
  }
}
