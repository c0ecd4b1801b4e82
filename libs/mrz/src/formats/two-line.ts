import { parseName } from '../names.js';
import type { MrzFormat, MrzResult } from '../types.js';
import {
  ErrorList,
  readBirthDate,
  readDocumentCode,
  readDocumentNumber,
  readExpiryDate,
  readSex,
  readState,
  readText,
} from './fields.js';

/** Where the optional data of line 2 sits, and whether a long document number may overflow into it. */
export interface TwoLineLayout {
  format: Exclude<MrzFormat, 'TD1'>;
  documentCodes: string;
  optionalEnd: number;
  allowOverflow: boolean;
}

export interface TwoLineRead {
  errors: ErrorList;
  result: Omit<MrzResult, 'valid' | 'errors'>;
}

/**
 * The part TD2, TD3, MRV-A and MRV-B share (9303 Parts 4, 6, 7):
 * 1: code 0-2, issuing state 2-5, name 5-end
 * 2: document number 0-9, check 9, nationality 10-13, birth 13-19, check 19, sex 20, expiry 21-27,
 *    check 27, optional data from 28 (the caller reads check digits after it)
 */
export function readTwoLines(
  [line1, line2]: readonly string[],
  layout: TwoLineLayout,
  today: Date,
): TwoLineRead {
  if (line1 === undefined || line2 === undefined) throw new TypeError(`${layout.format} needs 2 lines`);
  const errors = new ErrorList();
  const documentCode = readDocumentCode(line1.slice(0, 2), layout.documentCodes, layout.format, errors);
  const issuingState = readState('issuingState', line1.slice(2, 5), errors);
  const name = parseName(line1.slice(5));
  errors.items.push(...name.errors);
  const optional = line2.slice(28, layout.optionalEnd);
  const overflowField = layout.allowOverflow ? optional : null;
  const { documentNumber, optionalRest } = readDocumentNumber(
    line2.slice(0, 9),
    line2.charAt(9),
    overflowField,
    errors,
  );
  const nationality = readState('nationality', line2.slice(10, 13), errors);
  const birthDate = readBirthDate(line2.slice(13, 19), line2.charAt(19), today, errors);
  const sex = readSex(line2.charAt(20), errors);
  const expiryDate = readExpiryDate(line2.slice(21, 27), line2.charAt(27), today, errors);
  return {
    errors,
    result: {
      format: layout.format,
      specimen: errors.specimen,
      fields: {
        documentCode,
        issuingState,
        documentNumber,
        nationality,
        birthDate,
        sex,
        expiryDate,
        surname: name.surname,
        givenNames: name.givenNames,
        optionalData: readText(layout.allowOverflow ? optionalRest : optional),
      },
    },
  };
}
