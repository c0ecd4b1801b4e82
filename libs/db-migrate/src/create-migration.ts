import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, type MigrationLogger } from './logger.js';
import {
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  migrationLockContent,
  readMigrationsDirectory,
  type MigrationsDirectory,
} from './migration-files.js';
import { compareMigrationNames, newMigrationName } from './migration-name.js';
import { diffMigrationsToSchema } from './schema-diff.js';

export interface CreateMigrationOptions {
  /** The service's `prisma/schema.prisma`, already edited. */
  schemaPath: string;
  /** The service's `prisma/migrations`; created if absent. */
  migrationsDir: string;
  /** `verb_noun`, e.g. `create_carrier`, `add_carrier_contact_email`. */
  description: string;
  /** A reachable PostgreSQL server (any database on it) where a shadow database may be created. */
  serverUrl: string;
  logger?: MigrationLogger;
  /** The migration's timestamp; now by default. */
  now?: Date;
}

export interface CreatedMigration {
  name: string;
  scriptPath: string;
  script: string;
}

/**
 * `prisma migrate dev --create-only` without the schema-engine binary: writes
 * `<migrationsDir>/<timestamp>_<description>/migration.sql` with the SQL that takes the committed
 * migrations to the edited schema (and `migration_lock.toml` if missing). Returns null, writing
 * nothing, when the schema matches the migrations. Never touches a service database.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  const logger = options.logger ?? silentLogger;
  const name = newMigrationName(options.description, options.now ?? new Date());
  const directory = await readOrEmpty(options.migrationsDir);
  const last = directory.migrations.at(-1);
  if (last && compareMigrationNames(name, last.name) <= 0) {
    throw new Error(`New migration ${name} would not sort after the latest one, ${last.name}`);
  }

  const schema = await readFile(options.schemaPath, 'utf8');
  const script = await diffMigrationsToSchema({
    serverUrl: options.serverUrl,
    schemaPath: options.schemaPath,
    schema,
    migrations: directory,
    logger,
  });
  if (script === null) {
    logger.info('schema already matches the migrations; no migration created', {
      schema: options.schemaPath,
    });
    return null;
  }

  const folder = join(options.migrationsDir, name);
  const text = script.endsWith('\n') ? script : `${script}\n`;
  await mkdir(folder, { recursive: true });
  const scriptPath = join(folder, MIGRATION_SCRIPT_FILE);
  await writeFile(scriptPath, text, { encoding: 'utf8', flag: 'wx' });
  if (directory.lockfile === null) {
    await writeFile(join(options.migrationsDir, MIGRATION_LOCK_FILE), migrationLockContent(), 'utf8');
  }
  logger.info('created migration', { migration: name, scriptPath });
  return { name, scriptPath, script: text };
}

async function readOrEmpty(dir: string): Promise<MigrationsDirectory> {
  const exists = await stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  return exists ? readMigrationsDirectory(dir) : { dir, lockfile: null, migrations: [] };
}
