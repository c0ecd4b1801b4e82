#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which cannot be downloaded on this project's machines
# (see docs/adr/0003-prisma-migrations-without-schema-engine.md). `prisma generate` only needs
# PRISMA_SCHEMA_ENGINE_BINARY to name an existing file and never runs it; every command that does
# run it (migrate *, db *) must fail loudly rather than report a success that applied nothing.
# Line 1 is for people; line 2 is the JSON log line the Prisma CLI reads and shows as the reason.
MSG='the Prisma schema engine is not available here; see docs/adr/0003-prisma-migrations-without-schema-engine.md (apply migrations with `docscreen db migrate`, create them with libs/db-migrate/bin/create-migration.js)'
echo "schema-engine-unavailable: $MSG" >&2
printf '{"level":"ERROR","target":"schema_engine::logger","fields":{"error_code":"SCHEMA_ENGINE_UNAVAILABLE","message":"%s"}}\n' "$MSG" >&2
exit 1
