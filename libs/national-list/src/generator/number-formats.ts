// Illustrative document number formats for synthetic national lists. They resemble the shapes real
// issuers use (length, where letters and digits go) but are NOT authoritative descriptions of any
// state's numbering, carry no check digits and must never be used to validate real documents.

// Math functions as module constants: global lookups are slow inside vm contexts (Jest), and this code
// runs per line.
const { floor } = Math;

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS_NO_O = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
const GERMAN = 'CFGHJKLMNPRTVWXYZ'; // the letters of German document numbers
const SPANISH_DNI = 'TRWAGMYFPDXBNJZSQVHLCKE'; // the letters of the Spanish DNI check letter

function times(alphabet: string, count: number): string[] {
  return Array.from({ length: count }, () => alphabet);
}

/**
 * The number format of one (issuing state, document type) in a synthetic list.
 *
 * Records draw each character from `positions`, except that no record has `series.char` at
 * `series.position`: that character marks the numbers of the state's blank series, so a generated
 * record never lies inside a generated series. Series numbers are a prefix (the positions before the
 * last `series.digits`, with the marker in place) followed by `series.digits` digits.
 */
export interface NumberFormat {
  issuingState: string;
  /** The code written in the list: `P`, `I` or `V`. */
  documentCode: 'P' | 'I' | 'V';
  /** Relative share of the list's records. */
  weight: number;
  /** The characters each position of a record's number may hold. */
  positions: readonly string[];
  /** How the format's blank series look; absent when its numbers do not end in enough digits. */
  series?: { position: number; char: string; digits: number };
  /** A short description for humans, e.g. `2 letters, 7 digits`. */
  shape: string;
}

function format(
  issuingState: string,
  documentCode: 'P' | 'I' | 'V',
  weight: number,
  shape: string,
  positions: string[],
  series?: { position: number; char: string; digits: number },
): NumberFormat {
  return series === undefined
    ? { issuingState, documentCode, weight, positions, shape }
    : { issuingState, documentCode, weight, positions, series, shape };
}

/**
 * The formats, one per (state, type). Within a state, the formats are pairwise disjoint (by length or
 * by a position whose alphabets do not meet), so a number is listed under at most one of them.
 */
