import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { WebhookDispatcher, type WebhookDelivery } from '@docscreen/webhooks';
import { AgenciesService } from '../agencies/agencies.service.js';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';
import { WebhookDeliveryRecords } from './webhook-delivery-records.js';

/** `x-docscreen-event-type` of an alert's webhook. */
export const ALERT_RAISED_WEBHOOK = 'alert.raised';

// A worker killed mid-delivery holds its deliveries until its lock expires; another worker (or the
// same one restarted) takes them over at its next stalled check. Shorter than the library's 30 s
// defaults so a crashed replica's deliveries are late by seconds, not a minute.
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;

/**
 * Agencies' webhooks over @docscreen/webhooks: the consumer enqueues, the worker (when
 * WEBHOOK_CONCURRENCY > 0) delivers, signs with the agency's secret read at each attempt, and records
 * every outcome on the agency's copy of the alert.
 */
@Injectable()
export class AgencyWebhooks implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly dispatcher: WebhookDispatcher;

  constructor(
    agencies: AgenciesService,
    records: WebhookDeliveryRecords,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    // Commands wait through a Redis restart instead of failing (BullMQ's workers need this too).
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.dispatcher = new WebhookDispatcher({
      queueName: config.WEBHOOK_QUEUE,
      connection: this.redis,
      resolveEndpoint: (agencyCode) => agencies.webhookEndpoint(agencyCode),
      isDelivered: (deliveryId) => records.isDelivered(deliveryId),
      onDelivered: ({ deliveryId, attempts }) => records.delivered(deliveryId, attempts),
      onAttemptFailed: ({ deliveryId, attempt, error }) => records.attemptFailed(deliveryId, attempt, error),
      onDeadLettered: ({ deliveryId, attempts, error }) => records.deadLettered(deliveryId, attempts, error),
      attempts: config.WEBHOOK_ATTEMPTS,
      backoff: { baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS },
      requestTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      concurrency: Math.max(1, config.WEBHOOK_CONCURRENCY),
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      logger,
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.WEBHOOK_CONCURRENCY > 0) this.dispatcher.startWorker();
  }

  /** After the consumer has stopped (nothing more is enqueued); lets in-flight deliveries finish. */
  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.close();
    this.redis.disconnect();
  }

  /** Resolves once Redis holds every delivery; a delivery id already queued or kept is not added again. */
  enqueue(deliveries: WebhookDelivery[]): Promise<void> {
    return this.dispatcher.enqueue(deliveries);
  }

  /** Jobs by state: waiting, active, delayed, completed, failed, dead-lettered. */
  counts(): Promise<Record<string, number>> {
    return this.dispatcher.counts();
  }

  /** Redis answers (readiness): an alert is committed only once its deliveries are queued there. */
  ping(): Promise<string> {
    return this.redis.ping();
  }
}
