#!/usr/bin/env node
// Creates a Prisma migration from an edited schema.prisma with the Wasm schema engine
// (no schema-engine binary needed). See docs/adr/0003-prisma-migrations-without-schema-engine.md.
//
//   node libs/db-migrate/bin/create-migration.js \
//     --schema services/screening/prisma/schema.prisma --name add_screening_reason \
//     [--migrations services/screening/prisma/migrations] [--server-url postgresql://postgres@127.0.0.1:5432/postgres]
//
// --server-url (default $DATABASE_URL) is any database on a PostgreSQL server where a temporary
// shadow database may be created and dropped; no service database is read or changed.
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMigration } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    schema: { type: 'string' },
    name: { type: 'string' },
    migrations: { type: 'string' },
    'server-url': { type: 'string' },
  },
});
const serverUrl = values['server-url'] ?? process.env.DATABASE_URL;
if (!values.schema || !values.name || !serverUrl) {
  process.stderr.write(
    'usage: create-migration.js --schema <schema.prisma> --name <verb_noun> [--migrations <dir>] [--server-url <postgresql://…> | $DATABASE_URL]\n',
  );
  process.exit(2);
}

const logger = {
  info: (msg, fields) => process.stderr.write(`${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
};
try {
  const created = await createMigration({
    schemaPath: values.schema,
    migrationsDir: values.migrations ?? join(dirname(values.schema), 'migrations'),
    description: values.name,
    serverUrl,
    logger,
  });
  process.stdout.write(created ? `${created.scriptPath}\n` : 'No schema changes: no migration created.\n');
} catch (error) {
  process.stderr.write(`create-migration: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
