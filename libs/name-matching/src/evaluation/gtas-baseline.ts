// The baseline the matcher is measured beside: matching as GTAS does it, in the form the issue states —
// Jaro–Winkler ≥ 0.95 between the full name strings (given names, then family name; upper case,
// diacritics removed by Unicode decomposition, no transliteration of other scripts), and birth years
// at most 3 apart (a side without a birth date does not rule a match out).
import type { PersonName } from '../name-parts.js';
import type { Traveller, WatchlistEntry } from '../matcher.js';
import { jaroWinkler } from '../jaro-winkler.js';
import { transliterate } from '../transliterate.js';

export const GTAS_BASELINE = Object.freeze({ nameSimilarity: 0.95, birthYears: 3 });

/** The full name as the baseline compares it. `transliterated`: through this library's transliteration. */
export function baselineName(name: PersonName, transliterated = false): string {
  const full = `${name.givenNames ?? ''} ${name.surname}`;
  if (transliterated) return transliterate(full);
  return full
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

const yearOf = (date: string | undefined) =>
  date === undefined || date === '' ? 0 : Number(date.slice(0, 4));

/**
 * Whether two strings' lengths allow Jaro–Winkler ≥ 0.95 at all (a bound, to skip the computation):
 * Jaro is at most (2 + shorter / longer) / 3, and Winkler's prefix adds at most 0.4 of what is left.
 */
function mayReach(a: string, b: string): boolean {
  const jaro = (2 + Math.min(a.length, b.length) / Math.max(a.length, b.length, 1)) / 3;
  return jaro + 0.4 * (1 - jaro) >= GTAS_BASELINE.nameSimilarity;
}

/** A watchlist held for the baseline: names as strings, entries by birth year. */
export class BaselineList {
  private readonly byYear = new Map<number, { id: string; names: string[] }[]>();

  constructor(
    entries: readonly WatchlistEntry[],
    private readonly transliterated = false,
  ) {
    for (const entry of entries) {
      const year = yearOf(entry.birthDate);
      const list = this.byYear.get(year) ?? [];
      list.push({ id: entry.id, names: entry.names.map((n) => baselineName(n, transliterated)) });
      this.byYear.set(year, list);
    }
  }

  /** Ids of the entries the baseline matches the traveller with. */
  match(traveller: Traveller): string[] {
    const name = baselineName(traveller, this.transliterated);
    const year = yearOf(traveller.birthDate);
    const years =
      year === 0
        ? [...this.byYear.keys()]
        : [
            0,
            ...Array.from(
              { length: 2 * GTAS_BASELINE.birthYears + 1 },
              (_, i) => year - GTAS_BASELINE.birthYears + i,
            ),
          ];
    const found: string[] = [];
    for (const y of years)
      for (const entry of this.byYear.get(y) ?? [])
        if (
          entry.names.some((n) => mayReach(n, name) && jaroWinkler(n, name) >= GTAS_BASELINE.nameSimilarity)
        )
          found.push(entry.id);
    return found;
  }

  /** Whether the baseline matches the traveller with this one entry. */
  static matchesEntry(entry: WatchlistEntry, traveller: Traveller, transliterated = false): boolean {
    const listed = yearOf(entry.birthDate);
    const year = yearOf(traveller.birthDate);
    if (listed !== 0 && year !== 0 && Math.abs(listed - year) > GTAS_BASELINE.birthYears) return false;
    const name = baselineName(traveller, transliterated);
    return entry.names.some(
      (n) => jaroWinkler(baselineName(n, transliterated), name) >= GTAS_BASELINE.nameSimilarity,
    );
  }
}
