#!/usr/bin/env bash
# `npm test`: the whole suite — build, lint (incl. buf lint), typecheck, unit tests, then the integration
# tests against the real Kafka broker, PostgreSQL and Redis. Starts the local broker when KAFKA_BROKERS
# is not given; never skips a test for want of a server.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

rm -rf .run/test-results
# Remember whether the broker was given (then it is not ours to stop) before defaulting the variable.
broker_given="${KAFKA_BROKERS:+yes}"
# A local broker this run starts is stopped when it ends; one that was already running is left running.
if [ -z "$broker_given" ] && ! bash infra/kafka/kafka.sh status >/dev/null 2>&1; then
  trap 'bash infra/kafka/kafka.sh stop || true' EXIT
fi
npx nx run-many -t build --outputStyle=stream
# The software bill of materials of the production dependencies, CycloneDX: dist/sbom.cdx.json.
npm run --silent sbom
node libs/cli/bin/docscreen.js stack up --infra

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
# Lets the broker-outage test stop and restart the local broker (only when the broker is ours).
if [ -z "$broker_given" ]; then export DOCSCREEN_KAFKA_CONTROL="$root/infra/kafka/kafka.sh"; fi

status=0
# No production dependency with a high or critical advisory (says NOT CHECKED where the registry's
# advisory service cannot be reached; DOCSCREEN_AUDIT_REQUIRED=true makes that a failure).
npm run --silent audit:prod || status=$?
npx prettier --check . || status=$?
npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream || status=$?
# Contracts may only change compatibly (a breaking change is a new vN): checked against main.
npx nx run contracts:buf-breaking --outputStyle=stream || status=$?
# One at a time: the integration suites share the broker and the database server.
npx nx run-many -t int-test --parallel=1 --outputStyle=stream || status=$?
node infra/scripts/summarise-tests.mjs || status=$?
exit "$status"
