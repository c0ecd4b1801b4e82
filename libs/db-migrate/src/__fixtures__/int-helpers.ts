import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { quoteIdentifier, withDatabase } from '../database-url.js';
import { readMigrationsDirectory } from '../migration-files.js';
import { loadSchemaEngine } from '../schema-engine.js';
import { MigrationAdapterFactory } from '../shadow-database.js';

export const FIXTURES = import.meta.dirname;
export const FIXTURE_MIGRATIONS = join(FIXTURES, 'migrations');
export const FIXTURE_SCHEMA = join(FIXTURES, 'schema.prisma');
export const CREATE_WIDGET = '20260101000000_create_widget';
export const ADD_WIDGET_PART = '20260102000000_add_widget_part';

/** The PostgreSQL server the integration specs use: env DATABASE_URL (any database on it). */
export function serverUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error(
      'db-migrate integration specs need a PostgreSQL server: set DATABASE_URL, e.g. ' +
        'DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx nx run db-migrate:int-test',
    );
  }
  return url;
}

/** A URL for a database that does not exist yet, and a way to drop it afterwards. */
export function throwawayDatabase(): { name: string; url: string } {
  const name = `db_migrate_it_${randomBytes(6).toString('hex')}`;
  return { name, url: withDatabase(serverUrl(), name) };
}

export async function onServer<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl(), database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function dropDatabase(name: string): Promise<unknown> {
  return onServer('postgres', (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

export async function copyOfFixtureMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'db-migrate-it-'));
  await cp(FIXTURE_MIGRATIONS, join(dir, 'migrations'), { recursive: true });
  return join(dir, 'migrations');
}

/**
 * Prisma's own schema engine (its Wasm build — the same Rust code as the binary behind
 * `prisma migrate status` / `deploy`) pointed at a database, to check compatibility.
 */
export async function withPrismaEngine<T>(
  databaseUrl: string,
  schema: string,
  work: (engine: Awaited<ReturnType<Awaited<ReturnType<typeof loadSchemaEngine>>['new']>>) => Promise<T>,
): Promise<T> {
  const SchemaEngine = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(databaseUrl, { info: () => undefined });
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [['schema.prisma', schema]] },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

export async function engineMigrationList(dir: string, only?: string[]): Promise<MigrationList> {
  const read = await readMigrationsDirectory(dir);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: read.lockfile },
    shadowDbInitScript: '',
    migrationDirectories: read.migrations
      .filter((m) => !only || only.includes(m.name))
      .map((m) => ({
        path: m.name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.script } },
      })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
