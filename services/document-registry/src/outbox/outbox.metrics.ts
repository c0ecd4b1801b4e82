import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { metrics, type BatchObservableCallback } from '@opentelemetry/api';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';

const meter = metrics.getMeter('document-registry');
const PENDING = meter.createObservableGauge('docscreen.registry.outbox.pending', {
  description: 'Committed changes the outbox relay has not published yet',
  unit: '{event}',
});
const RELAY_LAG = meter.createObservableGauge('docscreen.registry.relay.lag_seconds', {
  description: 'Age of the oldest change not yet published (0 when the outbox is drained)',
  unit: 's',
});
const PUBLISHED = meter.createCounter('docscreen.registry.outbox.published', {
  description: 'Outbox events the relay published (acks from all in-sync replicas)',
  unit: '{event}',
});
PUBLISHED.add(0);

export function countPublished(events: number): void {
  PUBLISHED.add(events);
}

/**
 * The outbox backlog and how far the relay is behind, read every METRICS_REFRESH_MS with one query on
 * the (published_at, sequence) index (services/document-registry/README.md, "Metrics").
 */
@Injectable()
export class OutboxMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private figures: { pending: number; lagSeconds: number } | undefined;
  private task: PeriodicTask | undefined;
  private readonly observe: BatchObservableCallback = (result) => {
    if (!this.figures) return;
    result.observe(PENDING, this.figures.pending);
    result.observe(RELAY_LAG, this.figures.lagSeconds);
  };

  constructor(
    private readonly prisma: PrismaService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    meter.addBatchObservableCallback(this.observe, [PENDING, RELAY_LAG]);
    this.task = new PeriodicTask({
      name: 'outbox-metrics',
      everyMs: this.config.METRICS_REFRESH_MS,
      logger: this.logger,
      runAtStart: true,
    });
    this.task.start(() => this.refresh());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    meter.removeBatchObservableCallback(this.observe, [PENDING, RELAY_LAG]);
  }

  async refresh(): Promise<void> {
    try {
      const [row] = await this.prisma.$queryRaw<{ pending: number; lag: number }[]>`
        SELECT count(*)::int AS pending,
               COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
          FROM outbox_event WHERE published_at IS NULL`;
      this.figures = { pending: row?.pending ?? 0, lagSeconds: row?.lag ?? 0 };
    } catch (error) {
      // No figure rather than a stale one while the database cannot be asked.
      this.figures = undefined;
      throw error;
    }
  }
}
