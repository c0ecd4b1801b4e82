import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@docscreen/contracts';
import {
  freshGroupAtEnd,
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfrastructure,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// The `docscreen` command as an operator or a carrier runs it: exit codes and output, and against a
// real gateway for the commands that talk to one.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const CONFORMANCE_DIR = process.env['CONFORMANCE_DIR'] ?? path.resolve(ROOT, '..', 'shared', 'conformance');
const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const PARTIAL_PAXLST = path.join(
  ROOT,
  'services/carrier-gateway/src/manifests/__fixtures__/paxlst-partial.edi',
);

async function docscreen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: process.env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('docscreen mrz', () => {
  it('decodes the ICAO specimen: valid, exit 0', async () => {
    const { code, stdout } = await docscreen('mrz', ...SPECIMEN);
    const result = JSON.parse(stdout) as { valid: boolean; format: string; fields: Record<string, string> };
    expect(code).toBe(0);
    expect(result).toMatchObject({ valid: true, format: 'TD3' });
    expect(result.fields).toMatchObject({
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      surname: 'ERIKSSON',
    });
  });

  it('names the field of a one-digit change and exits 1', async () => {
    const { code, stdout } = await docscreen('mrz', SPECIMEN[0]!, SPECIMEN[1]!.replace('1204159', '1204169'));
    const result = JSON.parse(stdout) as { valid: boolean; errors: { field: string }[] };
    expect(code).toBe(1);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.field)).toContain('expiryDate');
  });

  it('exits 2 on input that is no MRZ at all', async () => {
    expect((await docscreen('mrz', 'hello')).code).toBe(2);
  });
});

describe('docscreen paxlst parse', () => {
  it('reads a real PAXLST message: exit 0, travellers with their documents', async () => {
    const file = path.join(CONFORMANCE_DIR, 'paxlst/gtas/gtas-loader__apis-messages__Test1.txt');
    const { code, stdout } = await docscreen('paxlst', 'parse', file);
    const result = JSON.parse(stdout) as {
      messages: {
        declaredCount: number;
        flights: unknown[];
        travellers: { surname: string; documents: { number: string }[] }[];
      }[];
      errors: { segment: number; tag: string; message: string }[];
    };
    expect(code).toBe(0);
    expect(result.messages[0]!.travellers).toHaveLength(8);
    expect(result.messages[0]!.travellers[0]).toMatchObject({
      surname: 'Steur',
      documents: [{ number: '123456789' }],
    });
    expect(result.messages[0]!.flights).toHaveLength(1);
    expect(result.errors.every((e) => e.segment > 0 && e.tag && e.message)).toBe(true);
  });

  it('exits 1 when some travellers cannot be read, 2 when nothing can', async () => {
    expect((await docscreen('paxlst', 'parse', PARTIAL_PAXLST)).code).toBe(1);
    const garbage = path.join(tmpdir(), `not-edifact-${randomBytes(4).toString('hex')}.txt`);
    writeFileSync(garbage, 'hello, world');
    expect((await docscreen('paxlst', 'parse', garbage)).code).toBe(2);
  });
});

describe('docscreen carriers and submit against a real gateway', () => {
  let db: TestDatabase;
  let gateway: RunningService;
  const token = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    const infra = await testInfrastructure();
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(ROOT, 'services/carrier-gateway/prisma/migrations'),
      'cli_int',
    );
    gateway = await startServiceProcess({
      name: 'carrier-gateway',
      serviceDir: path.join(ROOT, 'services/carrier-gateway'),
      port: await freePort(),
      env: {
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        DATABASE_URL: db.url,
        REDIS_URL: infra.redisUrl,
        ADMIN_TOKEN: token,
        LOG_LEVEL: 'warn',
        ...(await freshGroupAtEnd(infra.kafkaBrokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
      },
    });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await db?.drop();
  });

  it('registers a carrier, lists it, and submits a PAXLST message with the key it printed', async () => {
    const gatewayArgs = ['--gateway', gateway.baseUrl, '--token', token];
    const added = await docscreen(
      'carriers',
      ...gatewayArgs,
      'add',
      '--iata',
      'QX',
      '--name',
      'Cli Air',
      '--email',
      'ops@example.org',
    );
    expect(added.code).toBe(0);
    const { apiKey } = JSON.parse(added.stdout) as { apiKey: string };
    expect(apiKey).toMatch(/^dsk_/);

    const listed = await docscreen('carriers', ...gatewayArgs, 'list');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ iataCode: 'QX', active: true })]);
    expect(listed.stdout).not.toContain(apiKey);

    const submitted = await docscreen(
      'submit',
      PARTIAL_PAXLST,
      '--carrier',
      'QX',
      '--key',
      apiKey,
      '--gateway',
      gateway.baseUrl,
    );
    const receipt = JSON.parse(submitted.stdout) as { accepted: unknown[]; rejected: unknown[] };
    expect(submitted.code).toBe(1); // one traveller rejected
    expect(receipt.accepted).toHaveLength(2);
    expect(receipt.rejected).toHaveLength(1);
  });

  it('says how to give a key when none is given (exit 2)', async () => {
    const { code, stderr } = await docscreen(
      'submit',
      PARTIAL_PAXLST,
      '--carrier',
      'QX',
      '--gateway',
      gateway.baseUrl,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--key');
  });
});
