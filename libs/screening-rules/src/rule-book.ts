import type { Finding, RecommendedAction, Severity } from './check-result.js';

/**
 * One screening rule as data: what it is called, which version of its logic and wording decided, how
 * serious a hit is and what it recommends. Rule sets are versioned and stored (screening's
 * `rule_set` table); every decision records the versions that made it, so it can be reproduced.
 */
export interface RuleDefinition {
  /** Stable id in UPPER_SNAKE_CASE, also the finding's code, e.g. `DOCUMENT_EXPIRED`. */
  id: string;
  /** Bumped whenever the rule's logic, parameters or wording change. */
  version: number;
  /** The check (family of rules) it belongs to, e.g. `document-validity`. */
  check: string;
  severity: Severity;
  /** `do-not-board`, `contact-authority` (refer) or `no-action` (information). */
  action: RecommendedAction;
  /** For a border officer: what the rule looks for and why it matters. No personal data. */
  explanation: string;
  /** A disabled rule raises nothing (its check still runs and records the rule as skipped). */
  enabled: boolean;
  /** Rule-specific settings, e.g. `{ "months": 3 }`; documented beside each rule. */
  parameters?: Readonly<Record<string, unknown>> | undefined;
}

export interface RuleSet {
  /** e.g. `2026.11.1`; recorded with every decision. */
  version: string;
  rules: readonly RuleDefinition[];
}

/** The rules of one rule set by id, and the one way checks turn a rule into a finding. */
export class RuleBook {
  private readonly byId: ReadonlyMap<string, RuleDefinition>;

  constructor(readonly ruleSet: RuleSet) {
    this.byId = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  }

  get version(): string {
    return this.ruleSet.version;
  }

  rule(id: string): RuleDefinition | undefined {
    return this.byId.get(id);
  }

  /** A rule's parameter, or the fallback when the rule set does not set it. */
  parameter<T>(id: string, name: string, fallback: T): T {
    const value = this.byId.get(id)?.parameters?.[name];
    return value === undefined ? fallback : (value as T);
  }

  /**
   * The finding for a hit of rule `id`, with the rule's severity, action and version; `undefined`
   * when the rule set disables it or does not contain it (an unknown rule must not raise alarms).
   */
  raise(id: string, detail: { message: string; field?: string | undefined }): Finding | undefined {
    const rule = this.byId.get(id);
    if (!rule?.enabled) return undefined;
    return {
      code: rule.id,
      rule: rule.id,
      ruleVersion: rule.version,
      message: detail.message,
      ...(detail.field === undefined ? {} : { field: detail.field }),
      severity: rule.severity,
      action: rule.action,
    };
  }
}
