import { afterAll, describe, expect, it } from '@jest/globals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { applyMigrations } from './apply-migrations.js';
import { createMigration } from './create-migration.js';
import {
  ADD_WIDGET_PART,
  CREATE_WIDGET,
  FIXTURE_SCHEMA,
  copyOfFixtureMigrations,
  dropDatabase,
  onServer,
  serverUrl,
  throwawayDatabase,
} from './__fixtures__/int-helpers.js';

const shadowDatabases = (): Promise<number> =>
  onServer('postgres', async (c) =>
    Number(
      (await c.query("SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'"))
        .rows[0].n,
    ),
  );

describe('createMigration with the Wasm schema engine', () => {
  const database = throwawayDatabase();
  afterAll(() => dropDatabase(database.name));

  it('writes nothing when the schema matches the migrations', async () => {
    const migrationsDir = await copyOfFixtureMigrations();
    const created = await createMigration({
      schemaPath: FIXTURE_SCHEMA,
      migrationsDir,
      description: 'change_nothing',
      serverUrl: serverUrl(),
    });
    expect(created).toBeNull();
    expect((await readdir(migrationsDir)).sort()).toEqual([
      CREATE_WIDGET,
      ADD_WIDGET_PART,
      'migration_lock.toml',
    ]);
  });

  it('writes the SQL from the committed migrations to the edited schema, and it applies', async () => {
    const before = await shadowDatabases();
    const migrationsDir = await copyOfFixtureMigrations();
    const schemaPath = join(dirname(migrationsDir), 'schema.prisma');
    const schema = await readFile(FIXTURE_SCHEMA, 'utf8');
    await writeFile(
      schemaPath,
      schema.replace(
        '  label     String\n',
        '  label     String\n  retired   Boolean      @default(false)\n',
      ),
    );

    const created = await createMigration({
      schemaPath,
      migrationsDir,
      description: 'add_widget_retired',
      serverUrl: serverUrl(),
      now: new Date('2026-02-03T04:05:06Z'),
    });

    expect(created?.name).toBe('20260203040506_add_widget_retired');
    expect(created?.script).toBe(
      '-- AlterTable\nALTER TABLE "widget" ADD COLUMN     "retired" BOOLEAN NOT NULL DEFAULT false;\n',
    );
    expect(
      await readFile(join(migrationsDir, '20260203040506_add_widget_retired', 'migration.sql'), 'utf8'),
    ).toBe(created?.script);
    expect(await shadowDatabases()).toBe(before);

    const applied = await applyMigrations({ databaseUrl: database.url, migrationsDir });
    expect(applied.applied).toEqual([CREATE_WIDGET, ADD_WIDGET_PART, '20260203040506_add_widget_retired']);
  });

  it('refuses a timestamp that would not sort after the latest migration', async () => {
    await expect(
      createMigration({
        schemaPath: FIXTURE_SCHEMA,
        migrationsDir: await copyOfFixtureMigrations(),
        description: 'add_old_thing',
        serverUrl: serverUrl(),
        now: new Date('2025-12-31T00:00:00Z'),
      }),
    ).rejects.toThrow(
      `New migration 20251231000000_add_old_thing would not sort after the latest one, ${ADD_WIDGET_PART}`,
    );
  });
});
