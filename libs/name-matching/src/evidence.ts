import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import type { MatchingParameters } from './matching-parameters.js';

// Evidence beside the name: birth date, sex, nationality, document. Each gives a named verdict and the
// adjustment it makes to the name score, for the explanation.

/**
 * A birth date as a number: year × 10000 + month × 100 + day, month and day 0 when not known
 * (1980-05 is 19800500, 1980 is 19800000); 0 when there is no date at all.
 */
export type DateCode = number;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$/;

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `00` or `XX` for a month or day not known (as lists write
 * them). `undefined` or `''` is no date (0).
 *
 * @throws RangeError for anything else, or a month or day out of range.
 */
export function parseBirthDate(value: string | undefined): DateCode {
  if (value === undefined || value.trim() === '') return 0;
  const match = PARTIAL_DATE.exec(value.trim());
  if (match === null)
    throw new RangeError(`invalid birth date ${JSON.stringify(value)}: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = match[2] === undefined || match[2] === 'XX' ? 0 : Number(match[2]);
  const day = month === 0 || match[3] === undefined || match[3] === 'XX' ? 0 : Number(match[3]);
  const valid =
    year >= 1800 && month <= 12 && (day === 0 || day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
  if (!valid) throw new RangeError(`invalid birth date ${JSON.stringify(value)}`);
  return year * 10000 + month * 100 + day;
}

/** The date back as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `undefined` for none. */
export function formatBirthDate(code: DateCode): string | undefined {
  if (code === 0) return undefined;
  const year = Math.floor(code / 10000);
  const month = Math.floor(code / 100) % 100;
  const day = code % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return month === 0
    ? String(year)
    : day === 0
      ? `${year}-${two(month)}`
      : `${year}-${two(month)}-${two(day)}`;
}

export const yearOf = (code: DateCode): number => Math.floor(code / 10000);

export type BirthDateVerdict =
  | 'exact'
  | 'same-year-month'
  | 'same-year'
  | 'within-years'
  | 'transposed'
  | 'day-differs'
  | 'month-differs'
  | 'contradicts'
  | 'unknown';

export interface BirthDateEvidence {
  readonly verdict: BirthDateVerdict;
  readonly listed?: string;
  readonly traveller?: string;
  /** Years apart, where the list gives only the year. */
  readonly yearsApart?: number;
  readonly adjustment: number;
}

/** What the birth dates say, as precisely as the less precise of the two allows. */
export function compareBirthDates(
  listed: DateCode,
  traveller: DateCode,
  p: MatchingParameters,
): BirthDateEvidence {
  const dates = { listed: formatBirthDate(listed), traveller: formatBirthDate(traveller) };
  const verdict = (v: BirthDateVerdict, adjustment: number, yearsApart?: number): BirthDateEvidence =>
    yearsApart === undefined
      ? { verdict: v, ...dates, adjustment }
      : { verdict: v, ...dates, yearsApart, adjustment };
  if (listed === 0 || traveller === 0) return verdict('unknown', p.birthDate.unknown);
  const b = p.birthDate;
  const [y1, m1, d1] = [yearOf(listed), Math.floor(listed / 100) % 100, listed % 100];
  const [y2, m2, d2] = [yearOf(traveller), Math.floor(traveller / 100) % 100, traveller % 100];
  if (m1 === 0 || m2 === 0) {
    const apart = Math.abs(y1 - y2);
    if (apart === 0) return verdict('same-year', b.sameYear, 0);
    if (apart <= b.yearTolerance) return verdict('within-years', -b.perYearApart * apart, apart);
    return verdict('contradicts', b.contradicts, apart);
  }
  if (y1 !== y2) return verdict('contradicts', b.contradicts);
  if (d1 === 0 || d2 === 0)
    return m1 === m2 ? verdict('same-year-month', b.sameYearMonth) : verdict('month-differs', b.monthDiffers);
  if (m1 === m2) return d1 === d2 ? verdict('exact', b.exact) : verdict('day-differs', b.dayDiffers);
  if (m1 === d2 && d1 === m2) return verdict('transposed', b.transposed);
  return verdict('month-differs', b.monthDiffers);
}

export type Sex = 'M' | 'F' | 'X';

/** `M`, `F` or `X`; anything else (`U`, `<`, empty) is not known. */
export function readSex(value: string | undefined): Sex | undefined {
  const v = value?.trim().toUpperCase();
  return v === 'M' || v === 'F' || v === 'X' ? v : undefined;
}

export interface SexEvidence {
  readonly verdict: 'same' | 'different' | 'unknown';
  readonly adjustment: number;
}

export function compareSex(
  listed: Sex | undefined,
  traveller: Sex | undefined,
  p: MatchingParameters,
): SexEvidence {
  // X (unspecified) says nothing either way.
  if (listed === undefined || traveller === undefined || listed === 'X' || traveller === 'X')
    return { verdict: 'unknown', adjustment: 0 };
  return listed === traveller
    ? { verdict: 'same', adjustment: p.sex.same }
    : { verdict: 'different', adjustment: p.sex.different };
}

export interface NationalityEvidence {
  readonly verdict: 'shared' | 'different' | 'unknown';
  readonly adjustment: number;
}

/** A nationality in normal form: upper case, no MRZ fillers (`D<<` is `D`), `''` when empty. */
export function readNationality(value: string): string {
  return value.trim().toUpperCase().replace(/<+$/, '');
}

export function compareNationality(
  listed: readonly string[],
  traveller: string | undefined,
  p: MatchingParameters,
): NationalityEvidence {
  if (listed.length === 0 || traveller === undefined || traveller === '')
    return { verdict: 'unknown', adjustment: 0 };
  return listed.includes(traveller)
    ? { verdict: 'shared', adjustment: p.nationality.shared }
    : { verdict: 'different', adjustment: p.nationality.different };
}

/** A document of a listed person, or of a traveller. */
export interface PersonDocument {
  readonly number: string;
  readonly issuingState?: string;
}

export interface DocumentEvidence {
  readonly verdict: 'same' | 'none';
  readonly adjustment: number;
}

/** `STATE:NUMBER` (or `:NUMBER` with no state) in normal form; `''` when the number is unreadable. */
export function documentToken(document: PersonDocument): string {
  const number = normaliseDocumentNumber(document.number);
  return number === '' ? '' : `${readNationality(document.issuingState ?? '')}:${number}`;
}

/** The traveller carries a listed document (same number; same issuing state where both give one). */
export function compareDocuments(
  listed: readonly string[],
  traveller: readonly string[],
  p: MatchingParameters,
): DocumentEvidence {
  for (const t of traveller) {
    const cut = t.indexOf(':');
    if (cut === -1) continue;
    for (const l of listed) {
      const at = l.indexOf(':');
      const sameNumber = l.length - at === t.length - cut && l.endsWith(t.slice(cut));
      const states = [l.slice(0, at), t.slice(0, cut)];
      if (sameNumber && (states[0] === '' || states[1] === '' || states[0] === states[1]))
        return { verdict: 'same', adjustment: p.document.same };
    }
  }
  return { verdict: 'none', adjustment: 0 };
}
