#!/bin/sh
# `prisma generate` with the schema-engine stand-in, so the CLI does not try to download the
# engine binary. Arguments go to `prisma generate`, e.g.
#   libs/db-migrate/bin/prisma-generate.sh --config services/screening/prisma/prisma.config.ts
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../../.." && pwd)
export PRISMA_SCHEMA_ENGINE_BINARY="$here/schema-engine-unavailable.sh"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec "$root/node_modules/.bin/prisma" generate "$@"
