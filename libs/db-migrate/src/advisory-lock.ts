import type pg from 'pg';
import { pgErrorCode } from './ensure-database.js';

/**
 * The session-level advisory lock key Prisma Migrate takes before touching a PostgreSQL database
 * (prisma-engines, schema-engine/connectors/sql-schema-connector/src/flavour/postgres.rs,
 * `acquire_lock`: `SELECT pg_advisory_lock(72707369)` — "a unique number we chose to identify
 * Migrate"). Taking the same key serialises us with `prisma migrate deploy` run by anyone else.
 * Advisory locks are per database, like Prisma's.
 */
export const PRISMA_MIGRATE_ADVISORY_LOCK_KEY = 72707369;

const LOCK_NOT_AVAILABLE = '55P03';

export async function acquirePrismaMigrateLock(
  client: pg.Client,
  database: string,
  timeoutMs: number,
): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK_KEY]);
  } catch (error) {
    if (pgErrorCode(error) !== LOCK_NOT_AVAILABLE) throw error;
    throw new Error(
      `Timed out after ${timeoutMs} ms waiting for Prisma Migrate's advisory lock ` +
        `(pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK_KEY})) on database "${database}": another migration run holds it`,
      { cause: error },
    );
  } finally {
    await client.query('RESET lock_timeout');
  }
}

export async function releasePrismaMigrateLock(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK_KEY]);
}
