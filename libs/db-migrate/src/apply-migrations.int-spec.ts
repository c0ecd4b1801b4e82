import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyMigrations } from './apply-migrations.js';
import { migrationChecksum } from './checksum.js';
import {
  ADD_WIDGET_PART,
  CREATE_WIDGET,
  FIXTURE_MIGRATIONS,
  FIXTURE_SCHEMA,
  NO_FILTERS,
  copyOfFixtureMigrations,
  dropDatabase,
  engineMigrationList,
  onServer,
  serverUrl,
  throwawayDatabase,
  withPrismaEngine,
} from './__fixtures__/int-helpers.js';

const created: string[] = [];
function newDatabase(): { name: string; url: string } {
  const database = throwawayDatabase();
  created.push(database.name);
  return database;
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}
const rows = (database: string): Promise<Row[]> =>
  onServer(
    database,
    async (c) => (await c.query<Row>('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows,
  );

describe('applyMigrations against PostgreSQL', () => {
  const main = { name: '', url: '' };

  beforeAll(() => {
    serverUrl();
    Object.assign(main, newDatabase());
  });
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  it('creates the database, applies the migrations in order and records them as Prisma does', async () => {
    const result = await applyMigrations({ databaseUrl: main.url, migrationsDir: FIXTURE_MIGRATIONS });
    expect(result).toEqual({ applied: [CREATE_WIDGET, ADD_WIDGET_PART], alreadyApplied: [] });

    const tables = await onServer(
      main.name,
      async (c) =>
        (
          await c.query<{ tablename: string }>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
          )
        ).rows,
    );
    expect(tables.map((t) => t.tablename)).toEqual(['_prisma_migrations', 'widget', 'widget_part']);

    const recorded = await rows(main.name);
    expect(recorded.map((r) => r.migration_name)).toEqual([CREATE_WIDGET, ADD_WIDGET_PART]);
    for (const row of recorded) {
      const file = await readFile(join(FIXTURE_MIGRATIONS, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(migrationChecksum(file));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it('creates _prisma_migrations with exactly the columns Prisma creates', async () => {
    const columns = await onServer(
      main.name,
      async (c) =>
        (
          await c.query(
            `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
          )
        ).rows,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO', column_default: null },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        len: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        len: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        len: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);
  });

  it('is idempotent', async () => {
    const result = await applyMigrations({ databaseUrl: main.url, migrationsDir: FIXTURE_MIGRATIONS });
    expect(result).toEqual({ applied: [], alreadyApplied: [CREATE_WIDGET, ADD_WIDGET_PART] });
    expect(await rows(main.name)).toHaveLength(2);
  });

  it("leaves a history Prisma's own engine sees as up to date (migrate status / deploy)", async () => {
    const schema = await readFile(FIXTURE_SCHEMA, 'utf8');
    const list = await engineMigrationList(FIXTURE_MIGRATIONS);
    await withPrismaEngine(main.url, schema, async (engine) => {
      const status = await engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      expect(status).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(await engine.applyMigrations({ migrationsList: list, filters: NO_FILTERS })).toEqual({
        appliedMigrationNames: [],
      });
    });
  });

  it("continues a history written by Prisma's own engine", async () => {
    const db = newDatabase();
    await onServer('postgres', (c) => c.query(`CREATE DATABASE ${db.name}`));
    const schema = await readFile(FIXTURE_SCHEMA, 'utf8');
    const firstOnly = await engineMigrationList(FIXTURE_MIGRATIONS, [CREATE_WIDGET]);
    await withPrismaEngine(db.url, schema, (engine) =>
      engine.applyMigrations({ migrationsList: firstOnly, filters: NO_FILTERS }),
    );

    const result = await applyMigrations({ databaseUrl: db.url, migrationsDir: FIXTURE_MIGRATIONS });
    expect(result).toEqual({ applied: [ADD_WIDGET_PART], alreadyApplied: [CREATE_WIDGET] });
  });

  it('refuses, precisely, when an applied migration was edited', async () => {
    const dir = await copyOfFixtureMigrations();
    const script = join(dir, CREATE_WIDGET, 'migration.sql');
    await appendFile(script, '-- an innocent comment\n');
    const edited = migrationChecksum(await readFile(script));
    const original = migrationChecksum(
      await readFile(join(FIXTURE_MIGRATIONS, CREATE_WIDGET, 'migration.sql')),
    );

    await expect(applyMigrations({ databaseUrl: main.url, migrationsDir: dir })).rejects.toThrow(
      `Applied migration(s) were modified after they were applied: ${CREATE_WIDGET} (recorded checksum ${original}, ${script} now has ${edited})`,
    );
  });

  it('rolls a failing migration back, records it, and refuses to go on until it is resolved', async () => {
    const db = newDatabase();
    const dir = await copyOfFixtureMigrations();
    const broken = '20260103000000_add_broken_thing';
    await mkdir(join(dir, broken));
    await writeFile(
      join(dir, broken, 'migration.sql'),
      'CREATE TABLE half_done (id int);\nALTER TABLE nowhere ADD COLUMN x int;\n',
    );

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed and was rolled back: relation "nowhere" does not exist`,
    );
    const failed = (await rows(db.name)).find((r) => r.migration_name === broken);
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0, rolled_back_at: null });
    expect(failed?.logs).toContain('relation "nowhere" does not exist');
    const halfDone = await onServer(
      db.name,
      async (c) => (await c.query("SELECT to_regclass('half_done') AS t")).rows[0],
    );
    expect(halfDone).toEqual({ t: null });

    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`P3009[\\s\\S]*\`${broken}\` migration started at .* failed with the following logs:`),
    );

    await onServer(db.name, (c) =>
      c.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL'),
    );
    await writeFile(join(dir, broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\n');
    expect(await applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).toEqual({
      applied: [broken],
      alreadyApplied: [CREATE_WIDGET, ADD_WIDGET_PART],
    });
  });

  it('applies each migration exactly once when two runs race on a database that does not exist yet', async () => {
    const db = newDatabase();
    const run = () => applyMigrations({ databaseUrl: db.url, migrationsDir: FIXTURE_MIGRATIONS });
    const [first, second] = await Promise.all([run(), run()]);

    // Prisma's advisory lock serialises the runs: one applies everything, the other finds it done.
    const [winner, loser] = first.applied.length > 0 ? [first, second] : [second, first];
    expect(winner).toEqual({ applied: [CREATE_WIDGET, ADD_WIDGET_PART], alreadyApplied: [] });
    expect(loser).toEqual({ applied: [], alreadyApplied: [CREATE_WIDGET, ADD_WIDGET_PART] });
    const recorded = await rows(db.name);
    expect(recorded.map((r) => r.migration_name)).toEqual([CREATE_WIDGET, ADD_WIDGET_PART]);
  });

  it('refuses a non-empty database that has no _prisma_migrations table (P3005)', async () => {
    const db = newDatabase();
    await onServer('postgres', (c) => c.query(`CREATE DATABASE ${db.name}`));
    await onServer(db.name, (c) => c.query('CREATE TABLE legacy (id int)'));
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: FIXTURE_MIGRATIONS })).rejects.toThrow(
      /schema is not empty \(tables: legacy\).*P3005/,
    );
  });
});
