import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '@docscreen/db-migrate';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the test server with a service's committed migrations applied, so each suite
 * runs against the real schema and never sees another suite's rows.
 */
export async function createTestDatabase(
  serverUrl: string,
  migrationsDir: string,
  prefix = 'test',
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ databaseUrl: url.toString(), migrationsDir });
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new URL(serverUrl);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
