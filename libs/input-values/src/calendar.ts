/**
 * The one check of every date and time a client sends: JSON manifests and interactive queries,
 * registry records and national lists, operators' requests, and PAXLST once its own formats are read
 * (libs/edifact). A date is a day of the proleptic Gregorian calendar, years 0001–9999, written
 * `YYYY-MM-DD`; a local date-time adds a time of day `THH:mm` (00:00–23:59, no zone: airport local
 * time, as in schedules). Reasons name what does not exist ("there is no month 13") and never repeat
 * the value: a date may be a birth date, which must not end up in a receipt or a log.
 *
 * Checked with character codes, without `Date` or regular expressions: national lists check two dates
 * a line, by the million.
 */

export type CalendarReading = { ok: true; value: string } | { ok: false; reason: string };

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Why year, month and day name no day of the calendar; `undefined` when they do. */
export function calendarDayProblem(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return `there is no year ${pad(year, 4)}`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `there is no month ${pad(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    const leap = month === 2 && day === 29 ? ' (not a leap year)' : '';
    return `month ${pad(month)} has no day ${pad(day)}${leap}`;
  }
  return undefined;
}

/** Why hour, minute (and second) name no time of day; `undefined` when they do. */
export function timeOfDayProblem(hour: number, minute: number, second = 0): string | undefined {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return `there is no hour ${pad(hour)}`;
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) return `there is no minute ${pad(minute)}`;
  if (!Number.isInteger(second) || second < 0 || second > 59) return `there is no second ${pad(second)}`;
  return undefined;
}

/** The number written with `width` ASCII digits at `at`, or -1. */
function digitsAt(value: string, at: number, width: number): number {
  let n = 0;
  for (let i = at; i < at + width; i++) {
    const d = value.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD` at the start of `value` (its shape only), or undefined. */
function dateShape(value: string): DateParts | undefined {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : { year, month, day };
}

/** Whether `value` is exactly a calendar date `YYYY-MM-DD` (years 0001–9999). */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10) return false;
  const parts = dateShape(value);
  return parts !== undefined && calendarDayProblem(parts.year, parts.month, parts.day) === undefined;
}

/** Reads a calendar date `YYYY-MM-DD`; the reason says what is wrong with it, never what it was. */
export function readCalendarDate(value: string): CalendarReading {
  const parts = value.length === 10 ? dateShape(value) : undefined;
  if (!parts) return { ok: false, reason: 'must be a date YYYY-MM-DD' };
  const problem = calendarDayProblem(parts.year, parts.month, parts.day);
  return problem ? { ok: false, reason: `is not a calendar date: ${problem}` } : { ok: true, value };
}

/** Reads a local date-time `YYYY-MM-DDTHH:mm` (no seconds, no zone). */
export function readLocalDateTime(value: string): CalendarReading {
  const parts =
    value.length === 16 && value.charCodeAt(10) === 84 && value.charCodeAt(13) === 58
      ? dateShape(value)
      : undefined;
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  if (!parts || hour < 0 || minute < 0) {
    return { ok: false, reason: 'must be a local date and time YYYY-MM-DDTHH:mm' };
  }
  const problem = calendarDayProblem(parts.year, parts.month, parts.day) ?? timeOfDayProblem(hour, minute);
  return problem ? { ok: false, reason: `is not a date and time of day: ${problem}` } : { ok: true, value };
}
