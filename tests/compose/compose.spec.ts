import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { z } from 'zod';
import { requiredVariables } from '@docscreen/config';

// docker-compose.yml is the way to run docscreen where Docker exists; nothing here runs Docker, so this
// test holds the file to what `docker compose config` checks and to what our services need.

const ROOT = path.resolve(import.meta.dirname, '../..');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number> | string[];
  ports?: (string | number)[];
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  version?: unknown;
  services: Record<string, ComposeService>;
};
const serviceDirs = readdirSync(path.join(ROOT, 'services'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(env.map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

async function envSchemaOf(service: string): Promise<z.ZodObject> {
  const configDir = path.join(ROOT, 'services', service, 'src', 'config');
  const file = readdirSync(configDir).find((name) => name.endsWith('-config.ts') && !name.includes('.spec.'));
  if (!file) throw new Error(`services/${service}/src/config has no *-config.ts with its env schema`);
  const module = (await import(path.join(configDir, file))) as Record<string, unknown>;
  const schema = Object.entries(module).find(([name]) => name.endsWith('_ENV'))?.[1];
  if (!schema) throw new Error(`services/${service}/src/config/${file} exports no *_ENV schema`);
  return schema as z.ZodObject;
}

// The Compose Specification's own JSON schema, as shipped by the `docker-compose` package.
const composeSchemaPath = createRequire(import.meta.url).resolve('docker-compose/schema/compose-spec.json');

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification JSON schema', () => {
    // Ajv knows draft-07 by its canonical id; the file names it by another URL, so drop the pointer.
    const schema = JSON.parse(readFileSync(composeSchemaPath, 'utf8')) as Record<string, unknown>;
    delete schema['$schema'];
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('follows the Compose Specification: no version key, every service has an image or a build', () => {
    expect(compose.version).toBeUndefined();
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, runnable: Boolean(service.image || service.build) }).toEqual({ name, runnable: true });
    }
  });

  it('runs the infrastructure: Kafka, PostgreSQL, Redis, Jaeger, Prometheus, Grafana', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['kafka', 'postgres', 'redis', 'jaeger', 'prometheus', 'grafana']),
    );
    expect(compose.services['kafka']?.image).toMatch(/^apache\/kafka:4\./);
  });

  it('only depends on services it defines, with valid conditions', () => {
    const names = new Set(Object.keys(compose.services));
    for (const [name, service] of Object.entries(compose.services)) {
      const deps = service.depends_on ?? [];
      const entries = Array.isArray(deps)
        ? deps.map((d) => [d, { condition: 'service_started' }] as const)
        : Object.entries(deps);
      for (const [dependency, { condition }] of entries) {
        expect({ name, dependency, known: names.has(dependency) }).toEqual({ name, dependency, known: true });
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
      }
    }
  });

  it.each(serviceDirs)(
    'runs %s with every variable its config schema requires, and a health check',
    async (service) => {
      const entry = compose.services[service];
      expect(entry).toBeDefined();
      const required = requiredVariables(await envSchemaOf(service));
      expect(required.length).toBeGreaterThan(0);
      const provided = Object.keys(environmentOf(entry!));
      expect(required.filter((name) => !provided.includes(name))).toEqual([]);
      expect(JSON.stringify(entry!.healthcheck?.test ?? '')).toContain('/health/ready');
    },
  );

  it.each(serviceDirs)(
    'has %s listen on every interface of its container (its port is published), not the loopback default',
    (service) => {
      expect(environmentOf(compose.services[service]!)['BIND_ADDRESS']).toBe('0.0.0.0');
    },
  );

  it.each(['carrier-gateway', 'alert-dispatch'])('gives %s the keys that seal webhook secrets', (service) => {
    expect(Object.keys(environmentOf(compose.services[service]!))).toContain('SECRETS_KEYS');
  });

  it('publishes the same ports the local stack uses', () => {
    const hostPorts = (name: string) =>
      (compose.services[name]?.ports ?? []).map((p) => String(p).split(':')[0]);
    expect(hostPorts('kafka')).toContain('9092');
    expect(hostPorts('postgres')).toContain('5432');
    expect(hostPorts('redis')).toContain('6379');
    expect(hostPorts('carrier-gateway')).toContain('3000');
    expect(hostPorts('screening')).toContain('3001');
  });
});
