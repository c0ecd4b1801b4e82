-- One database per service (docscreen_gateway, docscreen_screening, docscreen_registry, docscreen_alerts), on an empty data volume.
-- The postgres image runs this once through psql; `\gexec` makes it idempotent, so it can also be
-- run by hand against any server: psql -h 127.0.0.1 -U postgres -f infra/postgres/init/01-create-databases.sql
-- (`docscreen db migrate` creates missing databases as well; this keeps compose usable without it.)
SELECT 'CREATE DATABASE docscreen_gateway'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'docscreen_gateway')\gexec

SELECT 'CREATE DATABASE docscreen_screening'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'docscreen_screening')\gexec

SELECT 'CREATE DATABASE docscreen_registry'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'docscreen_registry')\gexec

SELECT 'CREATE DATABASE docscreen_alerts'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'docscreen_alerts')\gexec
