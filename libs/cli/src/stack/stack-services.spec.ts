import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The local stack's services: loopback only, webhook secrets sealed with a key generated once under
// .run/ (like the admin token), and local webhook receivers allowed only for the two services that
// deliver webhooks. RUN_DIR is read when the module loads, hence the dynamic imports.

const runDir = mkdtempSync(path.join(tmpdir(), 'docscreen-stack-'));
process.env['DOCSCREEN_RUN_DIR'] = runDir;
delete process.env['DOCSCREEN_SECRETS_KEYS'];
delete process.env['DOCSCREEN_ADMIN_TOKEN'];
delete process.env['DOCSCREEN_INTERACTIVE_TOKEN'];
const { STACK_SERVICES, localInfrastructure, serviceEnvironment } = await import('./stack-services.js');

afterAll(() => rmSync(runDir, { recursive: true, force: true }));

describe('serviceEnvironment', () => {
  const infra = localInfrastructure({});
  const envOf = (name: string) =>
    serviceEnvironment(
      infra,
      STACK_SERVICES.find((s) => s.name === name)!,
    );

  it('binds every service to the loopback', () => {
    for (const service of STACK_SERVICES)
      expect([service.name, serviceEnvironment(infra, service)['BIND_ADDRESS']]).toEqual([
        service.name,
        '127.0.0.1',
      ]);
  });

  it('gives the gateway and alert-dispatch one sealing key, generated once into .run/secrets-keys (0600)', () => {
    const gateway = envOf('carrier-gateway')['SECRETS_KEYS'];
    expect(gateway).toMatch(/^local-\d{8}:[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(gateway!.split(':')[1]!, 'base64')).toHaveLength(32);
    expect(envOf('alert-dispatch')['SECRETS_KEYS']).toBe(gateway);
    expect(statSync(path.join(runDir, 'secrets-keys')).mode & 0o777).toBe(0o600);
  });

  it('allows local webhook receivers only where webhooks are delivered', () => {
    expect(envOf('carrier-gateway')['WEBHOOK_ALLOW_PRIVATE_TARGETS']).toBe('true');
    expect(envOf('alert-dispatch')['WEBHOOK_ALLOW_PRIVATE_TARGETS']).toBe('true');
    expect(envOf('screening')['WEBHOOK_ALLOW_PRIVATE_TARGETS']).toBeUndefined();
    expect(envOf('document-registry')['SECRETS_KEYS']).toBeUndefined();
  });
});
