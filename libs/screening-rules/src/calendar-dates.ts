// Calendar dates as the screening subject carries them: "YYYY-MM-DD" strings, no time of day, no time
// zone. Valid ISO dates of this shape order correctly as strings, so comparisons stay plain `<`.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BIRTH_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `value` is a real calendar date written "YYYY-MM-DD" (2025-02-29 is not). */
export function isCalendarDate(value: string | undefined): value is string {
  const match = value === undefined ? null : ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * `date` plus `months` calendar months; a day the target month lacks becomes its last day
 * (2024-08-31 plus 6 months is 2025-02-28).
 */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date: expected YYYY-MM-DD`);
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + Math.trunc(months);
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoOf(year, month, Math.min(Number(match[3]), daysInMonth(year, month)));
}

/** The span of days a birth date may stand for: one day, or a whole month or year at reduced precision. */
export interface BirthDateRange {
  earliest: string;
  latest: string;
  precision: 'day' | 'month' | 'year';
}

/**
 * Reads "YYYY-MM-DD", or the reduced precision "YYYY-MM" and "YYYY" (also written with `00` for the
 * unknown month or day), as the range of dates it may stand for; `undefined` when it is no such date.
 */
export function birthDateRange(value: string): BirthDateRange | undefined {
  const match = BIRTH_DATE.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 0 : Number(match[2]);
  const day = match[3] === undefined ? 0 : Number(match[3]);
  if (month > 12 || (month === 0 && day !== 0)) return undefined;
  if (month === 0) return { earliest: isoOf(year, 1, 1), latest: isoOf(year, 12, 31), precision: 'year' };
  const last = daysInMonth(year, month);
  if (day === 0)
    return { earliest: isoOf(year, month, 1), latest: isoOf(year, month, last), precision: 'month' };
  if (day > last) return undefined;
  const iso = isoOf(year, month, day);
  return { earliest: iso, latest: iso, precision: 'day' };
}

/** Completed years between `birth` and `on` (both "YYYY-MM-DD"); a 29 February birthday counts from 1 March. */
export function completedYears(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
