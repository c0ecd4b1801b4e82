// Calendar dates as `YYYY-MM-DD` strings, checked and made without `Date` objects or regular
// expressions: the parser checks two dates a line, the generator makes them by the million.
import { isCalendarDate } from '@docscreen/input-values';

// Math functions as module constants: global lookups are slow inside vm contexts (Jest), and this code
// runs per line.
const { floor } = Math;

/** Whether `value` is exactly a calendar date `YYYY-MM-DD` (years 0001–9999): the one reading every API uses. */
export const isIsoDate = isCalendarDate;

/** Today's date in UTC, `YYYY-MM-DD`. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` date. */
export function daysOf(date: string): number {
  const time = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  time.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(time.getTime() / 86_400_000);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** The `YYYY-MM-DD` date `days` days after 1970-01-01 (civil-from-days, no `Date` allocated). */
export function dateOfDays(days: number): string {
  const z = days + 719_468; // days since 0000-03-01
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const shiftedMonth = floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year >= 1000 ? year : `${year}`.padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}
