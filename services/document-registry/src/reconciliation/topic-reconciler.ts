import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { REGISTRY_TOPIC, registryTopicEnds } from './registry-topic.js';
import { RepublishService } from './republish.service.js';

const TOPIC = REGISTRY_TOPIC.topic;

/**
 * Compares the registry topic with the database at start and every TOPIC_CHECK_MS, and asks for a
 * republish when the topic is behind — nobody has to notice a lost cluster. Two findings, both
 * certain (never a guess from lag): a partition ends below the mark the relay recorded after its
 * last acknowledged round (end offsets never go back on a topic that kept its data, compaction
 * included), or the partitions' end offsets add up to fewer events than the registry lists entries
 * (each listed entry has at least one event on a topic that holds the state). The second covers a
 * registry without marks (a restored database); it is counted only then, and the ends it accepts
 * become the marks, so a registry of millions is not counted every period. Checked only while the
 * outbox is drained: until then the relay is still filling the topic, and it checks the marks itself.
 */
@Injectable()
export class TopicReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask | undefined;

  constructor(
    private readonly prisma: PrismaService,
    private readonly republishes: RepublishService,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    if (config.TOPIC_CHECK_MS > 0)
      this.task = new PeriodicTask({
        name: 'registry-topic-check',
        everyMs: config.TOPIC_CHECK_MS,
        logger,
        runAtStart: true,
      });
  }

  onApplicationBootstrap(): void {
    this.task?.start(() => this.check().then(() => undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }

  /** One comparison; answers the finding when it asked for a republish. */
  async check(): Promise<string | undefined> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await this.compare(admin);
    } finally {
      await admin.disconnect();
    }
  }

  private async compare(admin: Admin): Promise<string | undefined> {
    // First, so a cluster that lost the topic gets it back even while changes wait in the outbox: the
    // relay cannot publish them to a topic that does not exist (the brokers do not create topics).
    await registryTopicEnds(admin);
    const [latest] = await this.republishes.recent(1);
    if (latest?.state === 'requested' || latest?.state === 'running') return undefined;
    if (latest?.state === 'failed')
      return this.found(`the last republish (${latest.republishId}) failed: ${latest.error ?? ''}`);
    const pending = await this.prisma.outboxEvent.findFirst({
      where: { topic: TOPIC, publishedAt: null },
      select: { id: true },
    });
    if (pending) return undefined;
    // The marks before the ends: a relay round in between raises both, the ends never below the marks.
    const marks = await this.prisma.topicPartitionMark.findMany({ where: { topic: TOPIC } });
    const offsets = await registryTopicEnds(admin);
    const high = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    const lost = marks.filter((m) => (high.get(m.partition) ?? 0n) < m.endOffset);
    const [m] = lost;
    if (m) {
      return this.found(
        `partition ${m.partition} ends at ${high.get(m.partition) ?? 0n}, below the ${m.endOffset} the registry had published to it (${lost.length} partition(s) behind)`,
      );
    }
    if (marks.length > 0) return undefined;
    // No marks (a restored database, or one from before marks): the count, bounded by what the topic
    // could hold so an empty topic costs one row read, and never repeated — the ends become the marks.
    const events = [...high.values()].reduce((sum, h) => sum + h, 0n);
    const bound = events + 1n;
    const [{ listed }] = await this.prisma.$queryRaw<[{ listed: bigint }]>`
      SELECT (SELECT count(*) FROM (SELECT 1 FROM document_record WHERE withdrawn_at IS NULL LIMIT ${bound}) r)
           + (SELECT count(*) FROM (SELECT 1 FROM blank_series WHERE withdrawn_at IS NULL LIMIT ${bound}) s) AS listed`;
    if (events < listed)
      return this.found(
        `the topic holds at most ${events} events, fewer than the registry lists entries (a restored database without marks)`,
      );
    for (const [partition, endOffset] of high)
      await this.prisma.topicPartitionMark.upsert({
        where: { topic_partition: { topic: TOPIC, partition } },
        create: { topic: TOPIC, partition, endOffset },
        update: { endOffset, updatedAt: new Date() },
      });
    return undefined;
  }

  private async found(finding: string): Promise<string> {
    this.logger.warn({ topic: TOPIC }, `registry topic behind the database: ${finding}; republishing`);
    await this.republishes.request('reconciler', 'topic-check', finding);
    return finding;
  }
}
