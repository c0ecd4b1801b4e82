import { MrzInputError, parseMrz } from '@docscreen/mrz';
import type { CheckResult, DocumentUnderCheck, Finding } from './check-result.js';

export const MRZ_INTEGRITY = 'mrz-integrity';
const VERSION = '1';

/**
 * ICAO Doc 9303 integrity of every machine-readable zone the carrier read: check digits per field and
 * the composite. A forged or altered data page often fails here first. Documents without an MRZ are
 * not judged by this check (`not-applicable`), never silently "passed".
 */
export function mrzIntegrityCheck(
  documents: readonly DocumentUnderCheck[],
  today: Date = new Date(),
): CheckResult {
  const withMrz = documents
    .map((document, index) => ({ document, index }))
    .filter(({ document }) => document.mrzLines.length > 0);
  if (withMrz.length === 0)
    return { check: MRZ_INTEGRITY, version: VERSION, outcome: 'not-applicable', findings: [] };

  const findings: Finding[] = [];
  for (const { document, index } of withMrz) {
    try {
      const result = parseMrz(document.mrzLines, { today });
      for (const error of result.errors) {
        findings.push({
          code:
            error.field === 'composite' || error.message.includes('check digit')
              ? 'MRZ_CHECK_DIGIT'
              : 'MRZ_INVALID_FIELD',
          message: `MRZ ${result.format} ${error.field}: ${error.message}`,
          field: `documents[${index}].mrz.${error.field}`,
          severity: 'high',
          action: 'contact-authority',
        });
      }
    } catch (error) {
      if (!(error instanceof MrzInputError)) throw error;
      findings.push({
        code: 'MRZ_UNREADABLE',
        message: `MRZ cannot be read: ${error.message}`,
        field: `documents[${index}].mrz`,
        severity: 'medium',
        action: 'contact-authority',
      });
    }
  }
  return { check: MRZ_INTEGRITY, version: VERSION, outcome: findings.length ? 'failed' : 'passed', findings };
}
