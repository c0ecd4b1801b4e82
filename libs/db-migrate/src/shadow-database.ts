import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { quoteIdentifier, withDatabase } from './database-url.js';
import type { MigrationLogger } from './logger.js';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The driver-adapter factory the Wasm schema engine connects through. It fixes three problems of
 * `@prisma/adapter-pg`'s own factory when used for migrations:
 * - its `connectToShadowDb` spreads `{ database }` over a config whose `connectionString` wins,
 *   so the "shadow" connection lands on the main database: we build the shadow URL ourselves;
 * - it drops the shadow database before closing the pool connected to it: we close first, and
 *   drop `WITH (FORCE)` (PostgreSQL 13+);
 * - it cannot read PostgreSQL's internal `"char"` type (`pg_class.relkind`, …), which the engine's
 *   schema describer selects: such columns are reported as text, which is what they hold.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly pools: pg.Pool[] = [];
  private readonly shadowDatabases = new Set<string>();

  constructor(
    private readonly serverUrl: string,
    private readonly logger: MigrationLogger,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return new PrismaPg(this.pool(this.serverUrl)).connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE ${quoteIdentifier(database)}`);
    this.shadowDatabases.add(database);
    const pool = this.pool(withDatabase(this.serverUrl, database));
    const adapter = await new PrismaPg(pool).connect();
    const release = adapter.dispose.bind(adapter);
    return Object.assign(adapter, {
      dispose: async () => {
        await release();
        await this.dropShadowDatabase(database, pool);
      },
    });
  }

  /** Closes every pool and drops any shadow database the engine did not dispose of. */
  async close(): Promise<void> {
    for (const database of [...this.shadowDatabases]) await this.dropShadowDatabase(database);
    await Promise.all(this.pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
  }

  private async dropShadowDatabase(database: string, pool?: pg.Pool): Promise<void> {
    if (pool) await pool.end().catch(() => undefined);
    await this.admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    this.shadowDatabases.delete(database);
    this.logger.info('dropped shadow database', { database });
  }

  private pool(connectionString: string): pg.Pool {
    const pool = new pg.Pool({ connectionString, max: 2 });
    pool.on('connect', reportCharColumnsAsText);
    this.pools.push(pool);
    return pool;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

type QueryFn = (...args: unknown[]) => unknown;

function reportCharColumnsAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  const patched: QueryFn = (...args) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      return query(...args.slice(0, -1), (error: unknown, result: unknown) =>
        (callback as QueryFn)(error, retypeCharFields(result)),
      );
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(retypeCharFields) : result;
  };
  Object.assign(client, { query: patched });
}

function retypeCharFields(result: unknown): unknown {
  const fields: unknown =
    typeof result === 'object' && result !== null && 'fields' in result ? result.fields : [];
  if (Array.isArray(fields)) {
    for (const field of fields as { dataTypeID?: number }[]) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}
