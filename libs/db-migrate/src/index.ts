export {
  applyMigrations,
  type ApplyMigrationsOptions,
  type ApplyMigrationsResult,
} from './apply-migrations.js';
export { migrateAll, type ServiceMigrations, type ServiceMigrationResult } from './migrate-all.js';
export { createMigration, type CreateMigrationOptions, type CreatedMigration } from './create-migration.js';
export { migrationChecksum, scriptMatchesChecksum } from './checksum.js';
export {
  MIGRATION_NAME_PATTERN,
  assertMigrationName,
  migrationNameProblem,
  newMigrationName,
} from './migration-name.js';
export { readMigrationsDirectory, migrationLockContent, type MigrationFolder } from './migration-files.js';
export { PRISMA_MIGRATE_ADVISORY_LOCK_KEY } from './advisory-lock.js';
export { CREATE_MIGRATIONS_TABLE } from './migrations-table.js';
export type { MigrationLogger } from './logger.js';
