// Document number formats by issuing state and document type: reference data each state imports
// (`parseNumberFormatTable` reads and checks an import), used by the issuing-authority check.
import { DOCUMENT_TYPES } from '@docscreen/travel-documents';
import type { DocumentTypeName } from '@docscreen/travel-documents';
import { isCalendarDate } from './calendar-dates.js';
import { canonicalStateCode } from './integrity-check-support.js';

export interface NumberFormat {
  /** ICAO 9303 code of the issuing state (`D` for Germany). */
  issuingState: string;
  documentType: DocumentTypeName;
  /** Regular expression source, anchored with `^…$`, matched against the normalised number. */
  pattern: string;
  /** For people: what the format looks like, e.g. "9 digits". */
  description: string;
  /** "YYYY-MM-DD": the format applies to documents issued on or after this date. */
  since?: string | undefined;
}

export interface NumberFormatTable {
  version: string;
  formats: NumberFormat[];
}

/** Thrown by `parseNumberFormatTable`; the message names the entry and field at fault. */
export class NumberFormatTableError extends Error {
  override readonly name = 'NumberFormatTableError';
}

const TYPES: ReadonlySet<string> = new Set(DOCUMENT_TYPES);
const FIELDS: ReadonlySet<string> = new Set([
  'issuingState',
  'documentType',
  'pattern',
  'description',
  'since',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredText(entry: Record<string, unknown>, field: string, at: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new NumberFormatTableError(`${at}.${field}: a non-empty string is required`);
  }
  return value;
}

function parseEntry(value: unknown, at: string): NumberFormat {
  if (!isRecord(value)) throw new NumberFormatTableError(`${at}: an object is expected`);
  const unknown = Object.keys(value).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) throw new NumberFormatTableError(`${at}.${unknown}: unknown field`);
  const issuingState = requiredText(value, 'issuingState', at);
  if (!/^[A-Z]{1,3}$/.test(issuingState)) {
    throw new NumberFormatTableError(
      `${at}.issuingState: an ICAO 9303 code of 1 to 3 capital letters is expected`,
    );
  }
  const documentType = requiredText(value, 'documentType', at);
  if (!TYPES.has(documentType)) {
    throw new NumberFormatTableError(`${at}.documentType: expected one of ${DOCUMENT_TYPES.join(', ')}`);
  }
  const pattern = requiredText(value, 'pattern', at);
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    throw new NumberFormatTableError(`${at}.pattern: the pattern must be anchored with ^ and $`);
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NumberFormatTableError(`${at}.pattern: not a valid regular expression (${reason})`);
  }
  const description = requiredText(value, 'description', at);
  const since = value['since'];
  if (since !== undefined && (typeof since !== 'string' || !isCalendarDate(since))) {
    throw new NumberFormatTableError(`${at}.since: a calendar date "YYYY-MM-DD" is expected`);
  }
  return {
    issuingState,
    documentType: documentType as DocumentTypeName,
    pattern,
    description,
    ...(since === undefined ? {} : { since }),
  };
}

/**
 * Reads a number format table from parsed JSON, e.g. a state's import.
 *
 * @throws NumberFormatTableError naming the entry and field at fault, e.g. `formats[3].pattern: …`.
 */
export function parseNumberFormatTable(json: unknown): NumberFormatTable {
  if (!isRecord(json)) throw new NumberFormatTableError('table: an object { version, formats } is expected');
  const version = json['version'];
  if (typeof version !== 'string' || version.trim() === '') {
    throw new NumberFormatTableError('version: a non-empty string is required');
  }
  const formats = json['formats'];
  if (!Array.isArray(formats)) throw new NumberFormatTableError('formats: an array is expected');
  return { version, formats: formats.map((entry: unknown, index) => parseEntry(entry, `formats[${index}]`)) };
}

/**
 * The formats of one issuer (`D` and `DEU` alike) and type that documents issued on `issueDate`
 * (when known) may have.
 */
export function formatsFor(
  table: NumberFormatTable,
  issuingState: string,
  documentType: DocumentTypeName,
  issueDate?: string,
): NumberFormat[] {
  const state = canonicalStateCode(issuingState);
  return table.formats.filter(
    (format) =>
      canonicalStateCode(format.issuingState) === state &&
      format.documentType === documentType &&
      (format.since === undefined || issueDate === undefined || format.since <= issueDate),
  );
}

const compiled = new WeakMap<NumberFormat, RegExp>();

/** Whether a normalised document number has the format (the whole number, whatever the alternation). */
export function matchesFormat(format: NumberFormat, number: string): boolean {
  let regex = compiled.get(format);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${format.pattern})$`, 'u');
    compiled.set(format, regex);
  }
  return regex.test(number);
}

function format(
  issuingState: string,
  documentType: DocumentTypeName,
  pattern: string,
  description: string,
): NumberFormat {
  return { issuingState, documentType, pattern, description };
}

const NLD = ['^[A-NP-Z0-9]{9}$', '9 letters and digits, never the letter O'] as const;
const D = [
  '^[CFGHJKLMNPRTVWXYZ0-9]{9}$',
  '9 characters from C F G H J K L M N P R T V W X Y Z and 0-9',
] as const;

/**
 * ILLUSTRATIVE reference data: passport number formats that are public knowledge for a dozen
 * states, written from their published descriptions. It stands in until each deploying state
 * imports the formats it has agreed with the issuers (and replaces this table as a whole); it is
 * not authoritative and leaves older series out.
 */
export const DEFAULT_NUMBER_FORMATS: NumberFormatTable = {
  version: 'illustrative-1',
  formats: [
    format('NLD', 'PASSPORT', ...NLD),
    format('NLD', 'IDENTITY_CARD', ...NLD),
    format('D', 'PASSPORT', ...D),
    format('D', 'IDENTITY_CARD', ...D),
    format('USA', 'PASSPORT', '^(?:[0-9]{9}|[A-Z][0-9]{8})$', '9 digits, or a letter and 8 digits'),
    format('GBR', 'PASSPORT', '^[0-9]{9}$', '9 digits'),
    format('FRA', 'PASSPORT', '^[0-9]{2}[A-Z]{2}[0-9]{5}$', '2 digits, 2 letters, 5 digits'),
    format('BEL', 'PASSPORT', '^[A-Z]{2}[0-9]{6}$', '2 letters, 6 digits'),
    format('ITA', 'PASSPORT', '^[A-Z]{2}[0-9]{7}$', '2 letters, 7 digits'),
    format('ESP', 'PASSPORT', '^[A-Z]{3}[0-9]{6}$', '3 letters, 6 digits'),
    format('CAN', 'PASSPORT', '^[A-Z]{2}[0-9]{6}$', '2 letters, 6 digits'),
    format('AUS', 'PASSPORT', '^[A-Z]{1,2}[0-9]{7}$', '1 or 2 letters, 7 digits'),
    format('IND', 'PASSPORT', '^[A-Z][0-9]{7}$', 'a letter, 7 digits'),
    format('CHE', 'PASSPORT', '^[A-Z][0-9]{7}$', 'a letter, 7 digits'),
    // The ICAO Doc 9303 specimens: passport L898902C3, identity card D23145890.
    format(
      'UTO',
      'PASSPORT',
      '^[A-Z][0-9]{6}[A-Z][0-9]$',
      'as the ICAO specimen: letter, 6 digits, letter, digit',
    ),
    format('UTO', 'IDENTITY_CARD', '^[A-Z][0-9]{8}$', 'as the ICAO specimen: a letter, 8 digits'),
  ],
};
