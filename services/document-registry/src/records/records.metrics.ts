import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { metrics, type BatchObservableCallback } from '@opentelemetry/api';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';

const meter = metrics.getMeter('document-registry');
const RECORDS = meter.createObservableGauge('docscreen.registry.records', {
  description:
    'Listed (not withdrawn) documents, by issuing state and status, counted every RECORD_COUNTS_MS',
  unit: '{record}',
});
const SERIES = meter.createObservableGauge('docscreen.registry.blank_series', {
  description:
    'Listed (not withdrawn) blank series, by issuing state and status, counted every RECORD_COUNTS_MS',
  unit: '{series}',
});

interface Count {
  issuing_state: string;
  status: string;
  n: number;
}

/**
 * What the registry lists, by issuing state and status (services/document-registry/README.md,
 * "Metrics"). Counted from the tables on a slow period (a count over millions of rows is not free);
 * the gauges report the last count. Every replica counts, so dashboards take the max per label set.
 */
@Injectable()
export class RecordsMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private records: Count[] = [];
  private series: Count[] = [];
  private task: PeriodicTask | undefined;
  private readonly observe: BatchObservableCallback = (result) => {
    for (const { issuing_state, status, n } of this.records)
      result.observe(RECORDS, n, { issuing_state, status });
    for (const { issuing_state, status, n } of this.series)
      result.observe(SERIES, n, { issuing_state, status });
  };

  constructor(
    private readonly prisma: PrismaService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    meter.addBatchObservableCallback(this.observe, [RECORDS, SERIES]);
    if (this.config.RECORD_COUNTS_MS === 0) return;
    this.task = new PeriodicTask({
      name: 'record-counts',
      everyMs: this.config.RECORD_COUNTS_MS,
      logger: this.logger,
      runAtStart: true,
    });
    this.task.start(() => this.count());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    meter.removeBatchObservableCallback(this.observe, [RECORDS, SERIES]);
  }

  async count(): Promise<void> {
    [this.records, this.series] = await Promise.all([
      this.prisma.$queryRaw<Count[]>`
        SELECT issuing_state, status, count(*)::int AS n FROM document_record
         WHERE withdrawn_at IS NULL GROUP BY issuing_state, status`,
      this.prisma.$queryRaw<Count[]>`
        SELECT issuing_state, status, count(*)::int AS n FROM blank_series
         WHERE withdrawn_at IS NULL GROUP BY issuing_state, status`,
    ]);
  }
}
