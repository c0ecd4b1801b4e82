import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  AlertRaisedSchema,
  CheckOutcome,
  DocumentType,
  RecommendedAction,
  ScreeningCompletedSchema,
  ScreeningOutcome,
  Severity,
  type AlertRaised,
  type PassengerReported,
  type ScreeningCompleted,
} from '@docscreen/contracts';
import { REQUIRED_CHECKS, type CheckResult, type Finding } from '@docscreen/screening-rules';
import { maskDocumentNumber } from '@docscreen/travel-documents';
import type { AirportDirectory } from '@docscreen/visa-rules';
import { itineraryStates } from '@docscreen/visa-rules';
import { subjectFromEvent } from './subject-from-event.js';

/** A stored screening decision: enough to publish its events again, identically, at any time. */
export interface Decision {
  id: string;
  passengerEventId: string;
  correlationId: string;
  flightKey: string;
  submissionId: string;
  travellerRef: string;
  checks: CheckResult[];
  ruleSetVersion: string;
  /** Fixed when the decision is made; undefined when nothing called for action. */
  alertId: string | undefined;
  screenedAt: Date;
}

const OUTCOMES: Record<CheckResult['outcome'], CheckOutcome> = {
  passed: CheckOutcome.PASSED,
  failed: CheckOutcome.FAILED,
  'not-applicable': CheckOutcome.NOT_APPLICABLE,
  'no-reference-data': CheckOutcome.NO_REFERENCE_DATA,
  error: CheckOutcome.ERROR,
};
const SEVERITIES: Record<Finding['severity'], Severity> = {
  info: Severity.INFO,
  low: Severity.LOW,
  medium: Severity.MEDIUM,
  high: Severity.HIGH,
  critical: Severity.CRITICAL,
};
const ACTIONS: Record<Finding['action'], RecommendedAction> = {
  'no-action': RecommendedAction.NO_ACTION,
  'contact-authority': RecommendedAction.CONTACT_AUTHORITY,
  'do-not-board': RecommendedAction.DO_NOT_BOARD,
};

/** Findings that call for action, with the check that raised them. */
export function hitsOf(checks: readonly CheckResult[]): { check: string; finding: Finding }[] {
  return checks.flatMap((check) =>
    check.findings
      .filter((f) => f.action !== 'no-action')
      .map((finding) => ({ check: check.check, finding })),
  );
}

/**
 * Clear only when nothing calls for action and every check could judge: a check without its
 * reference data makes the traveller inconclusive, a failed check an error — never clear.
 */
export function overallOutcome(checks: readonly CheckResult[]): ScreeningOutcome {
  if (hitsOf(checks).length > 0) return ScreeningOutcome.HIT;
  if (checks.some((c) => c.outcome === 'error')) return ScreeningOutcome.ERROR;
  if (checks.some((c) => c.outcome === 'no-reference-data')) return ScreeningOutcome.INCONCLUSIVE;
  // Clear only when every required check ran: a decision without them (no checks at all, a check
  // left out) was never screened, and must not board anyone.
  if (REQUIRED_CHECKS.some((name) => !checks.some((c) => c.check === name)))
    return ScreeningOutcome.INCONCLUSIVE;
  return ScreeningOutcome.CLEAR;
}

const reason = (check: string, f: Finding) => ({
  code: f.code,
  message: f.message,
  field: f.field ?? '',
  check,
});

/**
 * The event for a stored decision. Built from the decision alone, so a redelivered passenger event
 * republishes the very same event (same id) and consumers can drop the duplicate.
 */
export function screeningCompleted(
  decision: Decision,
  producer: { name: string; version: string },
): ScreeningCompleted {
  return create(ScreeningCompletedSchema, {
    envelope: {
      eventId: decision.id,
      occurredAt: timestampFromDate(decision.screenedAt),
      correlationId: decision.correlationId,
      causationId: decision.passengerEventId,
      producer,
    },
    screeningId: decision.id,
    passengerEventId: decision.passengerEventId,
    flightKey: decision.flightKey,
    submissionId: decision.submissionId,
    travellerRef: decision.travellerRef,
    outcome: overallOutcome(decision.checks),
    checks: decision.checks.map((check) => ({
      check: check.check,
      ruleSetVersion: check.version,
      outcome: OUTCOMES[check.outcome],
      reasons: check.findings.map((finding) => reason(check.check, finding)),
    })),
    hits: hitsOf(decision.checks).map(({ check, finding }) => ({
      check,
      severity: SEVERITIES[finding.severity],
      recommendedAction: ACTIONS[finding.action],
      reasons: [reason(check, finding)],
    })),
    ruleSetVersion: decision.ruleSetVersion,
    screenedAt: timestampFromDate(decision.screenedAt),
  });
}

const SEVERITY_RANK = ['info', 'low', 'medium', 'high', 'critical'] as const;
const ACTION_RANK = ['no-action', 'contact-authority', 'do-not-board'] as const;

/**
 * The alert for a decision with hits: highest severity, most restrictive action, every reason, the
 * traveller without personal data (masked number of the document concerned), and where to route it
 * (destination and transit states). Its ids are the decision's, so it too is the same every time.
 */
export function alertRaised(
  decision: Decision,
  event: PassengerReported,
  airports: Pick<AirportDirectory, 'stateOfAirport'>,
  producer: { name: string; version: string },
): AlertRaised | undefined {
  const hits = hitsOf(decision.checks);
  if (!decision.alertId || hits.length === 0 || !event.traveller) return undefined;
  const traveller = event.traveller;
  const severity = hits.reduce(
    (top, { finding }) =>
      SEVERITY_RANK.indexOf(finding.severity) > SEVERITY_RANK.indexOf(top) ? finding.severity : top,
    'info' as Finding['severity'],
  );
  const action = hits.reduce(
    (top, { finding }) =>
      ACTION_RANK.indexOf(finding.action) > ACTION_RANK.indexOf(top) ? finding.action : top,
    'no-action' as Finding['action'],
  );
  // The document the most serious hit is about, else the primary document.
  const documentIndex = Number(/^documents\[(\d+)\]/.exec(hits[0]?.finding.field ?? '')?.[1] ?? 0);
  const document = traveller.documents[documentIndex] ?? traveller.documents[0];
  const states = itineraryStates(subjectFromEvent(event, traveller).legs, airports);
  return create(AlertRaisedSchema, {
    envelope: {
      eventId: decision.alertId,
      occurredAt: timestampFromDate(decision.screenedAt),
      correlationId: decision.correlationId,
      causationId: decision.id,
      producer,
    },
    alertId: decision.alertId,
    screeningId: decision.id,
    severity: SEVERITIES[severity],
    recommendedAction: ACTIONS[action],
    reasons: hits.map(({ check, finding }) => reason(check, finding)),
    traveller: {
      travellerRef: traveller.travellerRef,
      role: traveller.role,
      nationality: traveller.nationality,
      documentType: document?.type ?? DocumentType.UNSPECIFIED,
      issuingState: document?.issuingState ?? '',
      maskedDocumentNumber: document?.number ? maskDocumentNumber(document.number) : '',
    },
    flightKey: decision.flightKey,
    legs: event.legs,
    routing: {
      destinationState: states.destination?.state ?? '',
      transitStates: states.transitStates.filter((s): s is string => !!s),
      arrivalAirport: states.destination?.arrivalAirport ?? traveller.portOfDisembarkation,
    },
  });
}
