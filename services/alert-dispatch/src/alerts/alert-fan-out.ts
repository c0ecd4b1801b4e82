import { Injectable } from '@nestjs/common';
import { TOPICS, type AlertRaised, type AlertView } from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import { AgencyTopics } from '../agencies/agency-topics.js';
import { PrismaService } from '../database/prisma.service.js';
import { ALERT_RAISED_WEBHOOK, AgencyWebhooks } from '../webhooks/agency-webhooks.js';
import { webhookDeliveryId } from '../webhooks/delivery-id.js';
import type { NewCopy } from './alert-store.js';

interface Copy {
  agencyId: string;
  agencyCode: string;
  kafkaChannel: boolean;
  kafkaPublishedAt: Date | null;
  webhookChannel: boolean;
  webhookDeliveredAt: Date | null;
  webhookDeadLetteredAt: Date | null;
}

/**
 * Sends a stored alert's copies on their channels, skipping what already went out: the Kafka copy is
 * published to alerts.<agency>.v1 and marked once the broker has acknowledged it; the webhook is
 * queued under its delivery id. It resolves only when both are durable (broker acks, Redis stored),
 * and only then does the consumer commit the offset.
 *
 * What that guarantees: no copy is lost — a crash before the mark or the enqueue redelivers the alert
 * and this runs again. A crash between the broker's ack and the mark publishes that agency's copy a
 * second time (the same event, same event id), which agencies drop by alert_id as for any redelivery
 * (ADR 0005); in every other case a redelivery publishes nothing.
 */
@Injectable()
export class AlertFanOut {
  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
    private readonly topics: AgencyTopics,
    private readonly webhooks: AgencyWebhooks,
  ) {}

  /** `fresh`: the copies just stored (nothing sent yet); otherwise they are read back. */
  async deliver(alert: AlertRaised, view: AlertView, fresh?: readonly NewCopy[]): Promise<void> {
    const copies: Copy[] = fresh
      ? fresh.map((copy) => ({
          ...copy,
          kafkaPublishedAt: null,
          webhookDeliveredAt: null,
          webhookDeadLetteredAt: null,
        }))
      : await this.stored(alert.alertId);
    const unpublished = copies.filter((c) => c.kafkaChannel && !c.kafkaPublishedAt);
    await Promise.all(unpublished.map((copy) => this.publish(copy, alert)));

    const undelivered = copies.filter(
      (c) => c.webhookChannel && !c.webhookDeliveredAt && !c.webhookDeadLetteredAt,
    );
    if (undelivered.length === 0) return;
    const body = JSON.stringify(view);
    await this.webhooks.enqueue(
      undelivered.map((copy) => ({
        deliveryId: webhookDeliveryId(alert.alertId, copy.agencyCode),
        subscriber: copy.agencyCode,
        eventType: ALERT_RAISED_WEBHOOK,
        body,
      })),
    );
  }

  /** The same AlertRaised as on screening.alert-raised.v1 (same event id), keyed by flight, then marked. */
  private async publish(copy: Copy, alert: AlertRaised): Promise<void> {
    const topic = await this.topics.ensure(copy.agencyCode);
    await this.publisher.publishCopy(topic, TOPICS.ALERT_RAISED, [{ key: alert.flightKey, message: alert }]);
    await this.prisma.agencyAlert.updateMany({
      where: { alertId: alert.alertId, agencyId: copy.agencyId, kafkaPublishedAt: null },
      data: { kafkaPublishedAt: new Date() },
    });
  }

  private async stored(alertId: string): Promise<Copy[]> {
    const rows = await this.prisma.agencyAlert.findMany({
      where: { alertId },
      select: {
        agencyId: true,
        kafkaChannel: true,
        kafkaPublishedAt: true,
        webhookChannel: true,
        webhookDeliveredAt: true,
        webhookDeadLetteredAt: true,
        agency: { select: { code: true } },
      },
    });
    return rows.map(({ agency, ...copy }) => ({ ...copy, agencyCode: agency.code }));
  }
}
