/**
 * The fields of a national list, as CSV column names and JSON Lines keys. Their position in this array
 * is the index the parser keeps each value under.
 */
export const NATIONAL_LIST_FIELDS = [
  'issuing_state',
  'document_type',
  'document_number',
  'status',
  'reported_on',
  'lost_on',
  'authority_reference',
  'series_prefix',
  'series_first',
  'series_last',
] as const;

export type NationalListField = (typeof NATIONAL_LIST_FIELDS)[number];

export const ISSUING_STATE = 0;
export const DOCUMENT_TYPE = 1;
export const DOCUMENT_NUMBER = 2;
export const STATUS = 3;
export const REPORTED_ON = 4;
export const LOST_ON = 5;
export const AUTHORITY_REFERENCE = 6;
export const SERIES_PREFIX = 7;
export const SERIES_FIRST = 8;
export const SERIES_LAST = 9;

export const FIELD_COUNT = NATIONAL_LIST_FIELDS.length;

/** Field name → index. */
export const FIELD_INDEX: ReadonlyMap<string, number> = new Map(
  NATIONAL_LIST_FIELDS.map((name, i) => [name, i]),
);

/** The most characters an `authority_reference` may have. */
export const MAX_AUTHORITY_REFERENCE_LENGTH = 100;

/**
 * The most letters and digits a document number (or a series bound with its prefix) may have in normal
 * form. ICAO 9303 numbers have 9, national formats up to 12; anything much longer is a shifted column.
 */
export const MAX_DOCUMENT_NUMBER_LENGTH = 24;
