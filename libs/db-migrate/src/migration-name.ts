/**
 * Migration folder names: `YYYYMMDDHHMMSS_verb_noun` — a UTC timestamp, then at least two
 * lower-case snake_case words (`create_carrier`, `add_carrier_contact_email`). Prisma itself
 * only needs the folders to sort in order; the stricter shape keeps the history readable.
 */
export const MIGRATION_NAME_PATTERN = /^(\d{14})_([a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;
const DESCRIPTION_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

export function migrationNameProblem(name: string): string | undefined {
  const match = MIGRATION_NAME_PATTERN.exec(name);
  if (!match?.[1]) {
    return `"${name}" is not of the form YYYYMMDDHHMMSS_verb_noun (lower-case snake_case, at least two words)`;
  }
  const problem = timestampProblem(match[1]);
  return problem ? `"${name}": ${problem}` : undefined;
}

export function assertMigrationName(name: string): void {
  const problem = migrationNameProblem(name);
  if (problem) throw new Error(`Invalid migration name ${problem}`);
}

/** `verb_noun` part only, as a developer types it (`create_carrier`). */
export function assertMigrationDescription(description: string): void {
  if (!DESCRIPTION_PATTERN.test(description)) {
    throw new Error(
      `Invalid migration description "${description}": use lower-case snake_case verb_noun, e.g. create_carrier`,
    );
  }
}

/** The 14-digit UTC timestamp Prisma puts in front of a migration name. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function newMigrationName(description: string, now: Date): string {
  assertMigrationDescription(description);
  return `${migrationTimestamp(now)}_${description}`;
}

/** Prisma (and its engine) apply folders in plain string order of their names. */
export function compareMigrationNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** [offset, min, max] of month, day, hour, minute and second in YYYYMMDDHHMMSS. */
const TIMESTAMP_FIELDS = [
  [4, 1, 12],
  [6, 1, 31],
  [8, 0, 23],
  [10, 0, 59],
  [12, 0, 59],
] as const;

function timestampProblem(ts: string): string | undefined {
  const ok = TIMESTAMP_FIELDS.every(([at, min, max]) => {
    const value = Number(ts.slice(at, at + 2));
    return value >= min && value <= max;
  });
  return ok ? undefined : `timestamp ${ts} is not a valid YYYYMMDDHHMMSS date`;
}
