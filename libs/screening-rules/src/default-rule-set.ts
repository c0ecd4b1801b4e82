import { INTEGRITY_RULES } from './integrity-rules.js';
import { LOST_STOLEN_RULES } from './lost-stolen.check.js';
import { MRZ_RULES } from './mrz-integrity.check.js';
import type { RuleSet } from './rule-book.js';
import { VISA_RULES } from './visa-rules.js';

/**
 * The rule set screening starts with until an operator stores and activates another (screening's
 * `rule_set` table). Its version names it in every decision made with it.
 */
export const DEFAULT_RULE_SET: RuleSet = Object.freeze({
  version: '2026.11.1',
  rules: Object.freeze([...LOST_STOLEN_RULES, ...MRZ_RULES, ...INTEGRITY_RULES, ...VISA_RULES]),
});
