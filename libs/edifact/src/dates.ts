/**
 * EDIFACT dates and times (DTM, UNB, the legacy US DTM), read into ISO strings. The format is given by
 * a code (data element 2379) or, when a sender leaves it out, by the length of the value. Two-digit
 * years get their century against a reference year, which is the interchange's own preparation date
 * whenever there is one, so that reading an old manifest today gives the same answer as on the day.
 */

import { calendarDayProblem, timeOfDayProblem } from '@docscreen/input-values';

export type DateKind = 'birth' | 'issue' | 'expiry' | 'flight';

export type DateReading =
  { ok: true; /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` */ iso: string } | { ok: false; reason: string };

interface Layout {
  century: boolean;
  time: boolean;
  seconds: boolean;
  length: number;
  name: string;
}

/** Format codes (2379) used in PAXLST, and the layout each one means. */
const FORMATS: Record<string, Layout> = {
  '101': { century: false, time: false, seconds: false, length: 6, name: 'YYMMDD' },
  '102': { century: true, time: false, seconds: false, length: 8, name: 'CCYYMMDD' },
  '201': { century: false, time: true, seconds: false, length: 10, name: 'YYMMDDHHMM' },
  '202': { century: false, time: true, seconds: true, length: 12, name: 'YYMMDDHHMMSS' },
  '203': { century: true, time: true, seconds: false, length: 12, name: 'CCYYMMDDHHMM' },
  '204': { century: true, time: true, seconds: true, length: 14, name: 'CCYYMMDDHHMMSS' },
};

/** With no format code the length decides; 12 digits are taken as CCYYMMDDHHMM, the commoner of two. */
const BY_LENGTH: Record<number, string> = { 6: '101', 8: '102', 10: '201', 12: '203', 14: '204' };

export const KNOWN_DATE_FORMATS = Object.freeze(Object.keys(FORMATS));

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Where a two-digit year may lie, in years before and after the reference year. Birth and issue
 * dates are never after it, and a hundred years back is a unique century. A travel document expires
 * at most some ten years after issue (some identity cards thirty), and one that expired decades ago
 * is not what a carrier boards on: an expiry whose two-digit year fits neither century inside
 * [reference - 20, reference + 30] — `99` read in 2026 is 1999 or 2099 — cannot be placed safely and
 * is a defect, never silently 1999. Flights lie within 50 years either side (a flight date is
 * written in the interchange's own weeks; the window only keeps the arithmetic total).
 */
export const TWO_DIGIT_YEAR_WINDOWS: Readonly<Record<DateKind, { before: number; after: number }>> =
  Object.freeze({
    birth: { before: 99, after: 0 },
    issue: { before: 99, after: 0 },
    expiry: { before: 20, after: 30 },
    flight: { before: 50, after: 49 },
  });

/**
 * Places a two-digit year inside its kind's window around the reference year
 * ({@link TWO_DIGIT_YEAR_WINDOWS}); `undefined` when no century puts it there.
 */
export function centuryOf(yy: number, kind: DateKind, referenceYear: number): number | undefined {
  const { before, after } = TWO_DIGIT_YEAR_WINDOWS[kind];
  const base = Math.floor(referenceYear / 100) * 100 + yy;
  for (const year of [base, base - 100, base + 100]) {
    if (year >= referenceYear - before && year <= referenceYear + after) return year;
  }
  return undefined;
}

const KIND_NAMES: Record<DateKind, string> = {
  birth: 'a birth date',
  issue: 'an issue date',
  expiry: 'an expiry date',
  flight: 'a flight date',
};

/**
 * Reads `value` written in format `format` (a 2379 code, or empty to go by length). The result is a
 * date for date-only formats and a local date-time (no zone: PAXLST times are local to the airport).
 * The calendar is @docscreen/input-values', as for every date a client sends; a reason names what is
 * wrong and never repeats the value (it may be a birth date, and defects end up in receipts).
 */
export function readDate(value: string, format: string, kind: DateKind, referenceYear: number): DateReading {
  const code = format === '' ? BY_LENGTH[value.length] : format;
  const layout = code === undefined ? undefined : FORMATS[code];
  if (!layout) {
    return format === ''
      ? {
          ok: false,
          reason: `is not a date: ${value.length} characters (6, 8, 10, 12 or 14 digits expected)`,
        }
      : {
          ok: false,
          reason: `is in date format ${format}, which is not supported (${KNOWN_DATE_FORMATS.join(', ')})`,
        };
  }
  if (!/^\d+$/.test(value) || value.length !== layout.length) {
    return {
      ok: false,
      reason: `does not match format ${code} (${layout.name}): ${layout.length} digits expected`,
    };
  }
  let at = 0;
  const take = (width: number): number => Number(value.slice(at, (at += width)));
  const yy = layout.century ? undefined : take(2);
  const year = yy === undefined ? take(4) : centuryOf(yy, kind, referenceYear);
  if (year === undefined) {
    const { before, after } = TWO_DIGIT_YEAR_WINDOWS[kind];
    return {
      ok: false,
      reason:
        `cannot be placed: no century puts the two-digit year ${pad(yy ?? 0)} of ${KIND_NAMES[kind]} ` +
        `within ${before} years before and ${after} after ${referenceYear}; send the year with its century (format 102)`,
    };
  }
  const month = take(2);
  const day = take(2);
  const dayProblem = calendarDayProblem(year, month, day);
  if (dayProblem) return { ok: false, reason: `is not a date: ${dayProblem}` };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!layout.time) return { ok: true, iso: date };
  const hour = take(2);
  const minute = take(2);
  const timeProblem = timeOfDayProblem(hour, minute, layout.seconds ? take(2) : 0);
  if (timeProblem) return { ok: false, reason: `is not a time of day: ${timeProblem}` };
  return { ok: true, iso: `${date}T${pad(hour)}:${pad(minute)}` };
}

/**
 * The year an interchange was prepared, from UNB's date (YYMMDD, or CCYYMMDD in syntax 4). EDIFACT
 * dates from 1987, so two-digit years 70–99 are 19xx and the rest 20xx, and a four-digit year before
 * 1970 is no preparation date (placed against it, a two-digit birth year could land before year 1).
 */
export function interchangeYear(value: string): number | undefined {
  if (/^\d{8}$/.test(value)) {
    const year = Number(value.slice(0, 4));
    return year >= 1970 ? year : undefined;
  }
  if (!/^\d{6}$/.test(value)) return undefined;
  const yy = Number(value.slice(0, 2));
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}
