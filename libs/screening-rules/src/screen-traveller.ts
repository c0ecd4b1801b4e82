import type { AirportDirectory, VisaMatrix } from '@docscreen/visa-rules';
import type { CheckResult, Finding, RecommendedAction, Severity } from './check-result.js';
import type { DestinationPolicy } from './destination-policy.js';
import { documentValidityCheck } from './document-validity.check.js';
import { documentTypeOf } from './integrity-check-support.js';
import { issuingAuthorityCheck } from './issuing-authority.check.js';
import { lostStolenCheck, type ListedLookup } from './lost-stolen.check.js';
import { mrzConsistencyCheck } from './mrz-consistency.check.js';
import { mrzIntegrityCheck } from './mrz-integrity.check.js';
import type { NumberFormatTable } from './number-formats.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject } from './subject.js';
import { visaScrutinyCheck, type ViolationRecord } from './visa-scrutiny.check.js';

/** Everything the checks consult besides the traveller: rules, registry index, reference data. */
export interface ScreeningContext {
  rules: RuleBook;
  /** The lost/stolen index; `undefined` makes that check `no-reference-data`, never `passed`. */
  index: ListedLookup | undefined;
  /** Visa requirements; `undefined` makes the visa check say "no reference data". */
  matrix: VisaMatrix | undefined;
  airports: Pick<AirportDirectory, 'stateOfAirport'>;
  policy: DestinationPolicy;
  numberFormats?: NumberFormatTable | undefined;
  /** Recorded overstays and visa violations of the traveller. */
  violations: (subject: ScreeningSubject) => readonly ViolationRecord[];
  /** The screening day, "YYYY-MM-DD". */
  today: string;
}

export type ScreeningOutcome = 'clear' | 'hit' | 'inconclusive';

/**
 * The checks every screening runs, in order. A decision that lacks any of them — stored by a
 * misconfigured or older replica, or built from nothing — is never clear (fail closed).
 */
export const REQUIRED_CHECKS = Object.freeze([
  'lost-stolen',
  'mrz-integrity',
  'mrz-consistency',
  'document-validity',
  'issuing-authority',
  'visa-scrutiny',
] as const);

/** The code of the finding a required check reports when the rule set in force has no enabled rule for it. */
export const NO_RULES_IN_FORCE = 'NO_RULES_IN_FORCE';

/**
 * The required checks the rule book cannot judge with: those without a single enabled rule (an empty
 * rule set lacks them all). Such a check raises nothing, so a traveller would pass it unexamined;
 * screenTraveller makes it `no-reference-data` instead (inconclusive, never clear), and the screening
 * service is not ready while the rule set in force has any.
 */
export function checksWithoutRules(rules: RuleBook): string[] {
  return REQUIRED_CHECKS.filter(
    (check) => !rules.ruleSet.rules.some((rule) => rule.check === check && rule.enabled),
  );
}

/** One traveller's screening: every check's result and what they add up to. */
export interface Screening {
  outcome: ScreeningOutcome;
  /** Versions that decided: the rule set, and each rule that raised a finding. */
  ruleSetVersion: string;
  ruleVersions: Record<string, number>;
  checks: CheckResult[];
  /** Findings that call for action (anything but `no-action`), most serious first. */
  hits: Finding[];
  /** Highest severity among the hits; `undefined` when clear. */
  severity: Severity | undefined;
  /** Most restrictive action among the hits; `no-action` when there are none. */
  recommendedAction: RecommendedAction;
}

const SEVERITY_ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const ACTION_ORDER: readonly RecommendedAction[] = ['no-action', 'contact-authority', 'do-not-board'];

/**
 * Screens one traveller with every check, the same code in the screening service, `docscreen screen`
 * and the tests. Pure: the same subject and context always give the same screening. A check that
 * throws is recorded as `error` and makes the outcome inconclusive, never clear.
 */
export function screenTraveller(subject: ScreeningSubject, context: ScreeningContext): Screening {
  const { rules } = context;
  const index = context.index;
  const run = (check: string, fn: () => CheckResult): CheckResult => {
    try {
      return fn();
    } catch (error) {
      return {
        check,
        version: rules.version,
        outcome: 'error',
        findings: [
          {
            code: 'CHECK_FAILED',
            message: `the ${check} check failed: ${error instanceof Error ? error.name : 'error'}`,
            severity: 'medium',
            action: 'contact-authority',
          },
        ],
      };
    }
  };
  const ran = [
    run('lost-stolen', () => lostStolenCheck(subject, { rules, index })),
    run('mrz-integrity', () =>
      mrzIntegrityCheck(subject, { rules, today: new Date(`${context.today}T12:00:00Z`) }),
    ),
    run('mrz-consistency', () => mrzConsistencyCheck(subject, { rules, today: context.today })),
    run('document-validity', () =>
      documentValidityCheck(subject, {
        rules,
        today: context.today,
        policy: context.policy,
        stateOfAirport: (iata) => context.airports.stateOfAirport(iata),
      }),
    ),
    run('issuing-authority', () =>
      issuingAuthorityCheck(subject, { rules, numberFormats: context.numberFormats }),
    ),
    run('visa-scrutiny', () =>
      visaScrutinyCheck(subject, {
        rules,
        matrix: context.matrix,
        airports: context.airports,
        documentListed: (document) => {
          if (!index || !document.issuingState || !document.number) return false;
          try {
            return index.lookup(document.issuingState, document.number, documentTypeOf(document)).length > 0;
          } catch {
            return false;
          }
        },
        violations: context.violations,
      }),
    ),
  ];
  const uncovered = checksWithoutRules(rules);
  const checks = ran.map((result) => (uncovered.includes(result.check) ? unjudged(result, rules) : result));
  const findings = checks.flatMap((check) => check.findings);
  const hits = findings
    .filter((finding) => finding.action !== 'no-action')
    .sort((a, b) => SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity));
  const ruleVersions: Record<string, number> = {};
  for (const finding of findings) if (finding.rule) ruleVersions[finding.rule] = finding.ruleVersion ?? 0;
  const unsure =
    checks.some((c) => c.outcome === 'error' || c.outcome === 'no-reference-data') ||
    REQUIRED_CHECKS.some((name) => !checks.some((c) => c.check === name));
  return {
    outcome: hits.length > 0 ? 'hit' : unsure ? 'inconclusive' : 'clear',
    ruleSetVersion: rules.version,
    ruleVersions,
    checks,
    hits,
    severity: hits[0]?.severity,
    recommendedAction: hits.reduce<RecommendedAction>(
      (most, hit) => (ACTION_ORDER.indexOf(hit.action) > ACTION_ORDER.indexOf(most) ? hit.action : most),
      'no-action',
    ),
  };
}

/** A check's result when the rule set has no enabled rule for it: it could not judge (fail closed). */
function unjudged(result: CheckResult, rules: RuleBook): CheckResult {
  return {
    ...result,
    outcome: result.outcome === 'error' ? 'error' : 'no-reference-data',
    findings: [
      ...result.findings,
      {
        code: NO_RULES_IN_FORCE,
        message: `the rule set ${rules.version} in force has no enabled rule for the ${result.check} check: it could not judge`,
        severity: 'info',
        action: 'no-action',
      },
    ],
  };
}
