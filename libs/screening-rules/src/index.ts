export type {
  CheckOutcome,
  CheckResult,
  DocumentUnderCheck,
  Finding,
  RecommendedAction,
  Severity,
} from './check-result.js';
export { MRZ_INTEGRITY, mrzIntegrityCheck } from './mrz-integrity.check.js';
