import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import type { DocumentStatusChanged } from './gen/docscreen/registry/v1/document_status_changed_pb.js';

/**
 * The record key of a `DocumentStatusChanged` event on the compacted registry topic, as documented in
 * proto/docscreen/registry/v1/document_status_changed.proto:
 *
 *   DocumentRecord  `<STATE>:<TYPE>:<NUMBER>`                       e.g. `NLD:PASSPORT:SPECI2014`
 *   BlankSeries     `<STATE>:<TYPE>:<PREFIX><FIRST>-<PREFIX><LAST>`  e.g. `D:PASSPORT:C01000-C01999`
 *
 * Internal to this library (`recordKey` uses it). Normalising states and numbers is domain logic and
 * lives in `@docscreen/travel-documents` (`documentKey`, `blankSeriesKey`), which producers use to fill
 * the event; here the subject must already be in that normal form, and anything else is refused rather
 * than normalised a second way.
 *
 * @throws RangeError when the event has no subject or the subject is not in normal form.
 */
export function registryKey(event: Pick<DocumentStatusChanged, 'subject'>): string {
  const subject = event.subject;
  switch (subject.case) {
    case 'record': {
      const { issuingState, documentType, documentNumber } = subject.value;
      return `${statePart(issuingState)}:${typePart(documentType)}:${normal('document number', documentNumber, NUMBER)}`;
    }
    case 'series': {
      const { issuingState, documentType, prefix, firstNumber, lastNumber } = subject.value;
      normal('prefix', prefix, PREFIX);
      if (
        !DIGITS.test(firstNumber) ||
        firstNumber.length !== lastNumber.length ||
        !(firstNumber <= lastNumber)
      ) {
        throw new RangeError(
          `invalid blank series ${JSON.stringify(firstNumber)}-${JSON.stringify(lastNumber)}: expected digit strings of equal length, first <= last`,
        );
      }
      return `${statePart(issuingState)}:${typePart(documentType)}:${prefix}${firstNumber}-${prefix}${lastNumber}`;
    }
    default:
      throw new RangeError('DocumentStatusChanged has no subject (record or series)');
  }
}

const STATE = /^[A-Z]{1,3}$/;
const NUMBER = /^[A-Z0-9]+$/;
const PREFIX = /^[A-Z0-9]*$/;
const DIGITS = /^[0-9]+$/;

function normal(field: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value)) {
    throw new RangeError(`invalid ${field} ${JSON.stringify(value)}: not in normal form (A-Z, 0-9)`);
  }
  return value;
}

function statePart(issuingState: string): string {
  if (!STATE.test(issuingState)) {
    throw new RangeError(
      `invalid issuing state ${JSON.stringify(issuingState)}: expected an ICAO 9303 code such as "NLD" or "D"`,
    );
  }
  return issuingState;
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
