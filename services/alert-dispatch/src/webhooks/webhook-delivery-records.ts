import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { parseWebhookDeliveryId, webhookDeliveryId } from './delivery-id.js';
import { countWebhookOutcome } from './webhooks.metrics.js';

export interface DeadLetteredDelivery {
  deliveryId: string;
  agency: string;
  alertId: string;
  attempts: number;
  lastError: string | null;
  deadLetteredAt: string;
}

/**
 * The durable record of each webhook delivery, on its agency_alert row: what agencies and operators
 * see, and what keeps a delivery taken over from a dead worker from being sent twice. Errors stored
 * here come from @docscreen/webhooks, which keeps URLs, secrets and bodies out of them.
 */
@Injectable()
export class WebhookDeliveryRecords {
  constructor(private readonly prisma: PrismaService) {}

  async isDelivered(deliveryId: string): Promise<boolean> {
    const id = parseWebhookDeliveryId(deliveryId);
    if (!id) return false;
    const rows = await this.prisma.$queryRaw<{ delivered: boolean }[]>`
      SELECT aa.webhook_delivered_at IS NOT NULL AS delivered
        FROM agency_alert aa JOIN agency a ON a.id = aa.agency_id
       WHERE aa.alert_id = ${id.alertId}::uuid AND a.code = ${id.agencyCode}`;
    return rows[0]?.delivered ?? false;
  }

  async delivered(deliveryId: string, attempts: number): Promise<void> {
    countWebhookOutcome(deliveryId, 'delivered', attempts);
    await this.update(
      deliveryId,
      (alertId, code) => this.prisma.$executeRaw`
      UPDATE agency_alert aa
         SET webhook_delivered_at = COALESCE(aa.webhook_delivered_at, now()),
             webhook_attempts = GREATEST(aa.webhook_attempts, ${attempts}),
             webhook_last_error = NULL
        FROM agency a
       WHERE a.id = aa.agency_id AND aa.alert_id = ${alertId}::uuid AND a.code = ${code}`,
    );
  }

  /** A late report of an earlier attempt never overwrites a delivery that has succeeded since. */
  async attemptFailed(deliveryId: string, attempt: number, error: string): Promise<void> {
    countWebhookOutcome(deliveryId, 'attempt-failed', attempt);
    await this.update(
      deliveryId,
      (alertId, code) => this.prisma.$executeRaw`
      UPDATE agency_alert aa
         SET webhook_attempts = GREATEST(aa.webhook_attempts, ${attempt}),
             webhook_last_error = ${error}
        FROM agency a
       WHERE a.id = aa.agency_id AND aa.alert_id = ${alertId}::uuid AND a.code = ${code}
         AND aa.webhook_delivered_at IS NULL`,
    );
  }

  async deadLettered(deliveryId: string, attempts: number, error: string): Promise<void> {
    countWebhookOutcome(deliveryId, 'dead-lettered', attempts);
    await this.update(
      deliveryId,
      (alertId, code) => this.prisma.$executeRaw`
      UPDATE agency_alert aa
         SET webhook_dead_lettered_at = COALESCE(aa.webhook_dead_lettered_at, now()),
             webhook_attempts = GREATEST(aa.webhook_attempts, ${attempts}),
             webhook_last_error = ${error}
        FROM agency a
       WHERE a.id = aa.agency_id AND aa.alert_id = ${alertId}::uuid AND a.code = ${code}
         AND aa.webhook_delivered_at IS NULL`,
    );
  }

  /** The most recent dead letters, newest first: deliveries that ran out of attempts. */
  async deadLetters(limit: number): Promise<DeadLetteredDelivery[]> {
    const rows = await this.prisma.agencyAlert.findMany({
      where: { webhookDeadLetteredAt: { not: null } },
      orderBy: { webhookDeadLetteredAt: 'desc' },
      take: limit,
      select: {
        alertId: true,
        webhookAttempts: true,
        webhookLastError: true,
        webhookDeadLetteredAt: true,
        agency: { select: { code: true } },
      },
    });
    return rows.map((row) => ({
      deliveryId: webhookDeliveryId(row.alertId, row.agency.code),
      agency: row.agency.code,
      alertId: row.alertId,
      attempts: row.webhookAttempts,
      lastError: row.webhookLastError,
      // Selected WHERE it is set.
      deadLetteredAt: (row.webhookDeadLetteredAt as Date).toISOString(),
    }));
  }

  private async update(
    deliveryId: string,
    write: (alertId: string, agencyCode: string) => Promise<number>,
  ): Promise<void> {
    const id = parseWebhookDeliveryId(deliveryId);
    // Not one of ours (another service sharing the queue name would be a configuration error).
    if (!id) throw new Error(`not an alert delivery id: ${deliveryId}`);
    await write(id.alertId, id.agencyCode);
  }
}
