import type pg from 'pg';
import { acquirePrismaMigrateLock, releasePrismaMigrateLock } from './advisory-lock.js';
import { parseDatabaseUrl, quoteIdentifier, type PostgresTarget } from './database-url.js';
import { connectCreatingDatabase } from './ensure-database.js';
import { silentLogger, type MigrationLogger } from './logger.js';
import { errorMessage, readMigrationsDirectory, type MigrationFolder } from './migration-files.js';
import { planMigrations } from './migration-plan.js';
import {
  ensureMigrationsTable,
  loadMigrationRecords,
  recordMigrationFailed,
  recordMigrationFinished,
  recordMigrationStarted,
} from './migrations-table.js';

export interface ApplyMigrationsOptions {
  /** `postgresql://…/<database>`; Prisma's `?schema=` is honoured (default `public`). */
  databaseUrl: string;
  /** A Prisma migrations directory: `YYYYMMDDHHMMSS_verb_noun/migration.sql` folders. */
  migrationsDir: string;
  logger?: MigrationLogger;
  /** How long to wait for another run holding Prisma's advisory lock. Default 60 s. */
  lockTimeoutMs?: number;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * `prisma migrate deploy` without the schema engine: applies the committed migration folders
 * in order, each in its own transaction, under Prisma's advisory lock, recording them in
 * `_prisma_migrations` as Prisma does. Creates the database if needed. Idempotent.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const logger = options.logger ?? silentLogger;
  const target = parseDatabaseUrl(options.databaseUrl);
  const directory = await readMigrationsDirectory(options.migrationsDir);
  const client = await connectCreatingDatabase(target, logger);
  try {
    await acquirePrismaMigrateLock(client, target.database, options.lockTimeoutMs ?? 60_000);
    try {
      return await applyUnderLock(client, target, directory.migrations, logger);
    } finally {
      await releasePrismaMigrateLock(client);
    }
  } finally {
    await client.end();
  }
}

async function applyUnderLock(
  client: pg.Client,
  target: PostgresTarget,
  folders: MigrationFolder[],
  logger: MigrationLogger,
): Promise<ApplyMigrationsResult> {
  await useSchema(client, target.schema);
  await ensureMigrationsTable(client);
  const plan = planMigrations(folders, await loadMigrationRecords(client));
  if (plan.unknownApplied.length > 0) {
    logger.info('migrations recorded in the database are missing from the directory', {
      database: target.database,
      migrations: plan.unknownApplied,
    });
  }
  const applied: string[] = [];
  for (const folder of plan.toApply) {
    const startedAt = performance.now();
    await applyOne(client, folder);
    applied.push(folder.name);
    logger.info('applied migration', {
      database: target.database,
      migration: folder.name,
      durationMs: Math.round(performance.now() - startedAt),
    });
  }
  return { applied, alreadyApplied: plan.alreadyApplied };
}

async function useSchema(client: pg.Client, schema: string): Promise<void> {
  if (schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  await client.query(`SET search_path TO ${quoteIdentifier(schema)}`);
}

async function applyOne(client: pg.Client, folder: MigrationFolder): Promise<void> {
  const id = await recordMigrationStarted(client, folder.name, folder.checksum);
  try {
    await client.query('BEGIN');
    await client.query(folder.script);
    await recordMigrationFinished(client, id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const logs = `${errorMessage(error)}\n\nMigration script: ${folder.scriptPath}`;
    await recordMigrationFailed(client, id, logs).catch(() => undefined);
    throw new Error(
      `Migration ${folder.name} failed and was rolled back: ${errorMessage(error)}. ` +
        'The attempt is recorded in _prisma_migrations; later runs refuse until it is marked rolled back.',
      { cause: error },
    );
  }
}
