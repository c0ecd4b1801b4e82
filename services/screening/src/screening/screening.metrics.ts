import { timestampMs } from '@bufbuild/protobuf/wkt';
import { metrics } from '@opentelemetry/api';
import { ScreeningOutcome, type PassengerReported } from '@docscreen/contracts';
import type { CheckResult } from '@docscreen/screening-rules';
import type { Screening } from '@docscreen/screening-rules';
import { overallOutcome } from './screening-completed.js';

// Screening in figures (services/screening/README.md, "Metrics"). Labels are bounded: outcomes, rule ids,
// checks and severities come from fixed lists; nothing names a traveller, flight or document.

const meter = metrics.getMeter('screening');

const TRAVELLERS = meter.createCounter('docscreen.screening.travellers', {
  description: 'Travellers decided (each once, whatever delivered it), by outcome',
});
const FINDINGS = meter.createCounter('docscreen.screening.findings', {
  description:
    'Findings that call for action, by rule (or finding code), check, severity and recommended action',
});
const DECISION_LATENCY = meter.createHistogram('docscreen.screening.decision_latency_seconds', {
  description: "Time from a traveller being reported (its event's occurredAt) to the decision",
  unit: 's',
  advice: { explicitBucketBoundaries: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1_800] },
});
const BATCH_SIZE = meter.createHistogram('docscreen.screening.batch_size', {
  description:
    'Travellers screened together (a partition’s consecutive events, or an interactive query), by path',
  unit: '{traveller}',
  advice: { explicitBucketBoundaries: [1, 2, 5, 10, 25, 50, 100, 250, 500] },
});

const OUTCOMES = ['clear', 'hit', 'inconclusive', 'error'] as const;
// Every outcome starts at 0: a share of hits or errors has its series before the first one happens.
for (const outcome of OUTCOMES) TRAVELLERS.add(0, { outcome });

export function recordBatch(size: number, path: 'consumer' | 'interactive'): void {
  BATCH_SIZE.record(size, { path });
}

/** One traveller decided by this replica (not a decision read back for a redelivery). */
export function recordDecision(
  checks: readonly CheckResult[],
  screening: Screening,
  event: PassengerReported,
  decidedAt: Date,
): void {
  // The outcome as stored and published (an erroring check makes it `error`, not the rules' inconclusive).
  TRAVELLERS.add(1, { outcome: ScreeningOutcome[overallOutcome(checks)].toLowerCase() });
  for (const finding of screening.hits)
    FINDINGS.add(1, {
      rule: finding.rule ?? finding.code,
      check: checkOf(screening, finding.code),
      severity: finding.severity,
      action: finding.action,
    });
  const reportedAt = event.envelope?.occurredAt;
  if (reportedAt) DECISION_LATENCY.record(Math.max(0, decidedAt.getTime() - timestampMs(reportedAt)) / 1_000);
}

function checkOf(screening: Screening, code: string): string {
  return screening.checks.find((c) => c.findings.some((f) => f.code === code))?.check ?? 'unknown';
}
