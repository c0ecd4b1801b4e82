import { defineConfig } from 'prisma/config';

// Prisma 7 takes the datasource URL from here, not from schema.prisma. Only engine-backed commands
// (migrate *, db *) use it — here those run through @docscreen/db-migrate instead (ADR 0003) — and
// `prisma generate` must work without DATABASE_URL, so no `env()` (it throws when unset).
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? '' },
});
