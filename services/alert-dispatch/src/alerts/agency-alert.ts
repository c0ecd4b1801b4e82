import type { AlertView } from '@docscreen/contracts';
import type { AlertStatus, AuditAction, Resolution } from './alert-lifecycle.js';

/** One step of an agency's alert, as the audit trail holds it. */
export interface AuditEntry {
  action: AuditAction;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus;
  resolution?: Resolution;
  actor: string;
  note?: string;
  at: string;
}

/** Where the agency's copy has got to on each channel it was routed with. */
export interface DeliveryState {
  /** When the broker acknowledged the copy on alerts.<agency>.v1; null: not published (or no Kafka channel). */
  kafka: string | null;
  /** null: the agency had no webhook when the alert was routed. */
  webhook: {
    deliveredAt: string | null;
    attempts: number;
    deadLetteredAt: string | null;
    lastError: string | null;
  } | null;
}

/** An alert as one agency sees it: the alert itself plus that agency's lifecycle and deliveries. */
export type AgencyAlert = AlertView & {
  agency: string;
  status: AlertStatus;
  resolution?: Resolution;
  receivedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  /** Why it reached this agency: destination-state, transit-state, arrival-airport or fallback. */
  routedVia: string[];
  delivery: DeliveryState;
  history?: AuditEntry[];
};

/** The columns an agency's alert is read from. */
export interface AgencyAlertRow {
  status: string;
  resolution: string | null;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  routedVia: string[];
  kafkaPublishedAt: Date | null;
  webhookChannel: boolean;
  webhookDeliveredAt: Date | null;
  webhookAttempts: number;
  webhookDeadLetteredAt: Date | null;
  webhookLastError: string | null;
  agency: { code: string };
  alert: { view: unknown };
}

export interface AuditRow {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  resolution: string | null;
  actor: string;
  note: string | null;
  at: Date;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function agencyAlertOf(row: AgencyAlertRow, history?: readonly AuditRow[]): AgencyAlert {
  return {
    // Stored by the consumer from alertView(), the same view the webhooks carried.
    ...(row.alert.view as AlertView),
    agency: row.agency.code,
    status: row.status as AlertStatus,
    ...(row.resolution ? { resolution: row.resolution as Resolution } : {}),
    receivedAt: row.receivedAt.toISOString(),
    ...(row.acknowledgedAt ? { acknowledgedAt: row.acknowledgedAt.toISOString() } : {}),
    ...(row.resolvedAt ? { resolvedAt: row.resolvedAt.toISOString() } : {}),
    routedVia: row.routedVia,
    delivery: {
      kafka: iso(row.kafkaPublishedAt),
      webhook: row.webhookChannel
        ? {
            deliveredAt: iso(row.webhookDeliveredAt),
            attempts: row.webhookAttempts,
            deadLetteredAt: iso(row.webhookDeadLetteredAt),
            lastError: row.webhookLastError,
          }
        : null,
    },
    ...(history ? { history: history.map(auditEntryOf) } : {}),
  };
}

function auditEntryOf(row: AuditRow): AuditEntry {
  return {
    action: row.action as AuditAction,
    fromStatus: row.fromStatus as AlertStatus | null,
    toStatus: row.toStatus as AlertStatus,
    ...(row.resolution ? { resolution: row.resolution as Resolution } : {}),
    actor: row.actor,
    ...(row.note ? { note: row.note } : {}),
    at: row.at.toISOString(),
  };
}
