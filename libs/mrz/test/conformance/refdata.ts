import type { Corpus } from './corpus.js';
import type { ConformanceCase } from './expectations.js';

export const REFDATA_CODES_FILE = 'refdata/icao_9303_codes_derived.csv';

/** ICAO_STATE_CODES was written from this file: it must still say the same. */
export function refdataCase(corpus: Corpus): ConformanceCase {
  const codes = corpus
    .read(REFDATA_CODES_FILE)
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',')[0] ?? '');
  return {
    source: REFDATA_CODES_FILE,
    name: 'ISO 3166-1 alpha-3 plus ICAO 9303 Part 3 codes',
    expect: { kind: 'stateCodes', exact: codes, count: codes.length },
  };
}
