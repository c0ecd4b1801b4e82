import type { MrzError } from './types.js';

export interface MrzName {
  surname: string;
  givenNames: string;
  errors: MrzError[];
}

function readable(part: string): string {
  return part.replace(/</g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * ICAO 9303 Part 3: the primary identifier (surname) comes first, `<<` separates it from the
 * secondary identifier (given names), a single `<` separates name components, `<` pads the rest.
 */
export function parseName(raw: string): MrzName {
  const separator = raw.indexOf('<<');
  const surnamePart = separator === -1 ? raw : raw.slice(0, separator);
  const givenPart = separator === -1 ? '' : raw.slice(separator + 2);
  const surname = readable(surnamePart);
  const givenNames = readable(givenPart);
  const errors: MrzError[] = [];
  // Digits in a name are an OCR slip (5 for S, 1 for I) more often than a real name.
  if (/[^A-Z<]/.test(surnamePart)) {
    errors.push({
      field: 'surname',
      message: `surname ${surnamePart.replace(/<+$/, '')} contains characters other than A-Z`,
    });
  }
  if (/[^A-Z<]/.test(givenPart)) {
    errors.push({
      field: 'givenNames',
      message: `given names ${givenPart.replace(/<+$/, '')} contain characters other than A-Z`,
    });
  }
  if (surname === '' && givenNames === '') {
    errors.push({ field: 'surname', message: 'name field is empty' });
  }
  return { surname, givenNames, errors };
}
