/**
 * Code lists of the WCO/IATA/ICAO API PAXLST implementation guide (and the legacy US-EDIFACT guide)
 * that the mapper needs. Anything outside them is reported as an unknown qualifier, never guessed.
 */
import type { ListType, Sex, TravellerRole } from './types.js';

/** BGM 1001 document name codes. The raw code always travels with the mapped type. */
export const DOCUMENT_CODES: Readonly<Record<string, { listType: ListType; meaning: string }>> = {
  '745': { listType: 'passenger', meaning: 'passenger list' },
  '250': { listType: 'crew', meaning: 'crew list declaration' },
  '336': { listType: 'crew', meaning: 'master crew list' },
  '266': { listType: 'other', meaning: 'flight status / close-out notification' },
  '655': { listType: 'other', meaning: 'gate pass request' },
};

/** NAD 3035 party function codes for people on board; MS (reporting party) is handled apart. */
export const NAD_ROLES: Readonly<Record<string, TravellerRole>> = {
  FL: 'passenger',
  FM: 'crew',
  DDU: 'in-transit-passenger',
  DDT: 'in-transit-crew',
  COT: 'crew-other',
};

/** Legacy US PDT person status. */
export const PDT_ROLES: Readonly<Record<string, TravellerRole>> = {
  PAX: 'passenger',
  CRW: 'crew',
  ITI: 'in-transit-passenger',
};

/** ATT 9019 gender codes: M, F, U unknown, X unspecified. */
export const SEX_CODES: ReadonlySet<string> = new Set<Sex>(['M', 'F', 'U', 'X']);

/**
 * DOC 1001 travel document types in API guides: passport, visa, identity cards (I, A, C as in ICAO
 * 9303), crew member certificate (AC), passport card (IP), facilitation document (F), military (M),
 * refugee/re-entry travel document (T), pilot licence (L), US border crossing and similar cards (G, IN).
 */
export const DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  'P',
  'V',
  'I',
  'A',
  'C',
  'AC',
  'IP',
  'F',
  'M',
  'T',
  'L',
  'G',
  'IN',
]);

/** LOC 3227 qualifiers of a traveller (91 belongs to the document group). */
export const TRAVELLER_LOCATIONS = {
  embarkation: '178',
  disembarkation: '179',
  residence: '174',
  birthPlace: '180',
  clearance: '22',
  issuingState: '91',
} as const;

/** LOC qualifiers of a flight leg, UN and legacy US. */
export const LEG_LOCATIONS = {
  departure: new Set(['125', '5', '005']),
  arrival: new Set(['87', '8', '008']),
  /** UN 92: an airport of a multi-leg flight; the DTM after it says whether it is left or reached. */
  either: new Set(['92']),
  /** US PT: a progressive port, reached and then left. */
  through: new Set(['PT']),
} as const;

/** DTM 2005 qualifiers: UN 189/232, legacy US 136/132. */
export const LEG_TIMES = {
  departure: new Set(['189', '136']),
  arrival: new Set(['232', '132']),
} as const;

export const DATE_QUALIFIERS = { birth: '329', expiry: '36', issue: '182' } as const;

/** CNT 6069: 42 total passengers, 41 total crew. */
export const COUNT_QUALIFIERS: Readonly<Record<string, ListType>> = { '42': 'passenger', '41': 'crew' };

/** RFF 1153 qualifier of the seat; every other RFF on a traveller is a booking reference. */
export const SEAT_REFERENCE = 'SEA';

/** Segments that PAXLST allows but we do not map (baggage, employment, contacts, consignment…). */
export const IGNORED_TAGS: ReadonlySet<string> = new Set([
  'MEA',
  'FTX',
  'GEI',
  'EMP',
  'COM',
  'CTA',
  'QTY',
  'CPI',
  'GID',
  'GIR',
  'AUT',
  'TSR',
]);

/** Message versions we have conformance material or guides for. */
export const SUPPORTED_VERSIONS: ReadonlySet<string> = new Set(['D:02B', 'D:05B', 'D:12B', '001:000']);
