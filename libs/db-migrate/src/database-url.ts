/** The parts of a `postgresql://` URL this library needs, with Prisma's `?schema=` honoured. */
export interface PostgresTarget {
  /** Connection string for `pg`, without Prisma-only parameters. */
  connectionString: string;
  database: string;
  /** Prisma's `?schema=` parameter; `public` when absent. */
  schema: string;
}

const PRISMA_ONLY_PARAMS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
];

export function parseDatabaseUrl(databaseUrl: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error('Invalid database URL (expected postgresql://user@host:port/database)');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`Unsupported database URL protocol "${url.protocol}" (expected postgresql:)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '') throw new Error(`Database URL ${redact(url)} names no database`);
  const schema = url.searchParams.get('schema') ?? 'public';
  for (const param of PRISMA_ONLY_PARAMS) url.searchParams.delete(param);
  return { connectionString: url.toString(), database, schema };
}

/** Same server and credentials, another database (e.g. the `postgres` maintenance database). */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** For messages: never print a password. */
export function redact(url: URL | string): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}
