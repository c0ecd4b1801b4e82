import { scriptMatchesChecksum } from './checksum.js';
import type { MigrationFolder } from './migration-files.js';
import type { MigrationRecord } from './migrations-table.js';

export interface MigrationPlan {
  alreadyApplied: string[];
  toApply: MigrationFolder[];
  /** Recorded as applied in the database, but no longer in the directory (Prisma ignores these too). */
  unknownApplied: string[];
}

/**
 * Decides what to apply, refusing — before anything runs — when the history cannot be trusted:
 * a failed migration is recorded (Prisma's P3009), or an applied migration's script changed.
 * Rows marked rolled back are ignored, as Prisma ignores them.
 */
export function planMigrations(folders: MigrationFolder[], records: MigrationRecord[]): MigrationPlan {
  const active = records.filter((record) => record.rolledBackAt === null);
  assertNoFailedMigration(active);

  const appliedByName = new Map(active.map((record) => [record.migrationName, record]));
  const modified = folders.flatMap((folder) => {
    const record = appliedByName.get(folder.name);
    if (!record || scriptMatchesChecksum(folder.script, record.checksum)) return [];
    return [
      `${folder.name} (recorded checksum ${record.checksum}, ${folder.scriptPath} now has ${folder.checksum})`,
    ];
  });
  if (modified.length > 0) {
    throw new Error(
      `Applied migration(s) were modified after they were applied: ${modified.join('; ')}. ` +
        'Restore the original migration.sql and put the change in a new migration.',
    );
  }

  const folderNames = new Set(folders.map((folder) => folder.name));
  return {
    alreadyApplied: folders.filter((folder) => appliedByName.has(folder.name)).map((folder) => folder.name),
    toApply: folders.filter((folder) => !appliedByName.has(folder.name)),
    unknownApplied: active.map((record) => record.migrationName).filter((name) => !folderNames.has(name)),
  };
}

function assertNoFailedMigration(active: MigrationRecord[]): void {
  const failed = active.filter((record) => record.finishedAt === null);
  if (failed.length === 0) return;
  const details = failed.map((record) => {
    const logs = record.logs?.trim() ? ` with the following logs:\n${record.logs.trim()}` : '';
    return `The \`${record.migrationName}\` migration started at ${record.startedAt.toISOString()} failed${logs}`;
  });
  throw new Error(
    `Found failed migration(s) in the target database; new migrations will not be applied (Prisma error P3009).\n` +
      `${details.join('\n')}\n` +
      'Migrations applied by @docscreen/db-migrate run in a transaction, so a failed one left nothing behind. ' +
      'Fix the script, then mark the attempt rolled back: ' +
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL " +
      '(or, where the Prisma engine runs, `prisma migrate resolve --rolled-back <name>`).',
  );
}
