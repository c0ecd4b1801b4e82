import { Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { REGISTRY_TOPIC } from './registry-topic.js';
import { requestRepublish, type RepublishStatus, type RepublishTrigger } from './republish-requests.js';
import { RepublishRunner } from './republish.runner.js';

/**
 * What screening compares its index with (`GET /v1/topic-watermark`, ADR 0012): where the registry
 * topic's partitions ended after the relay's last acknowledged round, and whether the topic holds
 * the registry's whole state (false while a republish is requested, running, failed or not yet
 * published).
 */
export interface TopicWatermark {
  topic: string;
  complete: boolean;
  /** Why it is not complete. */
  reason?: string;
  partitions: { partition: number; endOffset: string }[];
}

interface RepublishRow {
  id: string;
  trigger: RepublishTrigger;
  requested_by: string;
  reason: string;
  state: 'requested' | 'running' | 'staged' | 'failed';
  records: number;
  series: number;
  total: number;
  error: string | null;
  started_at: Date;
  staged_at: Date | null;
  unpublished: boolean;
}

@Injectable()
export class RepublishService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runner: RepublishRunner,
  ) {}

  /** Asks for a republish and starts it at once (in the background); answers its id. */
  async request(
    trigger: RepublishTrigger,
    requestedBy: string,
    reason: string,
  ): Promise<{ republishId: string; created: boolean }> {
    const requested = await this.prisma.$transaction((tx) =>
      requestRepublish(tx, trigger, requestedBy, reason),
    );
    this.runner.kick();
    return requested;
  }

  async status(id: string): Promise<RepublishStatus> {
    const [row] = await this.rows(id);
    if (!row) throw new NotFoundException('no republish with that id');
    return toStatus(row);
  }

  /** The latest republishes, newest first: the operators' audit trail. */
  async recent(limit = 20): Promise<RepublishStatus[]> {
    return (await this.rows(undefined, limit)).map(toStatus);
  }

  async watermark(): Promise<TopicWatermark> {
    const [latest] = await this.rows(undefined, 1);
    const marks = await this.prisma.topicPartitionMark.findMany({
      where: { topic: REGISTRY_TOPIC.topic },
      orderBy: { partition: 'asc' },
    });
    const status = latest ? toStatus(latest) : undefined;
    const reason =
      status && status.state !== 'published'
        ? `the registry's republish ${status.republishId} (${status.reason}) is ${status.state}`
        : undefined;
    return {
      topic: REGISTRY_TOPIC.topic,
      complete: reason === undefined,
      ...(reason ? { reason } : {}),
      partitions: marks.map((m) => ({ partition: m.partition, endOffset: m.endOffset.toString() })),
    };
  }

  private rows(id?: string, limit = 1): Promise<RepublishRow[]> {
    // A staged republish is published once the relay has sent every outbox row up to its last one.
    return this.prisma.$queryRawUnsafe<RepublishRow[]>(
      `SELECT id::text AS id, trigger, requested_by, reason, state, records, series, total, error,
              started_at, staged_at,
              EXISTS (SELECT 1 FROM outbox_event o
                       WHERE o.published_at IS NULL AND o.sequence <= coalesce(r.last_sequence, 0)) AS unpublished
         FROM republish r ${id ? 'WHERE id = $1::uuid' : ''}
        ORDER BY started_at DESC LIMIT ${Number(limit)}`,
      ...(id ? [id] : []),
    );
  }
}

function toStatus(row: RepublishRow): RepublishStatus {
  return {
    republishId: row.id,
    trigger: row.trigger,
    requestedBy: row.requested_by,
    reason: row.reason,
    state: row.state === 'staged' && !row.unpublished ? 'published' : row.state,
    records: row.records,
    series: row.series,
    total: row.total,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    stagedAt: row.staged_at?.toISOString() ?? null,
  };
}
