import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { metrics, type ObservableCallback } from '@opentelemetry/api';
import type { AlertView } from '@docscreen/contracts';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';
import { PrismaService } from '../database/prisma.service.js';

// Alerts in figures (services/alert-dispatch/README.md, "Metrics"). Labels are bounded: a registered
// agency's code, a severity, a routing kind, a status. An alert that nobody may receive is a dead
// letter with reason `no-agency` (docscreen.consumer.dead_letters).

const meter = metrics.getMeter('alert-dispatch');

const ALERTS = meter.createCounter('docscreen.dispatch.alerts', {
  description:
    'Alert copies routed to an agency, by agency, severity and routing (responsible agency, or fallback desk)',
});
const TIME_TO_ACKNOWLEDGE = meter.createHistogram('docscreen.dispatch.time_to_acknowledge_seconds', {
  description:
    'Time from an alert being raised (screening) to an agency acknowledging it, by agency and severity',
  unit: 's',
  advice: {
    explicitBucketBoundaries: [10, 30, 60, 120, 300, 600, 1_800, 3_600, 7_200, 14_400, 43_200, 86_400],
  },
});
const OPEN = meter.createObservableGauge('docscreen.dispatch.open_alerts', {
  description: 'Alerts an agency has not resolved yet, by agency and status (new, acknowledged)',
  unit: '{alert}',
});

/** The copies of one alert just stored, each to its agency. */
export function countRoutedAlert(
  copies: readonly { agencyCode: string }[],
  severity: string,
  routing: 'responsible' | 'fallback',
): void {
  for (const { agencyCode } of copies) ALERTS.add(1, { agency: agencyCode, severity, routing });
}

/** An agency acknowledged an alert (once: a repeated acknowledgement is a 409 and not counted). */
export function recordAcknowledged(agency: string, view: AlertView, at: Date): void {
  const seconds = (at.getTime() - Date.parse(view.raisedAt)) / 1_000;
  TIME_TO_ACKNOWLEDGE.record(Math.max(0, seconds), { agency, severity: view.severity });
}

/** Open alerts per agency and status, counted every METRICS_REFRESH_MS (an index range scan). */
@Injectable()
export class OpenAlertsMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private open: { agency: string; status: string; n: number }[] | undefined;
  private task: PeriodicTask | undefined;
  private readonly observe: ObservableCallback = (result) => {
    for (const { agency, status, n } of this.open ?? []) result.observe(n, { agency, status });
  };

  constructor(
    private readonly prisma: PrismaService,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    OPEN.addCallback(this.observe);
    this.task = new PeriodicTask({
      name: 'open-alerts-metrics',
      everyMs: this.config.METRICS_REFRESH_MS,
      logger: this.logger,
      runAtStart: true,
    });
    this.task.start(() => this.count());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    OPEN.removeCallback(this.observe);
  }

  async count(): Promise<void> {
    try {
      // Every active agency with both statuses (0 included), so a queue that empties reads 0, not gone.
      this.open = await this.prisma.$queryRaw<{ agency: string; status: string; n: number }[]>`
        SELECT a.code AS agency, s.status, count(aa.seq)::int AS n
          FROM agency a CROSS JOIN (VALUES ('new'), ('acknowledged')) AS s(status)
          LEFT JOIN agency_alert aa ON aa.agency_id = a.id AND aa.status = s.status
         WHERE a.active
         GROUP BY a.code, s.status`;
    } catch (error) {
      this.open = undefined;
      throw error;
    }
  }
}
