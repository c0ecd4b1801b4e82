import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPES,
  documentTypeName,
  isDocumentStatus,
  normaliseBlankSeries,
  normaliseDocumentNumber,
  normaliseIssuingState,
  type DocumentStatusName,
  type DocumentTypeName,
} from '@docscreen/travel-documents';
import { refusedCharacterAt } from '@docscreen/input-values';
import { isIsoDate } from './dates.js';
import {
  AUTHORITY_REFERENCE,
  DOCUMENT_NUMBER,
  DOCUMENT_TYPE,
  ISSUING_STATE,
  LOST_ON,
  MAX_AUTHORITY_REFERENCE_LENGTH,
  MAX_DOCUMENT_NUMBER_LENGTH,
  REPORTED_ON,
  SERIES_FIRST,
  SERIES_LAST,
  SERIES_PREFIX,
  STATUS,
} from './fields.js';
import type {
  NationalListEntry,
  NationalListRecord,
  NationalListRejectEvent,
  NationalListSeries,
} from './types.js';

const TYPE_CHOICES = `${Object.keys(DOCUMENT_TYPE_CODES).join(', ')} or a type name (${DOCUMENT_TYPES.join(', ')})`;
const STATUS_CHOICES = DOCUMENT_STATUSES.join(', ');

/** The value without surrounding blanks; `''` when absent. Allocates only when there is something to trim. */
export function clean(value: string | undefined): string {
  if (value === undefined) return '';
  const n = value.length;
  if (n === 0) return value;
  if (value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32) return value.trim();
  return value;
}

/**
 * A value of a non-personal field (code, date) as a reject reason may quote it: JSON-quoted, cut
 * short when it is long (a shifted column may have put something else there).
 */
function quoted(value: string): string {
  return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
}

/**
 * What is wrong with a document number (or series bound or prefix) as written, without repeating it:
 * only letters, digits, spaces, hyphens and `<` are allowed (normalisation drops the last three), at
 * least one letter or digit, at most `MAX_DOCUMENT_NUMBER_LENGTH` of them. `undefined` when fine.
 */
export function documentNumberProblem(value: string): string | undefined {
  let significant = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) significant++;
    else if (c !== 32 && c !== 45 && c !== 60) {
      const char = String.fromCodePoint(value.codePointAt(i) ?? c);
      return `character ${i + 1} (${JSON.stringify(char)}) is not a letter A-Z, a digit, a space, a hyphen or "<"`;
    }
  }
  if (significant === 0) return 'has no letters or digits';
  if (significant > MAX_DOCUMENT_NUMBER_LENGTH) {
    return `has ${significant} letters and digits, at most ${MAX_DOCUMENT_NUMBER_LENGTH} are allowed`;
  }
  return undefined;
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

function isAllDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return value.length > 0;
}

