import { checkDigitError } from '../check-digit.js';
import { parseBirthDate, parseExpiryDate } from '../dates.js';
import { SPECIMEN_STATE_CODE, isIcaoStateCode } from '../state-codes.js';
import type { MrzError, MrzErrorField, MrzFields } from '../types.js';

/** Collects field errors while a format's parser walks its positions. */
export class ErrorList {
  readonly items: MrzError[] = [];
  specimen = false;

  add(field: MrzErrorField, message: string | null | undefined): void {
    if (message) this.items.push({ field, message });
  }

  check(field: MrzErrorField, value: string, digit: string): void {
    this.add(field, checkDigitError(value, digit));
  }
}

/** Fillers read as spaces, then trimmed: `010195<112X<<<<` is `010195 112X`. */
export function readText(raw: string): string {
  return raw.replace(/</g, ' ').trim();
}

export function trimFillers(raw: string): string {
  return raw.replace(/<+$/, '');
}

export function readDocumentCode(
  raw: string,
  allowedFirst: string,
  format: string,
  errors: ErrorList,
): string {
  const code = trimFillers(raw);
  const first = raw.charAt(0);
  const second = raw.charAt(1);
  if (!allowedFirst.includes(first)) {
    const choices = [...allowedFirst].join(', ');
    errors.add('documentCode', `document code ${raw} is not a ${format} code: it must start with ${choices}`);
  } else if (!/^[A-Z<]$/.test(second)) {
    errors.add('documentCode', `document code ${raw}: second character must be a letter or <`);
  } else if ((format === 'TD1' || format === 'TD2') && second === 'V') {
    // 9303 Parts 5 and 6 bar V in second place on identity cards, which keeps them apart from visas.
    errors.add('documentCode', `document code ${raw}: second character must not be V on a ${format}`);
  }
  return code;
}

export function readState(field: 'issuingState' | 'nationality', raw: string, errors: ErrorList): string {
  const code = trimFillers(raw);
  if (code === SPECIMEN_STATE_CODE) {
    errors.specimen = true;
  } else if (!isIcaoStateCode(code)) {
    const label = field === 'issuingState' ? 'issuing state' : 'nationality';
    errors.add(field, `${label} ${raw} is not an ICAO 9303 state code`);
  }
  return code;
}

export function readSex(raw: string, errors: ErrorList): MrzFields['sex'] {
  if (raw === 'M' || raw === 'F') return raw;
  // 9303 writes "unspecified" as a filler; some states print X instead.
  if (raw !== '<' && raw !== 'X') errors.add('sex', `sex is ${raw}, expected M, F or < (unspecified)`);
  return 'X';
}

export function readBirthDate(raw: string, digit: string, today: Date, errors: ErrorList): string | null {
  errors.check('birthDate', raw, digit);
  const date = parseBirthDate(raw, today);
  errors.add('birthDate', date.error);
  return date.iso;
}

export function readExpiryDate(raw: string, digit: string, today: Date, errors: ErrorList): string | null {
  errors.check('expiryDate', raw, digit);
  const date = parseExpiryDate(raw, today);
  errors.add('expiryDate', date.error);
  return date.iso;
}

export interface DocumentNumber {
  documentNumber: string;
  /** What is left of the optional field once an overflow (and its check digit) is taken out. */
  optionalRest: string;
}

/**
 * Reads a document number and its check digit. When the check-digit slot holds a filler, the number
 * is longer than 9 characters (9303 Part 5 note j, Part 6 note j): it goes on at the start of the
 * optional field up to the first filler, and the last character before that filler is the check digit.
 */
export function readDocumentNumber(
  principal: string,
  digit: string,
  /** Null where the format has no overflow (TD3, MRV). */
  optional: string | null,
  errors: ErrorList,
): DocumentNumber {
  const overflowEnd = optional === null ? 0 : optional.indexOf('<');
  if (optional === null || digit !== '<' || overflowEnd === 0) {
    const documentNumber = trimFillers(principal);
    if (documentNumber === '') errors.add('documentNumber', 'document number is empty');
    errors.check('documentNumber', principal, digit);
    return { documentNumber, optionalRest: optional ?? '' };
  }
  const end = overflowEnd === -1 ? optional.length : overflowEnd;
  const overflow = optional.slice(0, end - 1);
  const overflowDigit = optional.charAt(end - 1);
  const documentNumber = principal + overflow;
  // ICAO computes the digit over the number without the filler; some states (e.g. Belgium,
  // PRADO BEL-BO-03003) include the filler. Both are genuine documents, so either digit passes.
  const icaoError = checkDigitError(documentNumber, overflowDigit);
  if (icaoError !== null && checkDigitError(`${principal}<${overflow}`, overflowDigit) !== null) {
    errors.add('documentNumber', icaoError);
  }
  return { documentNumber, optionalRest: optional.slice(end + 1) };
}
