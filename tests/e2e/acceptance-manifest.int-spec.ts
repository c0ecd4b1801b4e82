import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freshGroupAtEnd,
  freePort,
  loadVisaMatrix,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// Issue 7's acceptance manifest through the running services and through `docscreen screen`: a listed
// passport, a passport from a stolen blank series, a tampered MRZ, an expired passport, a missing
// required visa, a transit that needs a visa the traveller does not hold, and clean travellers — each
// yields exactly its alert (none for the clean ones), once, with readable reasons.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const CARRIER = 'XK';
const unique = () => randomBytes(3).toString('hex').toUpperCase();
/** A Dutch-format number: 9 letters and digits (hex never holds the O a Dutch number must not). */
const nld = (prefix: string) => `${prefix}${unique()}1`;
/** A German-format number: 9 characters of C F G H J K L M N P R T V W X Y Z and digits. */
const german = () => `F${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function traveller(
  ref: string,
  nationality: string,
  number: string,
  o: { expiry?: string; tamper?: boolean } = {},
) {
  const expiryDate = o.expiry ?? '2032-05-31';
  const mrz = td3Mrz({
    state: nationality,
    number,
    birthDate: '1985-03-14',
    sex: 'F',
    expiryDate,
    surname: 'DOE',
    givenNames: 'JANE',
  });
  return {
    travellerRef: ref,
    surname: 'DOE',
    givenNames: 'JANE',
    birthDate: '1985-03-14',
    sex: 'F',
    nationality,
    documents: [
      {
        type: 'P',
        number,
        issuingState: nationality,
        expiryDate,
        mrz: o.tamper ? [mrz[0], mrz[1].replace('850314', '850315')] : mrz,
      },
    ],
  };
}

const leg = (flightNumber: string, from: string, to: string, at: string) => ({
  carrierCode: CARRIER,
  flightNumber,
  departureAirport: from,
  arrivalAirport: to,
  scheduledDepartureLocal: at,
});

describe('the acceptance manifest through the running services and docscreen screen', () => {
  const dbs: TestDatabase[] = [];
  let gateway: RunningService;
  let screening: RunningService;
  let registry: RunningService;
  let workDir: string;
  let brokers: string[];
  const listedNumber = nld('NX');
  const blankPrefix = `C${String(Math.floor(Math.random() * 90) + 10)}`;

  const post = async (service: RunningService, url: string, body: unknown, token: string, headers = {}) => {
    const response = await fetch(`${service.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    workDir = await mkdtemp(path.join(tmpdir(), 'acceptance-'));
    const created = await Promise.all(
      (['carrier-gateway', 'screening', 'document-registry'] as const).map((service, i) =>
        createTestDatabase(
          infra.databaseUrl,
          path.join(ROOT, 'services', service, 'prisma/migrations'),
          `e2e_acc_${i}`,
        ),
      ),
    );
    dbs.push(...created);
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    const group = `screening-acceptance-${randomUUID()}`;
    await positionGroupAtEnd(brokers, group, TOPICS.PASSENGER_REPORTED);
    [gateway, screening, registry] = await Promise.all([
      startServiceProcess({
        name: 'carrier-gateway',
        serviceDir: path.join(ROOT, 'services/carrier-gateway'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: created[0]!.url,
          ...(await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
        },
      }),
      startServiceProcess({
        name: 'screening',
        serviceDir: path.join(ROOT, 'services/screening'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: created[1]!.url, KAFKA_GROUP_ID: group },
      }),
      startServiceProcess({
        name: 'document-registry',
        serviceDir: path.join(ROOT, 'services/document-registry'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: created[2]!.url, IMPORT_DIR: workDir, OUTBOX_POLL_MS: '20' },
      }),
    ]);
    await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
    for (const [code, state] of [
      ['acc-nld', 'NLD'],
      ['acc-d', 'D'],
    ] as const)
      expect(
        (
          await post(
            registry,
            '/v1/admin/authorities',
            { code, name: code, issuingState: state },
            ADMIN_TOKEN,
          )
        ).status,
      ).toBe(201);
    const as = (code: string) => ({ 'x-docscreen-authority': code });
    expect(
      (
        await post(
          registry,
          '/v1/records',
          {
            issuingState: 'NLD',
            documentType: 'P',
            documentNumber: listedNumber,
            status: 'stolen',
            reportedOn: '2026-10-01',
          },
          ADMIN_TOKEN,
          as('acc-nld'),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await post(
          registry,
          '/v1/series',
          {
            issuingState: 'D',
            documentType: 'P',
            prefix: blankPrefix,
            firstNumber: '000000',
            lastNumber: '999999',
            reportedOn: '2026-10-01',
          },
          ADMIN_TOKEN,
          as('acc-d'),
        )
      ).status,
    ).toBe(200);
    await waitFor('the registry entries in screening’s index', async () => {
      const a = await post(
        screening,
        '/v1/admin/index/lookups',
        { issuingState: 'NLD', documentNumber: listedNumber },
        ADMIN_TOKEN,
      );
      const b = await post(
        screening,
        '/v1/admin/index/lookups',
        { issuingState: 'D', documentNumber: `${blankPrefix}123456` },
        ADMIN_TOKEN,
      );
      return a.body['listed'] && b.body['listed'] ? true : undefined;
    });
  }, 180_000);

  afterAll(async () => {
    const as = (code: string) => ({ 'x-docscreen-authority': code });
    await post(
      registry,
      '/v1/records/withdraw',
      { issuingState: 'NLD', documentType: 'P', documentNumber: listedNumber, reason: 'reported-in-error' },
      ADMIN_TOKEN,
      as('acc-nld'),
    ).catch(() => undefined);
    await post(
      registry,
      '/v1/series/withdraw',
      {
        issuingState: 'D',
        documentType: 'P',
        prefix: blankPrefix,
        firstNumber: '000000',
        lastNumber: '999999',
        reason: 'reported-in-error',
      },
      ADMIN_TOKEN,
      as('acc-d'),
    ).catch(() => undefined);
    const codes = await Promise.all([gateway, screening, registry].map((s) => s?.stop()));
    await Promise.all(dbs.map((db) => db.drop()));
    await rm(workDir, { recursive: true, force: true });
    expect(codes).toEqual([0, 0, 0]);
  }, 180_000);

  it('raises exactly the expected alerts, once each, with readable reasons — and docscreen screen agrees', async () => {
    const flight = String(100 + Math.floor(Math.random() * 8000));
    const direct = {
      legs: [leg(flight, 'DXB', 'FRA', '2026-12-20T08:00')],
      travellers: [
        traveller('CLEAN-NLD', 'NLD', nld('NC')),
        traveller('CLEAN-D', 'D', german()),
        traveller('LISTED', 'NLD', listedNumber),
        traveller('BLANK', 'D', `${blankPrefix}123456`),
        traveller('TAMPERED', 'NLD', nld('NT'), { tamper: true }),
        traveller('EXPIRED', 'NLD', nld('NE'), { expiry: '2026-11-30' }),
        traveller('NO-VISA', 'AFG', `P${unique()}45`),
      ],
    };
    // Through New York, where no traveller stays airside: transit is entry, and the USA asks an
    // Afghan for a visa he does not hold.
    const transit = {
      legs: [
        leg(String(Number(flight) + 1), 'DXB', 'JFK', '2026-12-20T08:00'),
        leg(String(Number(flight) + 1), 'JFK', 'GRU', '2026-12-21T10:00'),
      ],
      travellers: [
        traveller('TRANSIT', 'AFG', `P${unique()}67`),
        traveller('CLEAN-TRANSIT', 'NLD', nld('NR')),
      ],
    };
    const expected: Record<string, string | undefined> = {
      'CLEAN-NLD': undefined,
      'CLEAN-D': undefined,
      LISTED: 'DOCUMENT_LISTED',
      BLANK: 'DOCUMENT_FROM_STOLEN_BLANK',
      TAMPERED: 'MRZ_CHECK_DIGIT',
      EXPIRED: 'DOCUMENT_EXPIRED',
      'NO-VISA': 'VISA_REQUIRED_MISSING',
      TRANSIT: 'VISA_REQUIRED_MISSING',
      'CLEAN-TRANSIT': undefined,
    };

    const registered = await post(
      gateway,
      '/v1/admin/carriers',
      { iataCode: CARRIER, name: 'Acceptance Air', contactEmail: 'ops@example.org' },
      ADMIN_TOKEN,
    );
    const apiKey = registered.body['apiKey'] as string;
    const alerts = await openTopicReader(brokers, TOPICS.ALERT_RAISED);
    const completed = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const eventIds = new Set<string>();
    const flightKeys = new Set<string>();
    for (const manifest of [direct, transit]) {
      const response = await post(gateway, '/v1/manifests', manifest, apiKey);
      expect(response.status).toBe(202);
      for (const a of response.body['accepted'] as { eventId: string }[]) eventIds.add(a.eventId);
      flightKeys.add(response.body['flightKey'] as string);
    }
    expect(eventIds.size).toBe(Object.keys(expected).length);
    const screened = (
      await completed.read(
        (seen) => [...eventIds].every((id) => seen.some((e) => e.message.passengerEventId === id)),
        90_000,
      )
    ).filter((e) => eventIds.has(e.message.passengerEventId));
    const hitRefs = Object.entries(expected)
      .filter(([, rule]) => rule)
      .map(([ref]) => ref);
    const raised = (
      await alerts.read(
        (seen) =>
          hitRefs.every((ref) =>
            seen.some(
              (e) => flightKeys.has(e.message.flightKey) && e.message.traveller?.travellerRef === ref,
            ),
          ),
        60_000,
      )
    ).filter((e) => flightKeys.has(e.message.flightKey));

    for (const [ref, rule] of Object.entries(expected)) {
      const ours = raised.filter((e) => e.message.traveller?.travellerRef === ref);
      const outcome = screened.find((e) => e.message.travellerRef === ref)?.message;
      if (!rule) {
        expect({ ref, alerts: ours.length }).toEqual({ ref, alerts: 0 });
        expect({ ref, hits: outcome?.hits.length }).toEqual({ ref, hits: 0 });
        continue;
      }
      // Once: every copy of the traveller's alert carries the same alert id.
      expect({ ref, alertIds: new Set(ours.map((e) => e.message.alertId)).size }).toEqual({
        ref,
        alertIds: 1,
      });
      const codes = ours[0]!.message.reasons.map((r) => r.code);
      expect({ ref, codes }).toEqual({ ref, codes: expect.arrayContaining([rule]) });
      for (const reason of ours[0]!.message.reasons) {
        expect(reason.message.length).toBeGreaterThan(15);
        expect(reason.message).not.toMatch(/DOE|JANE|1985/);
      }
    }

    // The same manifest through `docscreen screen`: the same rules hit the same travellers.
    const file = path.join(workDir, 'direct.json');
    await writeFile(file, JSON.stringify(direct));
    const cli = await promisify(execFile)(process.execPath, [BIN, 'screen', file, '--json'], {
      env: { ...process.env, DOCSCREEN_ADMIN_TOKEN: ADMIN_TOKEN, DOCSCREEN_SCREENING_URL: screening.baseUrl },
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in cli ? cli.code : 0).toBe(1);
    const lines = cli.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { traveller: string; rules: string[] });
    for (const line of lines) {
      const rule = expected[line.traveller];
      if (rule) expect(line.rules).toContain(rule);
      else expect(line.rules).toEqual([]);
    }
  }, 240_000);
});
