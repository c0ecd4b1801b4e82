/** Calendar dates as "YYYY-MM-DD" strings, without time zones. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid "YYYY-MM-DD" date; `undefined` otherwise (incl. reduced precision). */
export function dayNumber(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const match = DATE.exec(date.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return time / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); `undefined` if either is not a date. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}
