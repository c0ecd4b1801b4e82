import { resolve } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { MigrationLogger } from './logger.js';
import {
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  migrationLockContent,
  type MigrationsDirectory,
} from './migration-files.js';
import { loadSchemaEngine } from './schema-engine.js';
import { MigrationAdapterFactory } from './shadow-database.js';

export interface SchemaDiffInput {
  /** Any database on the PostgreSQL server; the engine creates and drops a shadow database beside it. */
  serverUrl: string;
  schemaPath: string;
  schema: string;
  migrations: MigrationsDirectory;
  logger: MigrationLogger;
}

/**
 * `prisma migrate diff --from-migrations <dir> --to-schema <schema> --script`, run by the Wasm
 * schema engine: replays the migrations into a shadow database, then renders the SQL that
 * takes it to the schema. Returns null when there is nothing to change.
 */
export async function diffMigrationsToSchema(input: SchemaDiffInput): Promise<string | null> {
  const SchemaEngine = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(input.serverUrl, input.logger);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [[input.schemaPath, input.schema]] },
      (line: string) => forwardEngineLog(line, input.logger),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      const result = await engine.diff({
        from: { tag: 'migrations', ...migrationList(input.migrations) },
        to: { tag: 'schemaDatamodel', files: [{ path: input.schemaPath, content: input.schema }] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.exitCode === 2 ? (result.stdout ?? '') : null;
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

function migrationList(directory: MigrationsDirectory): MigrationList {
  return {
    baseDir: resolve(directory.dir),
    // The engine takes the connector from the lockfile; a first migration has none yet.
    lockfile: { path: MIGRATION_LOCK_FILE, content: directory.lockfile ?? migrationLockContent() },
    shadowDbInitScript: '',
    migrationDirectories: directory.migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: MIGRATION_SCRIPT_FILE, content: { tag: 'ok', value: migration.script } },
    })),
  };
}

function forwardEngineLog(line: string, logger: MigrationLogger): void {
  try {
    const entry = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    if (entry.level === 'WARN' || entry.level === 'ERROR') {
      logger.info(`schema engine: ${entry.fields?.message ?? line}`, { level: entry.level });
    }
  } catch {
    logger.info(`schema engine: ${line}`);
  }
}
