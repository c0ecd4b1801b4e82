import { normaliseBlankSeries, type BlankSeries } from './blank-series.js';
import { normaliseDocumentNumber } from './document-number.js';
import { requireDocumentType, type DocumentTypeName } from './document-type.js';
import { normaliseIssuingState } from './issuing-state.js';

/**
 * Keys of registry entries, which also key the compacted registry topic
 * (proto/docscreen/registry/v1/document_status_changed.proto):
 *
 *   document      `<STATE>:<TYPE>:<NUMBER>`                       e.g. `NLD:PASSPORT:SPECI2014`
 *   blank series  `<STATE>:<TYPE>:<PREFIX><FIRST>-<PREFIX><LAST>`  e.g. `D:PASSPORT:C01000-C01999`
 *
 * STATE is the ICAO 9303 code, TYPE the type name (`DOCUMENT_TYPES`), NUMBER the normal form.
 * Normal forms contain only A-Z and 0-9, so `:` never occurs inside a part and `-` marks a series.
 */

/** An individual document as the registry lists it. */
export interface DocumentRef {
  issuingState: string;
  /** A type name (`PASSPORT`) or code (`P`). */
  documentType: string;
  documentNumber: string;
}

/** A document reference in normal form. */
export interface NormalDocumentRef {
  issuingState: string;
  documentType: DocumentTypeName;
  documentNumber: string;
}

/**
 * The reference in normal form.
 *
 * @throws RangeError when the state, type or number is missing or invalid.
 */
export function normaliseDocumentRef(document: DocumentRef): NormalDocumentRef {
  const documentNumber = normaliseDocumentNumber(document.documentNumber);
  if (documentNumber === '') throw new RangeError('invalid document number: empty after normalisation');
  return {
    issuingState: normaliseIssuingState(document.issuingState),
    documentType: requireDocumentType(document.documentType),
    documentNumber,
  };
}

/**
 * Key of an individual document: `<STATE>:<TYPE>:<NUMBER>` with the number in normal form.
 *
 * @throws RangeError when the state, type or number is missing or invalid.
 */
export function documentKey(document: DocumentRef): string {
  const { issuingState, documentType, documentNumber } = normaliseDocumentRef(document);
  return `${issuingState}:${documentType}:${documentNumber}`;
}

/**
 * Key of a blank series: `<STATE>:<TYPE>:<PREFIX><FIRST>-<PREFIX><LAST>`.
 *
 * @throws RangeError when the state or type is invalid, or the numbers are not digit strings of
 * equal length with first ≤ last.
 */
export function blankSeriesKey(series: BlankSeries): string {
  const { issuingState, documentType, prefix, firstNumber, lastNumber } = normaliseBlankSeries(series);
  return `${issuingState}:${documentType}:${prefix}${firstNumber}-${prefix}${lastNumber}`;
}
