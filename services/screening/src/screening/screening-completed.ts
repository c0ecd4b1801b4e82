import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CheckOutcome,
  RecommendedAction,
  ScreeningCompletedSchema,
  ScreeningOutcome,
  Severity,
  type ScreeningCompleted,
} from '@docscreen/contracts';
import type { CheckResult, Finding } from '@docscreen/screening-rules';

/** Version of the whole set of checks run; each check also carries its own. */
export const RULE_SET_VERSION = '2026.11-spine';

export interface Decision {
  id: string;
  passengerEventId: string;
  correlationId: string;
  flightKey: string;
  submissionId: string;
  travellerRef: string;
  checks: CheckResult[];
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

/** A traveller is clear only when no check failed or erred. */
export function overallOutcome(checks: readonly CheckResult[]): ScreeningOutcome {
  if (checks.some((c) => c.outcome === 'error')) return ScreeningOutcome.ERROR;
  if (checks.some((c) => c.outcome === 'failed')) return ScreeningOutcome.HIT;
  return ScreeningOutcome.CLEAR;
}

/**
 * The event for a stored decision. Built from the decision alone, so a redelivered passenger event
 * republishes the very same event (same id) and consumers can drop the duplicate.
 */
export function screeningCompleted(
  decision: Decision,
  producer: { name: string; version: string },
): ScreeningCompleted {
  const reasons = (check: string, f: Finding) => ({
    code: f.code,
    message: f.message,
    field: f.field ?? '',
    check,
  });
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
      reasons: check.findings.map((finding) => reasons(check.check, finding)),
    })),
    hits: decision.checks.flatMap((check) =>
      check.findings.map((finding) => ({
        check: check.check,
        severity: SEVERITIES[finding.severity],
        recommendedAction: ACTIONS[finding.action],
        reasons: [reasons(check.check, finding)],
      })),
    ),
    ruleSetVersion: RULE_SET_VERSION,
    screenedAt: timestampFromDate(decision.screenedAt),
  });
}
