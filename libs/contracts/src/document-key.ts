import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import type {
  BlankSeries,
  DocumentRecord,
  DocumentStatusChanged,
} from './gen/docscreen/registry/v1/document_status_changed_pb.js';

/**
 * Keys of the compacted registry topic, as documented in
 * proto/docscreen/registry/v1/document_status_changed.proto:
 *
 *   DocumentRecord  `<STATE>:<TYPE>:<NUMBER>`                       e.g. `NLD:PASSPORT:SPECI2014`
 *   BlankSeries     `<STATE>:<TYPE>:<PREFIX><FIRST>-<PREFIX><LAST>`  e.g. `D:PASSPORT:C01000-C01999`
 */

/**
 * The registry's normal form of a document number: uppercase, with everything but A-Z and 0-9 removed
 * (spaces, hyphens, MRZ fillers `<`). Leading zeros are kept. Matching always compares normal forms.
 */
export function normaliseDocumentNumber(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * A document number as it may appear in alerts: the normal form with all but the last three
 * characters replaced by `*`, or entirely `*` when it has six characters or fewer.
 */
export function maskDocumentNumber(raw: string): string {
  const number = normaliseDocumentNumber(raw);
  if (number.length <= 6) return '*'.repeat(number.length);
  return '*'.repeat(number.length - 3) + number.slice(-3);
}

const STATE_PATTERN = /^[A-Z]{1,3}$/;
const DIGITS_PATTERN = /^[0-9]+$/;

function statePart(issuingState: string): string {
  const state = issuingState.trim().toUpperCase().replace(/<+$/, '');
  if (!STATE_PATTERN.test(state)) {
    throw new RangeError(
      `invalid issuing state ${JSON.stringify(issuingState)}: expected an ICAO 9303 code such as "NLD" or "D"`,
    );
  }
  return state;
}

function typePart(documentType: DocumentType): string {
  const name: string | undefined = DocumentType[documentType];
  if (name === undefined || documentType === DocumentType.UNSPECIFIED) {
    throw new RangeError(
      `invalid document type ${documentType}: a registry key needs a known, specified type`,
    );
  }
  return name;
}

/**
 * Key of an individual document: `<STATE>:<TYPE>:<NUMBER>` with the number in normal form.
 *
 * @throws RangeError when the state, type or number is missing or invalid.
 */
export function documentKey(
  record: Pick<DocumentRecord, 'issuingState' | 'documentType' | 'documentNumber'>,
): string {
  const number = normaliseDocumentNumber(record.documentNumber);
  if (number === '') throw new RangeError('invalid document number: empty after normalisation');
  return `${statePart(record.issuingState)}:${typePart(record.documentType)}:${number}`;
}

/**
 * Key of a blank series: `<STATE>:<TYPE>:<PREFIX><FIRST>-<PREFIX><LAST>`.
 *
 * @throws RangeError when the numbers are not digit strings of equal length with first ≤ last.
 */
export function blankSeriesKey(
  series: Pick<BlankSeries, 'issuingState' | 'documentType' | 'prefix' | 'firstNumber' | 'lastNumber'>,
): string {
  const prefix = normaliseDocumentNumber(series.prefix);
  const { firstNumber: first, lastNumber: last } = series;
  if (
    !DIGITS_PATTERN.test(first) ||
    !DIGITS_PATTERN.test(last) ||
    first.length !== last.length ||
    first > last
  ) {
    throw new RangeError(
      `invalid blank series ${JSON.stringify(first)}-${JSON.stringify(last)}: expected digit strings of equal length, first <= last`,
    );
  }
  return `${statePart(series.issuingState)}:${typePart(series.documentType)}:${prefix}${first}-${prefix}${last}`;
}

/**
 * Whether a (normalised) document number lies in a blank series: prefix followed by exactly as many
 * digits as the series bounds, between them inclusive.
 */
export function isInBlankSeries(
  documentNumber: string,
  series: Pick<BlankSeries, 'prefix' | 'firstNumber' | 'lastNumber'>,
): boolean {
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

/**
 * The record key of a `DocumentStatusChanged` event: the key of its subject.
 *
 * @throws RangeError when the event has no subject or the subject is invalid.
 */
export function registryKey(event: Pick<DocumentStatusChanged, 'subject'>): string {
  switch (event.subject.case) {
    case 'record':
      return documentKey(event.subject.value);
    case 'series':
      return blankSeriesKey(event.subject.value);
    default:
      throw new RangeError('DocumentStatusChanged has no subject (record or series)');
  }
}
