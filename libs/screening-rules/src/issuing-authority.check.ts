import { SPECIMEN_STATE_CODE, isIcaoStateCode } from '@docscreen/mrz';
import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import { isCalendarDate } from './calendar-dates.js';
import type { CheckResult } from './check-result.js';
import {
  checkResult,
  documentLabel,
  documentTypeOf,
  Findings,
  typeLabel,
} from './integrity-check-support.js';
import { DEFAULT_NUMBER_FORMATS, formatsFor, matchesFormat } from './number-formats.js';
import type { NumberFormatTable } from './number-formats.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';

export const ISSUING_AUTHORITY = 'issuing-authority';

export interface IssuingAuthorityContext {
  rules: RuleBook;
  /** The deploying state's imported formats; the illustrative `DEFAULT_NUMBER_FORMATS` when absent. */
  numberFormats?: NumberFormatTable | undefined;
}

/** Upper case, MRZ fillers dropped; `undefined` when what remains cannot be a state code. */
function stateCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase().replace(/<+$/, '');
  return /^[A-Z]{1,3}$/.test(code) ? code : undefined;
}

/**
 * Whether the documents come from an authority that exists and issues such numbers: issuing state
 * and nationality are ICAO Doc 9303 codes, no specimen (state UTO) is presented for travel, and each
 * document number fits a format its issuer is known to use. Where no format is on record the number
 * is not judged: `NUMBER_FORMAT_UNKNOWN` is information, not an alarm. Missing values are not checked.
 */
export function issuingAuthorityCheck(
  subject: ScreeningSubject,
  context: IssuingAuthorityContext,
): CheckResult {
  const { rules } = context;
  const findings = new Findings();
  const nationality = subject.nationality.trim();
  if (nationality !== '') {
    const code = stateCode(nationality);
    if (code === SPECIMEN_STATE_CODE) {
      findings.add(
        rules.raise('SPECIMEN_DOCUMENT', {
          message:
            'The nationality is that of the ICAO specimen state (UTO): specimen data, not a real traveller.',
          field: 'nationality',
        }),
      );
    } else if (code === undefined || !isIcaoStateCode(code)) {
      findings.add(
        rules.raise('UNKNOWN_ISSUING_STATE', {
          message: 'The nationality is not an ICAO Doc 9303 state code.',
          field: 'nationality',
        }),
      );
    }
  }
  subject.documents.forEach((document, index) => checkDocument(document, index, context, findings));
  const applicable = nationality !== '' || subject.documents.length > 0;
  return checkResult(ISSUING_AUTHORITY, rules, findings.items, applicable);
}

function checkDocument(
  document: SubjectDocument,
  index: number,
  context: IssuingAuthorityContext,
  findings: Findings,
): void {
  const { rules } = context;
  const label = documentLabel(index, document);
  if (document.issuingState.trim() === '') return;
  const state = stateCode(document.issuingState);
  if (state === SPECIMEN_STATE_CODE) {
    findings.add(
      rules.raise('SPECIMEN_DOCUMENT', {
        message: `${label} is an ICAO specimen (issuing state UTO), not a document issued for travel.`,
        field: `documents[${index}].issuingState`,
      }),
    );
  } else if (state === undefined || !isIcaoStateCode(state)) {
    findings.add(
      rules.raise('UNKNOWN_ISSUING_STATE', {
        message: `${label}: the issuing state is not an ICAO Doc 9303 state code.`,
        field: `documents[${index}].issuingState`,
      }),
    );
    return;
  }

  const number = normaliseDocumentNumber(document.number);
  if (number === '') return;
  const type = documentTypeOf(document);
  const issueDate = isCalendarDate(document.issueDate) ? document.issueDate : undefined;
  const table = context.numberFormats ?? DEFAULT_NUMBER_FORMATS;
  const formats = type === undefined ? [] : formatsFor(table, state, type, issueDate);
  const field = `documents[${index}].number`;
  if (formats.length === 0) {
    findings.add(
      rules.raise('NUMBER_FORMAT_UNKNOWN', {
        message: `${label}: no number format of a ${typeLabel(type)} issued by ${state} is on record; the number was not checked.`,
        field,
      }),
    );
  } else if (!formats.some((format) => matchesFormat(format, number))) {
    const expected = formats.map((format) => format.description).join('; or ');
    findings.add(
      rules.raise('NUMBER_FORMAT_MISMATCH', {
        message: `${label}: the number fits no format of a ${typeLabel(type)} issued by ${state} on record (${expected}).`,
        field,
      }),
    );
  }
}
