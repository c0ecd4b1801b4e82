import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { WebhookDispatcher } from '@docscreen/webhooks';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectiveWebhookSecrets } from './directive-webhook-secrets.js';

/** The webhook body of one directive: what the carrier's system needs to act, nothing more. */
export interface DirectiveWebhookBody {
  directiveId: string;
  submissionId: string;
  flightKey: string;
  travellerRef: string;
  directive: string;
  reason: string;
  screeningId: string;
  issuedAt: string | null;
}

/**
 * Signed webhooks of boarding directives to carriers that registered a URL (libs/webhooks: BullMQ
 * with retries, exponential backoff with jitter, a dead-letter queue). One job per directive (job id
 * = directive id), and the 2xx is recorded on the directive row, so a job retried after a crashed
 * worker sends nothing twice.
 */
@Injectable()
export class DirectiveWebhooks implements OnModuleInit, OnApplicationShutdown {
  private readonly dispatcher: WebhookDispatcher;

  constructor(
    private readonly prisma: PrismaService,
    secrets: DirectiveWebhookSecrets,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.dispatcher = new WebhookDispatcher({
      queueName: 'carrier-directive-webhooks',
      connection: { url: config.REDIS_URL },
      resolveEndpoint: (carrierCode) => secrets.endpointOf(carrierCode),
      isDelivered: async (directiveId) =>
        (await this.prisma.boardingDirective.count({
          where: { directiveId, webhookDeliveredAt: { not: null } },
        })) > 0,
      onDelivered: async ({ deliveryId }) => {
        await this.prisma.boardingDirective.update({
          where: { directiveId: deliveryId },
          data: { webhookDeliveredAt: new Date() },
        });
      },
      onDeadLettered: async ({ deliveryId, subscriber, attempts, error }) => {
        this.logger.error(
          { directiveId: deliveryId, carrier: subscriber, attempts, error },
          'directive webhook dead-lettered after its last attempt',
        );
      },
      attempts: config.WEBHOOK_ATTEMPTS,
      backoff: { baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS },
      requestTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      concurrency: config.WEBHOOK_CONCURRENCY,
      allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      logger,
    });
  }

  onModuleInit(): void {
    this.dispatcher.startWorker();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.close();
  }

  /** Queues the directive for the carrier's webhook, if it registered one; resolves once Redis holds it. */
  async enqueue(carrierCode: string, directiveId: string, body: DirectiveWebhookBody): Promise<void> {
    const carrier = await this.prisma.carrier.findUnique({
      where: { iataCode: carrierCode },
      select: { directiveWebhookUrl: true },
    });
    if (!carrier?.directiveWebhookUrl) return;
    await this.dispatcher.enqueue([
      {
        deliveryId: directiveId,
        subscriber: carrierCode,
        eventType: 'boarding-directive.issued',
        body: JSON.stringify(body),
      },
    ]);
  }
}
