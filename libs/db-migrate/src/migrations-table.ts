import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * `_prisma_migrations`, created exactly as Prisma's schema engine creates it on PostgreSQL
 * (prisma-engines, sql-schema-connector/src/flavour/postgres.rs, `create_migrations_table`),
 * so that `prisma migrate deploy` / `status` can later run against the same database.
 */
export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export interface MigrationRecord {
  id: string;
  migrationName: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
  appliedStepsCount: number;
}

/** Prisma's `initialize`: create the table if absent, but never adopt a non-empty schema (P3005). */
export async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema()`,
  );
  const tables = rows.map((row) => row.relname);
  if (tables.includes('_prisma_migrations')) return;
  if (tables.length > 0) {
    throw new Error(
      `The database schema is not empty (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}) ` +
        'and has no _prisma_migrations table: refusing to migrate it (Prisma error P3005). ' +
        'Baseline it first — see https://pris.ly/d/migrate-baseline.',
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

export async function loadMigrationRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT id, migration_name AS "migrationName", checksum, started_at AS "startedAt",
            finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs,
            applied_steps_count AS "appliedStepsCount"
     FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Prisma's `record_migration_started`: a row with finished_at NULL, written before the script runs. */
export async function recordMigrationStarted(
  client: pg.Client,
  name: string,
  checksum: string,
): Promise<string> {
  const id = randomUUID();
  await client.query('INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)', [
    id,
    checksum,
    name,
  ]);
  return id;
}

/** Prisma's `record_successful_step` + `record_migration_finished`; run inside the migration's transaction. */
export async function recordMigrationFinished(client: pg.Client, id: string): Promise<void> {
  await client.query(
    `UPDATE _prisma_migrations
     SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
     WHERE id = $1`,
    [id],
  );
}

/** Prisma's `record_failed_step`: the row keeps finished_at NULL, so later runs refuse (P3009). */
export async function recordMigrationFailed(client: pg.Client, id: string, logs: string): Promise<void> {
  await client.query('UPDATE _prisma_migrations SET logs = $2 WHERE id = $1', [id, logs]);
}
