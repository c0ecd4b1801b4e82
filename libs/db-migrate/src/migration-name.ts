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
  return timestampProblem(match[1]) ? `"${name}": ${timestampProblem(match[1])}` : undefined;
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

function timestampProblem(ts: string): string | undefined {
  const [month, day, hour, minute, second] = [4, 6, 8, 10, 12].map((at) => Number(ts.slice(at, at + 2)));
  const ok =
    month !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day !== undefined &&
    day >= 1 &&
    day <= 31 &&
    hour !== undefined &&
    hour <= 23 &&
    minute !== undefined &&
    minute <= 59 &&
    second !== undefined &&
    second <= 59;
  return ok ? undefined : `timestamp ${ts} is not a valid YYYYMMDDHHMMSS date`;
}