export const NUMBER_FORMATS: readonly NumberFormat[] = [
  // Passports.
  format(
    'NLD',
    'P',
    6,
    '2 letters, 6 letters or digits, 1 digit; no letter O',
    [...times(LETTERS_NO_O, 2), ...times(LETTERS_NO_O + DIGITS, 6), DIGITS],
    { position: 0, char: 'X', digits: 6 },
  ),
  format(
    'D',
    'P',
    10,
    '9 of CFGHJKLMNPRTVWXYZ0-9, first C, F, G, H, J or K',
    ['CFGHJK', ...times(GERMAN + DIGITS, 8)],
    { position: 0, char: 'C', digits: 6 },
  ),
  format('USA', 'P', 12, '9 digits', times(DIGITS, 9), { position: 0, char: '0', digits: 6 }),
  format('GBR', 'P', 8, '9 digits', times(DIGITS, 9), { position: 0, char: '0', digits: 6 }),
  format(
    'FRA',
    'P',
    6,
    '2 digits, 2 letters, 5 digits',
    [...times(DIGITS, 2), ...times(LETTERS, 2), ...times(DIGITS, 5)],
    { position: 0, char: '0', digits: 5 },
  ),
  format('ITA', 'P', 5, '2 letters, 7 digits', [...times(LETTERS, 2), ...times(DIGITS, 7)], {
    position: 2,
    char: '0',
    digits: 6,
  }),
  format('ESP', 'P', 4, '3 letters, 6 digits', [...times(LETTERS, 3), ...times(DIGITS, 6)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  format('CAN', 'P', 3, '2 letters, 6 digits', [...times(LETTERS, 2), ...times(DIGITS, 6)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  format('AUS', 'P', 3, '2 letters, 7 digits', [...times(LETTERS, 2), ...times(DIGITS, 7)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  format('IND', 'P', 7, '1 letter, 7 digits', [LETTERS, ...times(DIGITS, 7)], {
    position: 1,
    char: '0',
    digits: 6,
  }),
  // Blank series start with G (as older passports did), so records keep the whole E space.
  format('CHN', 'P', 8, 'E, 8 digits', ['EG', ...times(DIGITS, 8)], { position: 0, char: 'G', digits: 6 }),
  format('BRA', 'P', 4, '2 letters, 6 digits', [...times(LETTERS, 2), ...times(DIGITS, 6)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  format('MEX', 'P', 3, '1 letter, 8 digits', [LETTERS, ...times(DIGITS, 8)], {
    position: 1,
    char: '0',
    digits: 6,
  }),
  format('JPN', 'P', 4, '2 letters, 7 digits', [...times(LETTERS, 2), ...times(DIGITS, 7)], {
    position: 2,
    char: '0',
    digits: 6,
  }),
  format('BEL', 'P', 3, '2 letters, 6 digits', [...times(LETTERS, 2), ...times(DIGITS, 6)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  format('POL', 'P', 3, '2 letters, 7 digits', [...times(LETTERS, 2), ...times(DIGITS, 7)], {
    position: 2,
    char: '0',
    digits: 6,
  }),
  format('CHE', 'P', 2, '1 letter, 7 digits', [LETTERS, ...times(DIGITS, 7)], {
    position: 1,
    char: '0',
    digits: 6,
  }),
  format('RUS', 'P', 3, '9 digits', times(DIGITS, 9), { position: 0, char: '0', digits: 6 }),
  format('TUR', 'P', 2, 'U, 8 digits', ['U', ...times(DIGITS, 8)], { position: 1, char: '0', digits: 6 }),
  format('NGA', 'P', 2, 'A, 8 digits', ['A', ...times(DIGITS, 8)], { position: 1, char: '0', digits: 6 }),
  format('ZAF', 'P', 1, 'M, 8 digits', ['M', ...times(DIGITS, 8)], { position: 1, char: '0', digits: 6 }),
  format('UKR', 'P', 2, '2 letters, 6 digits', [...times(LETTERS, 2), ...times(DIGITS, 6)], {
    position: 0,
    char: 'Z',
    digits: 6,
  }),
  // Identity cards.
  format(
    'D',
    'I',
    4,
    '9 of CFGHJKLMNPRTVWXYZ0-9, first L, M, N, P, R, T, V, W, X or Y',
    ['LMNPRTVWXY', ...times(GERMAN + DIGITS, 8)],
    { position: 0, char: 'L', digits: 6 },
  ),
  format('FRA', 'I', 2, '12 digits', times(DIGITS, 12), { position: 0, char: '0', digits: 6 }),
  format('ITA', 'I', 1, 'C, A, 5 digits, 2 letters', ['C', 'A', ...times(DIGITS, 5), ...times(LETTERS, 2)]),
  format('ESP', 'I', 3, '8 digits, 1 letter', [...times(DIGITS, 8), SPANISH_DNI]),
  format('BEL', 'I', 3, '12 digits', times(DIGITS, 12), { position: 0, char: '0', digits: 6 }),
  format('PRT', 'I', 2, '9 digits, 2 letters, 1 digit', [...times(DIGITS, 9), ...times(LETTERS, 2), DIGITS]),
  // Visas.
  format('USA', 'V', 3, '8 digits', times(DIGITS, 8), { position: 0, char: '0', digits: 6 }),
  format('FRA', 'V', 1, 'FRA, 9 digits', ['F', 'R', 'A', ...times(DIGITS, 9)], {
    position: 3,
    char: '0',
    digits: 6,
  }),
  format('ITA', 'V', 1, 'ITA, 9 digits', ['I', 'T', 'A', ...times(DIGITS, 9)], {
    position: 3,
    char: '0',
    digits: 6,
  }),
];

/** Numbers of one generated series fit in one block of this many; series sizes are at most this. */
export const SERIES_BLOCK = 5000;

/** A format made ready for encoding: alphabets, place values and the sizes of its spaces. */
export class CompiledFormat {
  /** The record alphabet of each position (the series marker removed). */
  readonly recordAlphabets: readonly string[];
  /** How many distinct record numbers there are. */
  readonly recordSpace: number;
  private readonly recordPlaces: Float64Array;
  /** Prefix alphabets of a series, marker fixed; undefined without series. */
  readonly seriesPrefixAlphabets: readonly string[] | undefined;
  private readonly seriesPrefixPlaces: Float64Array | undefined;
  /** Distinct series prefixes × blocks per prefix: how many disjoint series the format can have. */
  readonly seriesCapacity: number;
  /** Blocks per prefix. */
  readonly seriesBlocks: number;

  constructor(readonly definition: NumberFormat) {
    const { positions, series } = definition;
    this.recordAlphabets = positions.map((alphabet, position) =>
      series !== undefined && position === series.position ? alphabet.replace(series.char, '') : alphabet,
    );
    [this.recordPlaces, this.recordSpace] = places(this.recordAlphabets);
    if (series === undefined) {
      this.seriesCapacity = 0;
      this.seriesBlocks = 0;
      return;
    }
    const prefixLength = positions.length - series.digits;
    if (series.position >= prefixLength)
      throw new Error(`${definition.issuingState}: series marker outside the prefix`);
    if (!(positions[series.position] ?? '').includes(series.char)) {
      throw new Error(`${definition.issuingState}: series marker not in the position's alphabet`);
    }
    this.seriesPrefixAlphabets = positions
      .slice(0, prefixLength)
      .map((alphabet, position) => (position === series.position ? series.char : alphabet));
    let prefixSpace: number;
    [this.seriesPrefixPlaces, prefixSpace] = places(this.seriesPrefixAlphabets);
    this.seriesBlocks = floor(10 ** series.digits / SERIES_BLOCK);
    this.seriesCapacity = prefixSpace * this.seriesBlocks;
  }

  /** The record number with index `value` in [0, recordSpace). */
  recordNumber(value: number): string {
    return encode(value, this.recordAlphabets, this.recordPlaces);
  }

  /** The series prefix with index `value` in [0, seriesCapacity / seriesBlocks). */
  seriesPrefix(value: number): string {
    return encode(value, this.seriesPrefixAlphabets ?? [], this.seriesPrefixPlaces ?? new Float64Array(0));
  }
}

/** Place values (last position least significant) and the number of combinations. */
function places(alphabets: readonly string[]): [Float64Array, number] {
  const result = new Float64Array(alphabets.length);
  let place = 1;
  for (let position = alphabets.length - 1; position >= 0; position--) {
    result[position] = place;
    place *= alphabets[position]?.length ?? 1;
  }
  return [result, place];
}

function encode(value: number, alphabets: readonly string[], placeValues: Float64Array): string {
  let out = '';
  for (let position = 0; position < alphabets.length; position++) {
    const alphabet = alphabets[position] ?? '';
    const digit = floor(value / (placeValues[position] ?? 1)) % alphabet.length;
    out += alphabet[digit];
  }
  return out;
}
