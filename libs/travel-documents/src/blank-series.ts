import { normaliseDocumentNumber } from './document-number.js';
import { requireDocumentType, type DocumentTypeName } from './document-type.js';
import { normaliseIssuingState } from './issuing-state.js';

/** The numbers of a blank series: `prefix` followed by digits between the bounds, inclusive. */
export interface BlankSeriesRange {
  /** Shared by every number of the series; may be empty. Normalised like a document number. */
  prefix: string;
  /** First number, inclusive: decimal digits, as many as `lastNumber` has, e.g. `000`. */
  firstNumber: string;
  /** Last number, inclusive: decimal digits, as many as `firstNumber` has, e.g. `999`. */
  lastNumber: string;
}

/** A series of blank documents of one issuing state and type (typically stolen blanks). */
export interface BlankSeries extends BlankSeriesRange {
  issuingState: string;
  /** A type name (`PASSPORT`) or code (`P`). */
  documentType: string;
}

/** A blank series in normal form: state and prefix normalised, the type by name, bounds checked. */
export interface NormalBlankSeries extends BlankSeriesRange {
  issuingState: string;
  documentType: DocumentTypeName;
}

const DIGITS_PATTERN = /^[0-9]+$/;

/**
 * The series in normal form.
 *
 * @throws RangeError when the state or type is invalid, or the bounds are not digit strings of
 * equal length with first ≤ last.
 */
export function normaliseBlankSeries(series: BlankSeries): NormalBlankSeries {
  const { firstNumber, lastNumber } = series;
  if (
    !DIGITS_PATTERN.test(firstNumber) ||
    !DIGITS_PATTERN.test(lastNumber) ||
    firstNumber.length !== lastNumber.length ||
    firstNumber > lastNumber
  ) {
    throw new RangeError(
      `invalid blank series ${JSON.stringify(firstNumber)}-${JSON.stringify(lastNumber)}: expected digit strings of equal length, first <= last`,
    );
  }
  return {
    issuingState: normaliseIssuingState(series.issuingState),
    documentType: requireDocumentType(series.documentType),
    prefix: normaliseDocumentNumber(series.prefix),
    firstNumber,
    lastNumber,
  };
}

/**
 * Whether a document number lies in a blank series: after normalisation, the prefix followed by
 * exactly as many digits as the series bounds have, between them inclusive.
 */
export function isInBlankSeries(documentNumber: string, series: BlankSeriesRange): boolean {
  const number = normaliseDocumentNumber(documentNumber);
  const prefix = normaliseDocumentNumber(series.prefix);
  if (!number.startsWith(prefix)) return false;
  const digits = number.slice(prefix.length);
  // Equal-length digit strings compare numerically when compared as strings.
  return (
    DIGITS_PATTERN.test(digits) &&
    digits.length === series.firstNumber.length &&
    digits.length === series.lastNumber.length &&
    digits >= series.firstNumber &&
    digits <= series.lastNumber
  );
}
