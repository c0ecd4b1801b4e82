import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { metrics, type ObservableCallback } from '@opentelemetry/api';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';
import { AgencyWebhooks } from './agency-webhooks.js';

const QUEUE = metrics.getMeter('alert-dispatch').createObservableGauge('docscreen.dispatch.webhook.queue', {
  description:
    'Webhook deliveries in the queue, by state (waiting, active, delayed, completed, failed, dead-lettered)',
  unit: '{delivery}',
});

/** The queue's jobs by state, read from Redis every METRICS_REFRESH_MS (services/alert-dispatch/README.md, "Metrics"). */
@Injectable()
export class WebhookQueueMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private counts: Record<string, number> | undefined;
  private task: PeriodicTask | undefined;
  private readonly observe: ObservableCallback = (result) => {
    for (const [state, n] of Object.entries(this.counts ?? {})) result.observe(n, { state });
  };

  constructor(
    private readonly webhooks: AgencyWebhooks,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    QUEUE.addCallback(this.observe);
    this.task = new PeriodicTask({
      name: 'webhook-queue-metrics',
      everyMs: this.config.METRICS_REFRESH_MS,
      logger: this.logger,
      runAtStart: true,
    });
    this.task.start(async () => {
      try {
        this.counts = await this.webhooks.counts();
      } catch (error) {
        this.counts = undefined;
        throw error;
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
    QUEUE.removeCallback(this.observe);
  }
}
