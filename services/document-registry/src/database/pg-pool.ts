import pg from 'pg';
import type { Logger } from '@docscreen/observability';

/**
 * A plain `pg` pool for what Prisma cannot do (COPY, server-side cursors). pg emits an 'error' event
 * on the pool when an idle connection dies — the database restarted, a network cut — and an 'error'
 * event nobody listens to kills the process: here it is logged, and the pool opens a new connection
 * the next time one is needed. (Prisma's own pool has such a listener through its adapter.)
 */
export function createPgPool(config: pg.PoolConfig & { application_name: string }, logger: Logger): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (error) =>
    logger.warn(
      { pool: config.application_name, error },
      'an idle PostgreSQL connection was lost; replaced on next use',
    ),
  );
  return pool;
}
