import { parseName } from '../names.js';
import type { MrzResult } from '../types.js';
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

/**
 * TD1 (ICAO 9303 Part 5), 3 lines of 30 (0-based positions):
 * 1: code 0-2, issuing state 2-5, document number 5-14, check 14, optional data 15-30
 * 2: birth 0-6, check 6, sex 7, expiry 8-14, check 14, nationality 15-18, optional data 18-29, composite 29
 * 3: name 0-30
 */
export function parseTd1([line1, line2, line3]: readonly string[], today: Date): Omit<MrzResult, 'valid'> {
  if (line1 === undefined || line2 === undefined || line3 === undefined)
    throw new TypeError('TD1 needs 3 lines');
  const errors = new ErrorList();
  const documentCode = readDocumentCode(line1.slice(0, 2), 'AIC', 'TD1', errors);
  const issuingState = readState('issuingState', line1.slice(2, 5), errors);
  const { documentNumber, optionalRest } = readDocumentNumber(
    line1.slice(5, 14),
    line1.charAt(14),
    line1.slice(15, 30),
    errors,
  );
  const birthDate = readBirthDate(line2.slice(0, 6), line2.charAt(6), today, errors);
  const sex = readSex(line2.charAt(7), errors);
  const expiryDate = readExpiryDate(line2.slice(8, 14), line2.charAt(14), today, errors);
  const nationality = readState('nationality', line2.slice(15, 18), errors);
  errors.check(
    'composite',
    line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
    line2.charAt(29),
  );
  const name = parseName(line3);
  errors.items.push(...name.errors);
  return {
    format: 'TD1',
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
      optionalData: readText(optionalRest),
      optionalData2: readText(line2.slice(18, 29)),
    },
    errors: errors.items,
  };
}
