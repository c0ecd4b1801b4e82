import type pg from 'pg';
import type { Logger } from '@docscreen/observability';
import { createPgPool } from '../database/pg-pool.js';

/**
 * Imports talk to PostgreSQL with plain `pg` because they need COPY, which Prisma does not offer.
 * A small pool of its own, so a long import never starves the API's Prisma connections.
 */
export const IMPORT_POOL = Symbol('IMPORT_POOL');
export type ImportPool = pg.Pool;

export const createImportPool = (databaseUrl: string, logger: Logger): ImportPool =>
  createPgPool(
    { connectionString: databaseUrl, max: 4, application_name: 'document-registry-import' },
    logger,
  );