/** Where the trailing run of digits of a normal-form number begins. */
function trailingDigitsStart(value: string): number {
  let i = value.length;
  while (i > 0) {
    const c = value.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i;
}

/** Checks one data line's values (indexed as `NATIONAL_LIST_FIELDS`) and makes its entry or reject. */
export class RowValidator {
  constructor(
    /** `YYYY-MM-DD`: no date may be after it. */
    private readonly today: string,
  ) {}

  /**
   * @param values each field's value as written, `undefined` when absent
   * @param line the physical line number
   * @param problems what was already found wrong (JSON types), or undefined
   * @param reported bit i set when field i is already in `problems`
   */
  validate(
    values: readonly (string | undefined)[],
    line: number,
    problems: string[] | undefined,
    reported = 0,
  ): NationalListEntry | NationalListRejectEvent {
    let errors = problems;

    const stateValue = clean(values[ISSUING_STATE]);
    let issuingState = '';
    if (stateValue !== '') {
      try {
        issuingState = normaliseIssuingState(stateValue);
      } catch {
        (errors ??= []).push(
          `issuing_state: ${quoted(stateValue)} is not an ICAO 9303 code (one to three letters, e.g. "NLD" or "D")`,
        );
      }
    } else if (!(reported & (1 << ISSUING_STATE))) (errors ??= []).push('issuing_state: missing');

    const typeValue = clean(values[DOCUMENT_TYPE]);
    let documentType: DocumentTypeName | undefined;
    if (typeValue !== '') {
      documentType = documentTypeName(typeValue);
      if (documentType === undefined) {
        (errors ??= []).push(
          `document_type: ${quoted(typeValue)} is not a document type: expected ${TYPE_CHOICES}`,
        );
      }
    } else if (!(reported & (1 << DOCUMENT_TYPE))) (errors ??= []).push('document_type: missing');

    const numberValue = clean(values[DOCUMENT_NUMBER]);
    const prefixValue = clean(values[SERIES_PREFIX]);
    const firstValue = clean(values[SERIES_FIRST]);
    const lastValue = clean(values[SERIES_LAST]);

    const isSeries = prefixValue !== '' || firstValue !== '' || lastValue !== '';
    let documentNumber = '';
    if (isSeries) {
      if (numberValue !== '') {
        (errors ??= []).push(
          'document_number: a line gives either document_number or series_first and series_last, not both',
        );
      }
    } else if (numberValue === '') {
      if (!(reported & (1 << DOCUMENT_NUMBER))) {
        (errors ??= []).push(
          'document_number: missing (a blank series gives series_first and series_last instead)',
        );
      }
    } else {
      const problem = documentNumberProblem(numberValue);
      if (problem !== undefined) (errors ??= []).push(`document_number: ${problem}`);
      else documentNumber = normaliseDocumentNumber(numberValue);
    }

    const statusValue = clean(values[STATUS]);
    let status: DocumentStatusName | undefined;
    if (statusValue !== '') {
      if (isDocumentStatus(statusValue)) status = statusValue;
      else {
        const lower = statusValue.toLowerCase();
        if (isDocumentStatus(lower)) status = lower;
        else (errors ??= []).push(`status: ${quoted(statusValue)} is not one of ${STATUS_CHOICES}`);
      }
      if (isSeries && status !== undefined && status !== 'stolen_blank') {
        (errors ??= []).push(`status: a blank series must have status stolen_blank, not "${status}"`);
      }
    } else if (!(reported & (1 << STATUS))) (errors ??= []).push('status: missing');

    const reportedOn = clean(values[REPORTED_ON]);
    let reportedOnValid = false;
    if (reportedOn !== '') {
      if (!isIsoDate(reportedOn)) {
        (errors ??= []).push(`reported_on: ${quoted(reportedOn)} is not a date YYYY-MM-DD`);
      } else if (reportedOn > this.today) {
        (errors ??= []).push(`reported_on: "${reportedOn}" is in the future (today is ${this.today})`);
      } else reportedOnValid = true;
    } else if (!(reported & (1 << REPORTED_ON))) (errors ??= []).push('reported_on: missing');

    const lostOn = clean(values[LOST_ON]);
    if (lostOn !== '') {
      if (!isIsoDate(lostOn)) {
        (errors ??= []).push(`lost_on: ${quoted(lostOn)} is not a date YYYY-MM-DD`);
      } else if (reportedOnValid && lostOn > reportedOn) {
        (errors ??= []).push(`lost_on: "${lostOn}" is after reported_on ("${reportedOn}")`);
      } else if (lostOn > this.today) {
        (errors ??= []).push(`lost_on: "${lostOn}" is in the future (today is ${this.today})`);
      }
    }

    const reference = clean(values[AUTHORITY_REFERENCE]);
    if (reference.length > MAX_AUTHORITY_REFERENCE_LENGTH) {
      (errors ??= []).push(
        `authority_reference: ${reference.length} characters, at most ${MAX_AUTHORITY_REFERENCE_LENGTH} are allowed`,
      );
    }
    // No control character belongs in a stored field, and PostgreSQL refuses NUL in text outright:
    // one would fail the whole import batch (the same reading as every API's, @docscreen/input-values).
    const control = refusedCharacterAt(reference);
    if (control >= 0) {
      (errors ??= []).push(
        `authority_reference: character ${control + 1} (U+${reference.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')}) is ${isSurrogate(reference.charCodeAt(control)) ? 'an unpaired surrogate' : 'a control character'}`,
      );
    }

    if (!isSeries) {
      if (errors !== undefined || documentType === undefined || status === undefined) {
        return { kind: 'reject', line, reason: (errors ?? []).join('; ') };
      }
      const record: NationalListRecord = { issuingState, documentType, documentNumber, status, reportedOn };
      if (lostOn !== '') record.lostOn = lostOn;
      if (reference !== '') record.authorityReference = reference;
      return { kind: 'record', line, record };
    }

    // A blank series.
    const bounds = this.seriesBounds(prefixValue, firstValue, lastValue, reported);
    // '' when the only problem with the bounds (a JSON type) is already among the errors.
    if (typeof bounds === 'string' && bounds !== '') (errors ??= []).push(bounds);
    if (errors !== undefined || typeof bounds === 'string' || documentType === undefined) {
      return { kind: 'reject', line, reason: (errors ?? []).join('; ') };
    }
    let normal;
    try {
      normal = normaliseBlankSeries({ issuingState, documentType, ...bounds });
    } catch {
      // The bounds were checked above; this would be a disagreement with travel-documents.
      return { kind: 'reject', line, reason: 'series_first, series_last: not a valid blank series' };
    }
    const series: NationalListSeries = { ...normal, status: 'stolen_blank', reportedOn };
    if (lostOn !== '') series.lostOn = lostOn;
    if (reference !== '') series.authorityReference = reference;
    return { kind: 'series', line, series };
  }

  /**
   * The prefix and digit bounds of a series, or what is wrong with them (never repeating them). With
   * `series_prefix`, the bounds are the digits after it; without, they are whole numbers (`C01000`,
   * `C01999`) whose part before the trailing digits is the prefix and must be the same in both.
   */
  private seriesBounds(
    prefixValue: string,
    firstValue: string,
    lastValue: string,
    reported: number,
  ): { prefix: string; firstNumber: string; lastNumber: string } | string {
    const problems: string[] = [];
    if (firstValue === '' && !(reported & (1 << SERIES_FIRST))) {
      problems.push('series_first: missing (a blank series gives series_first and series_last)');
    }
    if (lastValue === '' && !(reported & (1 << SERIES_LAST))) {
      problems.push('series_last: missing (a blank series gives series_first and series_last)');
    }
    let prefixProblem: string | undefined;
    if (prefixValue !== '') {
      prefixProblem = documentNumberProblem(prefixValue);
      if (prefixProblem !== undefined) problems.push(`series_prefix: ${prefixProblem}`);
    }
    const firstProblem = firstValue === '' ? undefined : documentNumberProblem(firstValue);
    if (firstProblem !== undefined) problems.push(`series_first: ${firstProblem}`);
    const lastProblem = lastValue === '' ? undefined : documentNumberProblem(lastValue);
    if (lastProblem !== undefined) problems.push(`series_last: ${lastProblem}`);
    if (problems.length > 0 || firstValue === '' || lastValue === '') return problems.join('; ');

    const first = normaliseDocumentNumber(firstValue);
    const last = normaliseDocumentNumber(lastValue);
    let prefix: string;
    let firstNumber: string;
    let lastNumber: string;
    if (prefixValue !== '') {
      prefix = normaliseDocumentNumber(prefixValue);
      if (!isAllDigits(first))
        problems.push('series_first: not all digits (with series_prefix, give the digits after it)');
      if (!isAllDigits(last))
        problems.push('series_last: not all digits (with series_prefix, give the digits after it)');
      if (problems.length > 0) return problems.join('; ');
      firstNumber = first;
      lastNumber = last;
    } else {
      const firstDigits = trailingDigitsStart(first);
      const lastDigits = trailingDigitsStart(last);
      if (firstDigits === first.length) problems.push('series_first: does not end in digits');
      if (lastDigits === last.length) problems.push('series_last: does not end in digits');
      if (problems.length > 0) return problems.join('; ');
      prefix = first.slice(0, firstDigits);
      if (last.slice(0, lastDigits) !== prefix) {
        return 'series_first, series_last: the parts before the trailing digits differ (a series has one prefix)';
      }
      firstNumber = first.slice(firstDigits);
      lastNumber = last.slice(lastDigits);
    }
    if (firstNumber.length !== lastNumber.length) {
      return `series_first, series_last: ${firstNumber.length} and ${lastNumber.length} digits, bounds need as many digits each`;
    }
    if (firstNumber > lastNumber) return 'series_first: after series_last';
    if (prefix.length + firstNumber.length > MAX_DOCUMENT_NUMBER_LENGTH) {
      return `series_first, series_last: ${prefix.length + firstNumber.length} letters and digits with the prefix, at most ${MAX_DOCUMENT_NUMBER_LENGTH} are allowed`;
    }
    return { prefix, firstNumber, lastNumber };
  }
}
