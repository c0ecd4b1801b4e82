import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  positionGroupAtEnd,
  startServiceProcess,
  testInfrastructure,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// Screening's operators' API keeps the input contract every docscreen API keeps (issue 14): dates
// that exist (year 0000 was a 500), no control character in any field or URL parameter (a NUL in a
// rule set's version was a 500, PostgreSQL 22021), and 415 for a body its route does not read.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

interface Problems {
  message: string;
  problems?: { path: string; message: string }[];
}

describe('screening input contracts', () => {
  let db: TestDatabase;
  let service: RunningService;
  const send = (route: string, body: string, contentType: string) =>
    fetch(`${service.baseUrl}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
      body,
    });

  beforeAll(async () => {
    const infra = await testInfrastructure();
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'screening_in',
    );
    const groupId = `screening-input-${randomUUID()}`;
    await positionGroupAtEnd(infra.kafkaBrokers, groupId, TOPICS.PASSENGER_REPORTED);
    service = await startServiceProcess({
      name: 'screening',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        DATABASE_URL: db.url,
        KAFKA_GROUP_ID: groupId,
        ADMIN_TOKEN,
        INTERACTIVE_TOKEN: randomBytes(24).toString('base64url'),
        LOG_LEVEL: 'error',
      },
    });
  }, 180_000);

  afterAll(async () => {
    const code = await service?.stop();
    await db?.drop();
    expect(code).toBe(0);
  });

  it('refuses a violation recorded on a day that does not exist, naming the field', async () => {
    for (const [recordedOn, reason] of [
      ['0000-01-01', 'is not a calendar date: there is no year 0000'],
      ['2026-02-30', 'is not a calendar date: month 02 has no day 30'],
    ]) {
      const response = await send(
        '/v1/admin/violations',
        JSON.stringify({
          issuingState: 'NLD',
          documentNumber: 'SPECI2014',
          kind: 'overstay',
          state: 'GBR',
          recordedOn,
        }),
        'application/json',
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problems).problems).toEqual([
        { path: 'recordedOn', message: reason },
      ]);
    }
  });

  it('refuses a control character in a field or a URL parameter with 400 naming it', async () => {
    const violation = await send(
      '/v1/admin/violations',
      JSON.stringify({
        issuingState: 'NLD',
        documentNumber: 'SPECI\u00002014',
        kind: 'overstay',
        state: 'GBR',
        recordedOn: '2026-01-01',
      }),
      'application/json',
    );
    expect(violation.status).toBe(400);
    expect(((await violation.json()) as Problems).problems?.[0]?.path).toBe('documentNumber');
    const activate = await send('/v1/admin/rule-sets/v%00x/activate', '', 'application/json');
    expect(activate.status).toBe(400);
    expect(((await activate.json()) as Problems).problems?.[0]?.path).toBe('version');
  });

  it('answers 415 for a body in a media type its route does not read', async () => {
    // The visa matrix is CSV: JSON is the wrong media type, whatever it holds.
    const matrix = await send('/v1/admin/visa-matrices', '{"Passport":"NLD"}', 'application/json');
    expect(matrix.status).toBe(415);
    expect(((await matrix.json()) as Problems).message).toMatch(/send text\/csv/);
    const rules = await send('/v1/admin/rule-sets', 'version=v1', 'application/x-www-form-urlencoded');
    expect(rules.status).toBe(415);
  });
});
