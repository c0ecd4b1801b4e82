/**
 * EDIFACT dates and times (DTM, UNB, the legacy US DTM), read into ISO strings. The format is given by
 * a code (data element 2379) or, when a sender leaves it out, by the length of the value. Two-digit
 * years get their century against a reference year, which is the interchange's own preparation date
 * whenever there is one, so that reading an old manifest today gives the same answer as on the day.
 */

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Places a two-digit year. Birth and issue dates are never after the reference year, so a year that
 * would be goes to the previous century. Expiry and flight dates lie within 50 years either side.
 */
export function centuryOf(yy: number, kind: DateKind, referenceYear: number): number {
  const base = Math.floor(referenceYear / 100) * 100 + yy;
  if (kind === 'birth' || kind === 'issue') return base > referenceYear ? base - 100 : base;
  if (base > referenceYear + 49) return base - 100;
  if (base < referenceYear - 50) return base + 100;
  return base;
}

/**
 * Reads `value` written in format `format` (a 2379 code, or empty to go by length). The result is a
 * date for date-only formats and a local date-time (no zone: PAXLST times are local to the airport).
 */
export function readDate(value: string, format: string, kind: DateKind, referenceYear: number): DateReading {
  const code = format === '' ? BY_LENGTH[value.length] : format;
  const layout = code === undefined ? undefined : FORMATS[code];
  if (!layout) {
    return format === ''
      ? { ok: false, reason: `${JSON.stringify(value)} is not a date (6, 8, 10, 12 or 14 digits expected)` }
      : {
          ok: false,
          reason: `date format code ${format} is not supported (${KNOWN_DATE_FORMATS.join(', ')})`,
        };
  }
  if (!/^\d+$/.test(value) || value.length !== layout.length) {
    return { ok: false, reason: `${JSON.stringify(value)} does not match format ${code} (${layout.name})` };
  }
  let at = 0;
  const take = (width: number): number => Number(value.slice(at, (at += width)));
  const year = layout.century ? take(4) : centuryOf(take(2), kind, referenceYear);
  const month = take(2);
  const day = take(2);
  // ISO 8601's year 0000 (1 BC) is no date a manifest means, and no database column takes it.
  if (year < 1) return { ok: false, reason: `${value} is not a date: there is no year ${pad(year, 4)}` };
  if (month < 1 || month > 12)
    return { ok: false, reason: `${value} is not a date: there is no month ${pad(month)}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `${value} is not a date: ${year}-${pad(month)} has no day ${pad(day)}` };
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!layout.time) return { ok: true, iso: date };
  const hour = take(2);
  const minute = take(2);
  const second = layout.seconds ? take(2) : 0;
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `${value} is not a time of day: ${pad(hour)}:${pad(minute)}` };
  }
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
