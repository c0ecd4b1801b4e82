import type { AlertView } from '@docscreen/contracts';
import type { PrismaService } from '../database/prisma.service.js';
import type { RoutingBasis } from '../routing/route-alert.js';

/** One agency's copy of a new alert, as routing decided it. */
export interface NewCopy {
  agencyId: string;
  agencyCode: string;
  routedVia: RoutingBasis[];
  kafkaChannel: boolean;
  webhookChannel: boolean;
}

export interface NewAlert {
  alertId: string;
  screeningId: string;
  correlationId: string;
  flightKey: string;
  alertTypes: string[];
  view: AlertView;
  payload: Uint8Array;
}

/**
 * Inserts an alert, its copies and their first audit entries in ONE statement — so in one transaction,
 * and in one round trip, which is what bounds the consumer's rate. The alert's unique id decides: if it
 * is already stored (a redelivery), nothing is inserted at all and this answers false.
 */
export async function insertRoutedAlert(
  prisma: PrismaService,
  alert: NewAlert,
  copies: readonly NewCopy[],
  actor: string,
): Promise<boolean> {
  const { view } = alert;
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    WITH inserted AS (
      INSERT INTO alert (alert_id, screening_id, correlation_id, flight_key, severity, alert_types,
                         destination_state, transit_states, arrival_airport, view, payload, raised_at)
      VALUES (${alert.alertId}::uuid, ${alert.screeningId}::uuid, ${alert.correlationId}, ${alert.flightKey},
              ${view.severity}, ${alert.alertTypes}::text[], ${view.routing.destinationState},
              ${view.routing.transitStates}::text[], ${view.routing.arrivalAirport}, ${JSON.stringify(view)}::jsonb,
              ${Buffer.from(alert.payload)}, ${view.raisedAt}::timestamptz)
      ON CONFLICT (alert_id) DO NOTHING
      RETURNING alert_id
    ), copies AS (
      INSERT INTO agency_alert (agency_id, alert_id, routed_via, kafka_channel, webhook_channel)
      SELECT c.agency_id, i.alert_id, c.routed_via, c.kafka_channel, c.webhook_channel
        FROM inserted i
       CROSS JOIN jsonb_to_recordset(${JSON.stringify(copies.map(columnsOf))}::jsonb)
             AS c(agency_id uuid, routed_via text[], kafka_channel boolean, webhook_channel boolean)
      RETURNING agency_id, alert_id, routed_via
    ), audit AS (
      INSERT INTO alert_audit (agency_id, alert_id, action, from_status, to_status, actor, note)
      SELECT agency_id, alert_id, 'raised', NULL, 'new', ${actor}, 'routed via ' || array_to_string(routed_via, ', ')
        FROM copies
    )
    SELECT (SELECT count(*) FROM inserted)::int AS n`;
  return (rows[0]?.n ?? 0) > 0;
}

const columnsOf = (copy: NewCopy) => ({
  agency_id: copy.agencyId,
  routed_via: copy.routedVia,
  kafka_channel: copy.kafkaChannel,
  webhook_channel: copy.webhookChannel,
});
