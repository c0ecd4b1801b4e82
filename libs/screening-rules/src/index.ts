// Public API of @docscreen/screening-rules: every screening check as pure functions over a
// ScreeningSubject, the rules as data (RuleBook), and screenTraveller, which runs them all — the same
// code in the screening service, `docscreen screen` and the tests.
export type { CheckOutcome, CheckResult, Finding, RecommendedAction, Severity } from './check-result.js';
export type { ScreeningSubject, SubjectDocument, SubjectLeg, TravellerRole, VisaKind } from './subject.js';
export { RuleBook } from './rule-book.js';
export type { RuleDefinition, RuleSet } from './rule-book.js';
export { DEFAULT_RULE_SET } from './default-rule-set.js';
export {
  checksWithoutRules,
  NO_RULES_IN_FORCE,
  REQUIRED_CHECKS,
  screenTraveller,
} from './screen-traveller.js';
export type { Screening, ScreeningContext, ScreeningOutcome } from './screen-traveller.js';
export {
  DOCUMENT_NOT_CHECKED,
  LOST_STOLEN,
  LOST_STOLEN_RULES,
  lostStolenCheck,
} from './lost-stolen.check.js';
export type { ListedLookup } from './lost-stolen.check.js';
export { MRZ_INTEGRITY, MRZ_RULES, mrzIntegrityCheck } from './mrz-integrity.check.js';
export { MRZ_CONSISTENCY, mrzConsistencyCheck } from './mrz-consistency.check.js';
export { DOCUMENT_VALIDITY, documentValidityCheck } from './document-validity.check.js';
export { ISSUING_AUTHORITY, issuingAuthorityCheck } from './issuing-authority.check.js';
export { INTEGRITY_RULES } from './integrity-rules.js';
export { VISA_SCRUTINY, VISA_SCRUTINY_DEFAULTS, visaScrutinyCheck } from './visa-scrutiny.check.js';
export type { ViolationKind, ViolationRecord, VisaScrutinyContext } from './visa-scrutiny.check.js';
export { VISA_RULES } from './visa-rules.js';
export {
  DEFAULT_DESTINATION_POLICY,
  EU_EEA_CH_NATIONALITIES,
  SCHENGEN_STATES,
  destinationRequirements,
} from './destination-policy.js';
export type { DestinationPolicy, DestinationRequirements } from './destination-policy.js';
export { DEFAULT_NUMBER_FORMATS, NumberFormatTableError, parseNumberFormatTable } from './number-formats.js';
export type { NumberFormat, NumberFormatTable } from './number-formats.js';
