import pg from 'pg';
import { quoteIdentifier, withDatabase, type PostgresTarget } from './database-url.js';
import type { MigrationLogger } from './logger.js';

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';
export const MAINTENANCE_DATABASE = 'postgres';

/**
 * Connects to the target database, creating it first (through the `postgres` maintenance
 * database on the same server) if it does not exist. Safe when several processes race:
 * the loser of a concurrent CREATE DATABASE sees 42P04 (or 23505 on pg_database's unique
 * index) and simply connects.
 */
export async function connectCreatingDatabase(
  target: PostgresTarget,
  logger: MigrationLogger,
): Promise<pg.Client> {
  try {
    return await connect(target.connectionString);
  } catch (error) {
    if (pgErrorCode(error) !== INVALID_CATALOG_NAME) throw error;
  }
  await createDatabase(target, logger);
  return connect(target.connectionString);
}

async function createDatabase(target: PostgresTarget, logger: MigrationLogger): Promise<void> {
  const admin = await connect(withDatabase(target.connectionString, MAINTENANCE_DATABASE));
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(target.database)}`);
    logger.info('created database', { database: target.database });
  } catch (error) {
    const code = pgErrorCode(error);
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw error;
  } finally {
    await admin.end();
  }
}

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
