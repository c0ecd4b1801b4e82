import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { RecommendedAction, Severity } from './gen/docscreen/common/v1/assessment_pb.js';
import type { FlightLeg } from './gen/docscreen/common/v1/flight_pb.js';
import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import { TravellerRole } from './gen/docscreen/common/v1/traveller_pb.js';
import type { AlertRaised } from './gen/docscreen/screening/v1/alert_raised_pb.js';

// The JSON form of an alert, for people and for systems that do not speak protobuf: what alert
// dispatch sends to agencies' webhooks and answers on its agency API, and what the `docscreen` CLI
// prints. One function, so every channel shows an alert the same way. It carries exactly what
// AlertRaised carries — no personal data (ADR 0005 §5) — with enums as words instead of numbers.

export const ALERT_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
/** Ascending, like the protobuf enum: a consumer may compare positions in `ALERT_SEVERITIES`. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const RECOMMENDED_ACTIONS = [
  'no-action',
  'verify-document',
  'contact-authority',
  'do-not-board',
] as const;
export type RecommendedActionName = (typeof RECOMMENDED_ACTIONS)[number];

/**
 * How an agency closes an alert (alert-dispatch's lifecycle, `docscreen alerts resolve`): the
 * outcome that feeds back into what screening learns (confirmed fraud vs false positive).
 */
export const ALERT_RESOLUTIONS = [
  'confirmed-fraud',
  'false-positive',
  'not-boarded',
  'no-action-needed',
  'other',
] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

export type TravellerRoleName =
  'passenger' | 'crew' | 'in-transit-passenger' | 'in-transit-crew' | 'unspecified';

export interface AlertViewReason {
  code: string;
  message: string;
  /** The check that raised it (`lost-stolen`, `mrz-integrity`, `visa-scrutiny`, …). */
  check: string;
  /** Where the offending data is in the screened event; empty when not about one field. */
  field: string;
}

export interface AlertViewLeg {
  carrierCode: string;
  flightNumber: string;
  departureAirport: string;
  arrivalAirport: string;
  /** Local time at the departure airport, `YYYY-MM-DDTHH:MM`. */
  scheduledDepartureLocal: string;
  /** ISO 8601 instant, only when the producer knew the airport's UTC offset. */
  scheduledDeparture?: string;
  /** Local time at the arrival airport; empty when the carrier did not report it. */
  scheduledArrivalLocal: string;
  scheduledArrival?: string;
}

export interface AlertView {
  alertId: string;
  screeningId: string;
  severity: AlertSeverity;
  recommendedAction: RecommendedActionName;
  reasons: AlertViewReason[];
  traveller: {
    travellerRef: string;
    role: TravellerRoleName;
    nationality: string;
    /** The name the rest of docscreen uses for document types: PASSPORT, IDENTITY_CARD, VISA, … */
    documentType: string;
    issuingState: string;
    /** Every character but the last three replaced by `*`. */
    maskedDocumentNumber: string;
  };
  flight: { flightKey: string; legs: AlertViewLeg[] };
  routing: { destinationState: string; transitStates: string[]; arrivalAirport: string };
  /** When screening raised the alert (its envelope's `occurred_at`), ISO 8601. */
  raisedAt: string;
}

const SEVERITY_NAMES: Record<Severity, AlertSeverity> = {
  // UNSPECIFIED "needs human review" (assessment.proto): read at the top, so that no agency's minimum
  // severity filters out an alert whose severity nobody knows.
  [Severity.UNSPECIFIED]: 'critical',
  [Severity.INFO]: 'info',
  [Severity.LOW]: 'low',
  [Severity.MEDIUM]: 'medium',
  [Severity.HIGH]: 'high',
  [Severity.CRITICAL]: 'critical',
};

