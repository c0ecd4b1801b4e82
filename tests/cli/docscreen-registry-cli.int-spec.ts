import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleListed, sampleUnlisted } from '@docscreen/national-list';
import {
  conformanceDir,
  createTestDatabase,
  freePort,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// `docscreen sltd generate|import|check|withdraw`, `docscreen visa-rules import` and `docscreen screen`
// as an operator runs them, against the registry and screening as real processes.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
// The generator's Dutch number format; numbers are drawn from a seed no other test uses.
const STATE = 'NLD';

describe('docscreen sltd, visa-rules and screen', () => {
  let registry: RunningService;
  let screening: RunningService;
  const dbs: TestDatabase[] = [];
  let workDir: string;
  const list = { count: 3_000, seed: 4242, format: 'csv' as const, states: [STATE] };

  async function docscreen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
        env: {
          ...process.env,
          DOCSCREEN_ADMIN_TOKEN: ADMIN_TOKEN,
          DOCSCREEN_REGISTRY_URL: registry.baseUrl,
          DOCSCREEN_SCREENING_URL: screening.baseUrl,
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    const infra = await testInfrastructure();
    workDir = await mkdtemp(path.join(tmpdir(), 'cli-registry-'));
    const [registryDb, screeningDb] = await Promise.all([
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/document-registry/prisma/migrations'),
        'cli_registry',
      ),
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/screening/prisma/migrations'),
        'cli_screening',
      ),
    ]);
    dbs.push(registryDb, screeningDb);
    const common = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    [registry, screening] = await Promise.all([
      startServiceProcess({
        name: 'document-registry',
        serviceDir: path.join(ROOT, 'services/document-registry'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: registryDb.url, IMPORT_DIR: workDir, OUTBOX_POLL_MS: '20' },
      }),
      startServiceProcess({
        name: 'screening',
        serviceDir: path.join(ROOT, 'services/screening'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: screeningDb.url,
          KAFKA_GROUP_ID: `cli-screening-${randomBytes(4).toString('hex')}`,
        },
      }),
    ]);
    const response = await fetch(`${registry.baseUrl}/v1/admin/authorities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'cli-nld-office', name: 'CLI test office', issuingState: STATE }),
    });
    expect([201, 409]).toContain(response.status);
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([registry?.stop(), screening?.stop()]);
    await Promise.all(dbs.map((db) => db.drop()));
    await rm(workDir, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  }, 180_000);

  it('generates a list, imports it with a JSON summary, and checks listed, series and clean numbers', async () => {
    const file = path.join(workDir, 'list.csv');
    const generated = await docscreen(
      'sltd',
      'generate',
      '--count',
      String(list.count),
      '--seed',
      String(list.seed),
      '--states',
      STATE,
      '--out',
      file,
    );
    expect(generated.code).toBe(0);
    expect((await readFile(file, 'utf8')).split('\n')[0]).toMatch(/^issuing_state,/);

    const imported = await docscreen('sltd', 'import', file, '--authority', 'cli-nld-office');
    const summary = JSON.parse(imported.stdout) as Record<string, number | string>;
    expect(imported.code).toBe(0);
    expect(summary).toMatchObject({ state: 'completed', lines: list.count + 1, rejected: 0 });
    expect(Number(summary['added']) + Number(summary['updated']) + Number(summary['duplicate'])).toBe(
      list.count,
    );
    expect(Number(summary['recordsPerSecond'])).toBeGreaterThan(0);

    const [record] = sampleListed(list, 1).filter((s) => s.via === 'record');
    const series = sampleListed(list, 200).find((s) => s.via === 'series');
    const [clean] = sampleUnlisted(list, 1);
    const listed = await docscreen('sltd', 'check', STATE, record!.documentNumber);
    expect(listed.code).toBe(1);
    expect(JSON.parse(listed.stdout)).toMatchObject({ listed: true, hits: [{ kind: 'record' }] });
    const inSeries = await docscreen('sltd', 'check', STATE, series!.documentNumber);
    expect(inSeries.code).toBe(1);
    expect(JSON.parse(inSeries.stdout)).toMatchObject({ listed: true, hits: [{ kind: 'blank-series' }] });
    const notListed = await docscreen('sltd', 'check', STATE, clean!.documentNumber);
    expect(notListed.code).toBe(0);

    const withdrawn = await docscreen(
      'sltd',
      'withdraw',
      STATE,
      record!.documentNumber,
      '--type',
      record!.documentType,
      '--authority',
      'cli-nld-office',
    );
    expect(withdrawn.code).toBe(0);
    const after = await docscreen('sltd', 'check', STATE, record!.documentNumber);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ listed: false, withdrawn: [{ reason: 'recovered' }] });
  }, 180_000);

  it('imports the passport-index matrix and screens a manifest: exit 1 with readable reasons for hits', async () => {
    const matrix = await docscreen(
      'visa-rules',
      'import',
      path.join(conformanceDir(), 'refdata/passport-index-dataset/passport-index-tidy-iso3.csv'),
      '--version',
      `cli-${Date.now()}`,
    );
    expect(matrix.code).toBe(0);
    expect(JSON.parse(matrix.stdout)).toMatchObject({ format: 'tidy-iso3' });

    // Another sample than the first test's, whose record it withdrew.
    const withdrawnInFirstTest = sampleListed(list, 1)[0]?.documentNumber;
    const [listed] = sampleListed(list, 20, 7).filter(
      (s) => s.via === 'record' && s.documentType === 'PASSPORT' && s.documentNumber !== withdrawnInFirstTest,
    );
    await waitFor('the list in screening’s index', async () => {
      const response = await fetch(`${screening.baseUrl}/v1/admin/index/lookups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ issuingState: STATE, documentNumber: listed?.documentNumber ?? 'X' }),
      });
      return ((await response.json()) as { listed: boolean }).listed ? true : undefined;
    });
    const person = (number: string, nationality: string, expiryDate = '2031-03-31') => {
      const passport = {
        state: nationality,
        number,
        birthDate: '1979-05-05',
        sex: 'M' as const,
        expiryDate,
        surname: 'CLI',
        givenNames: 'CHECK',
      };
      return {
        surname: 'CLI',
        givenNames: 'CHECK',
        birthDate: '1979-05-05',
        sex: 'M',
        nationality,
        documents: [{ type: 'P', number, issuingState: nationality, expiryDate, mrz: td3Mrz(passport) }],
      };
    };
    const manifest = {
      legs: [
        {
          carrierCode: 'QC',
          flightNumber: '1',
          departureAirport: 'AMS',
          arrivalAirport: 'LHR',
          scheduledDepartureLocal: '2026-12-10T09:00',
        },
      ],
      travellers: [
        { travellerRef: 'CLEAN', ...person('NC1234567', STATE) },
        { travellerRef: 'LISTED', ...person(listed!.documentNumber, STATE) },
        { travellerRef: 'EXPIRED', ...person('NC7654321', STATE, '2026-01-31') },
      ],
    };
    const file = path.join(workDir, 'manifest.json');
    await writeFile(file, JSON.stringify(manifest));
    const screened = await docscreen('screen', file, '--json');
    expect(screened.code).toBe(1);
    const lines = screened.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { traveller: string; outcome: string; recommendedAction: string; rules: string[] },
      );
    const byRef = Object.fromEntries(lines.map((l) => [l.traveller, l]));
    expect(byRef['CLEAN']).toMatchObject({ outcome: 'clear', recommendedAction: 'no-action', rules: [] });
    expect(byRef['LISTED']).toMatchObject({ outcome: 'hit', recommendedAction: 'do-not-board' });
    expect(byRef['LISTED']!.rules).toContain('DOCUMENT_LISTED');
    expect(byRef['EXPIRED']!.rules).toContain('DOCUMENT_EXPIRED');

    const unusable = path.join(workDir, 'broken.json');
    await writeFile(unusable, '{ not json');
    expect((await docscreen('screen', unusable)).code).toBe(2);
  }, 120_000);
});
