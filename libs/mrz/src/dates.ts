/**
 * MRZ dates are YYMMDD. The century is not written, so it is inferred against a reference "today"
 * (read in UTC so that a result does not depend on the machine's time zone).
 */

/** An expiry this many years or more after today is taken as the previous century instead. */
export const EXPIRY_MAX_YEARS_AHEAD = 50;

export interface MrzDate {
  /** ISO `YYYY-MM-DD`, or null when the date is unknown or invalid. */
  iso: string | null;
  /** Set when the field is not a date; a date marked unknown by fillers is not an error. */
  error?: string;
}

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function isoOf({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function todayOf(today: Date): YearMonthDay {
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
}

function compare(a: YearMonthDay, b: YearMonthDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Reads the digits and checks the calendar against a leap-year-neutral year first, so that a
 * 29 February is only rejected once the century is known.
 */
function readDigits(raw: string): { yy: number; month: number; day: number } | MrzDate {
  // ICAO 9303 Part 3 lets an unknown date, or its unknown month/day, be written as fillers.
  if (/^(?:<{6}|\d{2}<{4}|\d{4}<{2})$/.test(raw)) return { iso: null };
  if (!/^\d{6}$/.test(raw)) return { iso: null, error: `${raw} is not a date (YYMMDD digits expected)` };
  const yy = Number(raw.slice(0, 2));
  const month = Number(raw.slice(2, 4));
  const day = Number(raw.slice(4, 6));
  if (month < 1 || month > 12)
    return { iso: null, error: `${raw} is not a date: month ${raw.slice(2, 4)} does not exist` };
  if (day < 1 || day > daysInMonth(2000, month)) {
    return {
      iso: null,
      error: `${raw} is not a date: day ${raw.slice(4, 6)} does not exist in month ${raw.slice(2, 4)}`,
    };
  }
  return { yy, month, day };
}

function finish(raw: string, date: YearMonthDay): MrzDate {
  if (date.day > daysInMonth(date.year, date.month)) {
    return { iso: null, error: `${raw} is not a date: ${date.year} is not a leap year` };
  }
  return { iso: isoOf(date) };
}

/** A birth date is never in the future: a 2-digit year that would be goes to the previous century. */
export function parseBirthDate(raw: string, today: Date = new Date()): MrzDate {
  const digits = readDigits(raw);
  if ('iso' in digits) return digits;
  const now = todayOf(today);
  const century = Math.floor(now.year / 100) * 100;
  let date: YearMonthDay = { year: century + digits.yy, month: digits.month, day: digits.day };
  if (compare(date, now) > 0) date = { ...date, year: date.year - 100 };
  return finish(raw, date);
}

/**
 * Travel documents are valid for at most ~10 years, so an expiry is taken in the current century
 * unless that lands {@link EXPIRY_MAX_YEARS_AHEAD} years or more ahead of today (e.g. `961210` read
 * in 2025 is 1996, not 2096).
 */
export function parseExpiryDate(raw: string, today: Date = new Date()): MrzDate {
  const digits = readDigits(raw);
  if ('iso' in digits) return digits;
  const now = todayOf(today);
  const century = Math.floor(now.year / 100) * 100;
  let year = century + digits.yy;
  if (year - now.year >= EXPIRY_MAX_YEARS_AHEAD) year -= 100;
  else if (now.year - year > 100 - EXPIRY_MAX_YEARS_AHEAD) year += 100;
  return finish(raw, { year, month: digits.month, day: digits.day });
}