const ACTION_NAMES: Record<RecommendedAction, RecommendedActionName> = {
  // assessment.proto: UNSPECIFIED must never read as NO_ACTION; consumers treat it as CONTACT_AUTHORITY.
  [RecommendedAction.UNSPECIFIED]: 'contact-authority',
  [RecommendedAction.NO_ACTION]: 'no-action',
  [RecommendedAction.VERIFY_DOCUMENT]: 'verify-document',
  [RecommendedAction.CONTACT_AUTHORITY]: 'contact-authority',
  [RecommendedAction.DO_NOT_BOARD]: 'do-not-board',
};

const ROLE_NAMES: Record<TravellerRole, TravellerRoleName> = {
  [TravellerRole.UNSPECIFIED]: 'unspecified',
  [TravellerRole.PASSENGER]: 'passenger',
  [TravellerRole.CREW]: 'crew',
  [TravellerRole.IN_TRANSIT_PASSENGER]: 'in-transit-passenger',
  [TravellerRole.IN_TRANSIT_CREW]: 'in-transit-crew',
};

/**
 * A value a newer producer added to the enum after this code was built: fail closed where it matters
 * (ADR 0005 §6) — the highest severity, the action that asks for the authority — and "unspecified"
 * elsewhere.
 */
export function severityName(severity: Severity): AlertSeverity {
  return SEVERITY_NAMES[severity] ?? 'critical';
}

export function recommendedActionName(action: RecommendedAction): RecommendedActionName {
  return ACTION_NAMES[action] ?? 'contact-authority';
}

const documentTypeName = (type: DocumentType): string => DocumentType[type] ?? 'UNSPECIFIED';

const isoInstant = (timestamp: Timestamp | undefined): string | undefined =>
  timestamp ? timestampDate(timestamp).toISOString() : undefined;

function legView(leg: FlightLeg): AlertViewLeg {
  const scheduledDeparture = isoInstant(leg.scheduledDeparture);
  const scheduledArrival = isoInstant(leg.scheduledArrival);
  return {
    carrierCode: leg.carrierCode,
    flightNumber: leg.flightNumber,
    departureAirport: leg.departureAirport,
    arrivalAirport: leg.arrivalAirport,
    scheduledDepartureLocal: leg.scheduledDepartureLocal,
    ...(scheduledDeparture ? { scheduledDeparture } : {}),
    scheduledArrivalLocal: leg.scheduledArrivalLocal,
    ...(scheduledArrival ? { scheduledArrival } : {}),
  };
}

/**
 * The JSON view of an alert. Plain data only (strings, arrays, objects), so `JSON.stringify` of it is
 * the wire form.
 *
 * @throws RangeError when the alert has no `envelope.occurred_at` — the codec never encodes such an
 * event, so only a hand-built message can lack it.
 */
export function alertView(alert: AlertRaised): AlertView {
  const raisedAt = isoInstant(alert.envelope?.occurredAt);
  if (!raisedAt) throw new RangeError(`alert ${alert.alertId}: envelope.occurred_at is missing`);
  const traveller = alert.traveller;
  return {
    alertId: alert.alertId,
    screeningId: alert.screeningId,
    severity: severityName(alert.severity),
    recommendedAction: recommendedActionName(alert.recommendedAction),
    reasons: alert.reasons.map(({ code, message, check, field }) => ({ code, message, check, field })),
    traveller: {
      travellerRef: traveller?.travellerRef ?? '',
      role: ROLE_NAMES[traveller?.role ?? TravellerRole.UNSPECIFIED] ?? 'unspecified',
      nationality: traveller?.nationality ?? '',
      documentType: documentTypeName(traveller?.documentType ?? DocumentType.UNSPECIFIED),
      issuingState: traveller?.issuingState ?? '',
      maskedDocumentNumber: traveller?.maskedDocumentNumber ?? '',
    },
    flight: { flightKey: alert.flightKey, legs: alert.legs.map(legView) },
    routing: {
      destinationState: alert.routing?.destinationState ?? '',
      transitStates: [...(alert.routing?.transitStates ?? [])],
      arrivalAirport: alert.routing?.arrivalAirport ?? '',
    },
    raisedAt,
  };
}
