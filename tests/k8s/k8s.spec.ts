import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { requiredVariables } from '@docscreen/config';

// infra/k8s: every service deployed, with the probes, resources and grace period the services need,
// and every variable its config schema requires; screening autoscaled on lag, never beyond the
// passenger topic's partitions.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'infra/k8s');

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  env?: { name: string }[];
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  envFrom?: { configMapRef?: { name: string } }[];
}

const manifests: Manifest[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(path.join(DIR, f), 'utf8')).map((d) => d.toJS() as Manifest),
  );
const deployments = manifests.filter((m) => m.kind === 'Deployment');
const config = manifests.find((m) => m.kind === 'ConfigMap')!;
const serviceDirs = readdirSync(path.join(ROOT, 'services'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function envSchemaOf(service: string): Promise<z.ZodObject> {
  const configDir = path.join(ROOT, 'services', service, 'src', 'config');
  const file = readdirSync(configDir).find(
    (name) => name.endsWith('-config.ts') && !name.includes('.spec.'),
  )!;
  const module = (await import(path.join(configDir, file))) as Record<string, unknown>;
  return Object.entries(module).find(([name]) => name.endsWith('_ENV'))![1] as z.ZodObject;
}

const containerOf = (d: Manifest) =>
  ((d.spec!['template'] as { spec: { containers: Container[] } }).spec.containers[0] ?? {}) as Container;

describe('infra/k8s', () => {
  it.each(serviceDirs)('deploys %s with probes, resources and every required variable', async (service) => {
    const deployment = deployments.find((d) => d.metadata.name === service);
    expect(deployment).toBeDefined();
    const container = containerOf(deployment!);
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container.resources?.requests?.cpu).toBeTruthy();
    expect(container.resources?.requests?.memory).toBeTruthy();
    expect(container.resources?.limits?.memory).toBeTruthy();
    const provided = new Set([
      ...(container.env ?? []).map((e) => e.name),
      ...(container.envFrom?.some((e) => e.configMapRef?.name === config.metadata.name)
        ? Object.keys(config.data ?? {})
        : []),
    ]);
    const required = requiredVariables(await envSchemaOf(service));
    expect(required.filter((name) => !provided.has(name))).toEqual([]);
    expect(manifests.some((m) => m.kind === 'Service' && m.metadata.name === service)).toBe(true);
  });

  it('has every pod listen on all its interfaces (the Service reaches it there), not the loopback default', () => {
    expect(config.data?.['BIND_ADDRESS']).toBe('0.0.0.0');
    for (const d of deployments)
      expect({ name: d.metadata.name, fromConfig: containerOf(d).envFrom?.[0]?.configMapRef?.name }).toEqual({
        name: d.metadata.name,
        fromConfig: config.metadata.name,
      });
  });

  it('gives the services that store webhook secrets their sealing keys', () => {
    for (const name of ['carrier-gateway', 'alert-dispatch']) {
      const deployment = deployments.find((d) => d.metadata.name === name)!;
      expect(containerOf(deployment).env?.map((e) => e.name)).toContain('SECRETS_KEYS');
    }
    const secret = manifests.find((m) => m.kind === 'Secret') as { stringData?: Record<string, string> };
    expect(Object.keys(secret.stringData ?? {})).toContain('SECRETS_KEYS');
  });

  it('gives every pod more time to stop than the services take to drain', () => {
    const graceMs = Number(config.data?.['SHUTDOWN_GRACE_MS']);
    for (const d of deployments) {
      const seconds = (d.spec!['template'] as { spec: { terminationGracePeriodSeconds: number } }).spec
        .terminationGracePeriodSeconds;
      expect(seconds * 1000).toBeGreaterThan(graceMs);
    }
  });

  it('autoscales screening on consumer lag, at most one replica per partition', () => {
    const scaled = manifests.find((m) => m.kind === 'ScaledObject' && m.metadata.name === 'screening');
    const trigger = (scaled!.spec!['triggers'] as { type: string; metadata: Record<string, string> }[])[0]!;
    expect(trigger.type).toBe('kafka');
    expect(trigger.metadata['topic']).toBe('passenger.reported.v1');
    expect(trigger.metadata['consumerGroup']).toBe('screening');
    expect(scaled!.spec!['maxReplicaCount']).toBeLessThanOrEqual(12);
  });
});
