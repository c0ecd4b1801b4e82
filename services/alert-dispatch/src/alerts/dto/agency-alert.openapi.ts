import { z } from 'zod';
import { ALERT_SEVERITIES, RECOMMENDED_ACTIONS } from '@docscreen/contracts';
import type { AgencyAlert } from '../agency-alert.js';
import { ALERT_STATUSES, RESOLUTIONS } from '../alert-lifecycle.js';

// The response shapes for /docs. Written once as zod for their JSON Schema; the check at the bottom
// fails the build if they drift from the AgencyAlert type the service actually answers.

const instant = z.string().describe('ISO 8601 instant');

const AuditEntryDoc = z.object({
  action: z.enum(['raised', 'acknowledged', 'resolved']),
  fromStatus: z.enum(ALERT_STATUSES).nullable(),
  toStatus: z.enum(ALERT_STATUSES),
  resolution: z.enum(RESOLUTIONS).optional(),
  actor: z.string().describe('who took the step, as the agency names them; alert-dispatch for routing'),
  note: z.string().optional(),
  at: instant,
});

export const AgencyAlertDoc = z.object({
  alertId: z.string(),
  screeningId: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  recommendedAction: z.enum(RECOMMENDED_ACTIONS),
  reasons: z.array(z.object({ code: z.string(), message: z.string(), check: z.string(), field: z.string() })),
  traveller: z
    .object({
      travellerRef: z.string(),
      role: z.enum(['passenger', 'crew', 'in-transit-passenger', 'in-transit-crew', 'unspecified']),
      nationality: z.string(),
      documentType: z.string(),
      issuingState: z.string(),
      maskedDocumentNumber: z.string(),
    })
    .describe('no personal data: the document number is masked'),
  flight: z.object({
    flightKey: z.string(),
    legs: z.array(
      z.object({
        carrierCode: z.string(),
        flightNumber: z.string(),
        departureAirport: z.string(),
        arrivalAirport: z.string(),
        scheduledDepartureLocal: z.string(),
        scheduledDeparture: z.string().optional(),
        scheduledArrivalLocal: z.string(),
        scheduledArrival: z.string().optional(),
      }),
    ),
  }),
  routing: z.object({
    destinationState: z.string(),
    transitStates: z.array(z.string()),
    arrivalAirport: z.string(),
  }),
  raisedAt: instant,
  agency: z.string(),
  status: z.enum(ALERT_STATUSES),
  resolution: z.enum(RESOLUTIONS).optional(),
  receivedAt: instant,
  acknowledgedAt: instant.optional(),
  resolvedAt: instant.optional(),
  routedVia: z.array(z.string()),
  delivery: z.object({
    kafka: instant.nullable().describe('when the broker acknowledged the copy on alerts.<agency>.v1'),
    webhook: z
      .object({
        deliveredAt: instant.nullable(),
        attempts: z.number().int(),
        deadLetteredAt: instant.nullable(),
        lastError: z.string().nullable(),
      })
      .nullable()
      .describe('null: no webhook channel'),
  }),
  history: z.array(AuditEntryDoc).optional().describe('oldest step first; in GET /v1/alerts/{alertId}'),
});

export const AlertPageDoc = z.object({
  alerts: z.array(AgencyAlertDoc),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null: no more'),
});

export const openApiSchema = (schema: z.ZodType): object =>
  z.toJSONSchema(schema, { io: 'output' }) as object;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DOCUMENTED_AS_ANSWERED: Same<z.output<typeof AgencyAlertDoc>, AgencyAlert> = true;
