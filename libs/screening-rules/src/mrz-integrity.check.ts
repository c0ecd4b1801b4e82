import { MrzInputError, parseMrz } from '@docscreen/mrz';
import type { CheckResult } from './check-result.js';
import { checkResult, documentLabel, Findings } from './integrity-check-support.js';
import type { RuleBook, RuleDefinition } from './rule-book.js';
import type { ScreeningSubject } from './subject.js';

export const MRZ_INTEGRITY = 'mrz-integrity';

export const MRZ_RULES: RuleDefinition[] = [
  {
    id: 'MRZ_CHECK_DIGIT',
    version: 1,
    check: MRZ_INTEGRITY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'A check digit of the machine-readable zone (ICAO Doc 9303) does not match its field, or the composite does not match: the data page may have been altered.',
    enabled: true,
  },
  {
    id: 'MRZ_INVALID_FIELD',
    version: 1,
    check: MRZ_INTEGRITY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'A field of the machine-readable zone breaks ICAO Doc 9303 (an impossible date, a character not allowed there): the zone was not produced by a genuine issuing system.',
    enabled: true,
  },
  {
    id: 'MRZ_UNREADABLE',
    version: 1,
    check: MRZ_INTEGRITY,
    severity: 'medium',
    action: 'contact-authority',
    explanation: 'The machine-readable zone as reported cannot be read as any ICAO Doc 9303 format.',
    enabled: true,
  },
];

/**
 * ICAO Doc 9303 integrity of every machine-readable zone the carrier read: check digits per field and
 * the composite. A forged or altered data page often fails here first. Documents without an MRZ are
 * not judged by this check (`not-applicable`), never silently "passed". Messages name the field,
 * never its value (the parser's own messages quote values, so they are not passed on).
 */
export function mrzIntegrityCheck(
  subject: ScreeningSubject,
  context: { rules: RuleBook; today?: Date | undefined },
): CheckResult {
  const { rules } = context;
  const findings = new Findings();
  let applicable = false;
  subject.documents.forEach((document, index) => {
    if (document.mrzLines.length === 0) return;
    applicable = true;
    const label = documentLabel(index, document);
    try {
      const result = parseMrz(document.mrzLines, { today: context.today ?? new Date() });
      for (const error of result.errors) {
        const checkDigit = error.field === 'composite' || error.message.includes('check digit');
        findings.add(
          rules.raise(checkDigit ? 'MRZ_CHECK_DIGIT' : 'MRZ_INVALID_FIELD', {
            message: checkDigit
              ? `${label}: MRZ ${result.format} check digit of ${error.field} does not match`
              : `${label}: MRZ ${result.format} field ${error.field} is not valid`,
            field: `documents[${index}].mrz.${error.field}`,
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof MrzInputError)) throw error;
      findings.add(
        rules.raise('MRZ_UNREADABLE', {
          message: `${label}: the MRZ cannot be read as an ICAO 9303 format`,
          field: `documents[${index}].mrz`,
        }),
      );
    }
  });
  return checkResult(MRZ_INTEGRITY, rules, findings.items, applicable);
}
