// The vocabulary every screening check speaks, independent of transport: the service maps it to the
// ScreeningCompleted contract, the CLI prints it, tests assert on it.

export type CheckOutcome = 'passed' | 'failed' | 'not-applicable' | 'no-reference-data' | 'error';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type RecommendedAction = 'no-action' | 'contact-authority' | 'do-not-board';

export interface Finding {
  /** Stable machine code, e.g. `MRZ_CHECK_DIGIT`. */
  code: string;
  /** For people; never contains a document number, name or birth date. */
  message: string;
  /** The field concerned, e.g. `documents[0].mrz.birthDate`. */
  field?: string;
  /** The rule that raised it (see RuleBook) and that rule's version, when raised by a rule. */
  rule?: string;
  ruleVersion?: number;
  severity: Severity;
  action: RecommendedAction;
}

export interface CheckResult {
  check: string;
  /** Version of the check's logic and data, recorded with every decision. */
  version: string;
  outcome: CheckOutcome;
  findings: Finding[];
}

/** A travel document as the checks see it (already normalised by the gateway). */
export interface DocumentUnderCheck {
  /** PAXLST / ICAO code: P, I, V, … */
  code: string;
  number: string;
  issuingState: string;
  expiryDate?: string | undefined;
  mrzLines: readonly string[];
}
