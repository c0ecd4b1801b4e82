import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfrastructure,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// What the registry refuses, on the real service and database (issue 14, input contracts): control
// characters in any stored text (PostgreSQL error 22021 was a 500), impossible dates (year 0000 was
// a 500), bodies that are not UTF-8 (stored as U+FFFD), over-long codes, and bodies in a media type
// a route does not read (415, also for the bulk import that a JSON parser used to answer 400) — each
// with the field named, and nothing stored.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

interface Problems {
  statusCode: number;
  message: string;
  problems?: { path: string; message: string }[];
}

describe('document-registry input contracts', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  let registry: RunningService;
  let credential: string;

  const send = (url: string, body: string | Buffer, contentType: string, token = credential) =>
    fetch(`${registry.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
  const post = (url: string, body: unknown, token = credential) =>
    send(url, JSON.stringify(body), 'application/json', token);
  const count = async (query: string, values: unknown[] = []) =>
    (await sql.query<{ n: number }>(query, values)).rows[0]?.n ?? 0;
  const record = (overrides: Record<string, unknown>) => ({
    issuingState: 'UTO',
    documentType: 'P',
    documentNumber: `IC${randomBytes(3).toString('hex').toUpperCase()}`,
    status: 'stolen',
    reportedOn: '2026-11-20',
    ...overrides,
  });

  beforeAll(async () => {
    const infra = await testInfrastructure();
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'registry_in',
    );
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    registry = await startServiceProcess({
      name: 'document-registry',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        DATABASE_URL: db.url,
        REDIS_URL: infra.redisUrl,
        IMPORT_DIR: path.join(tmpdir(), `registry-input-${process.pid}`),
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
      },
    });
    const response = await post(
      '/v1/admin/authorities',
      { code: 'uto-input', name: 'Utopia passports', issuingState: 'UTO' },
      ADMIN_TOKEN,
    );
    expect(response.status).toBe(201);
    credential = ((await response.json()) as { credential: string }).credential;
  }, 180_000);

  afterAll(async () => {
    expect(await registry?.stop()).toBe(0);
    await sql?.end();
    await db?.drop();
  });

  it('refuses NUL and other control characters in stored text with 400 naming the field, storing nothing', async () => {
    const number = `NUL${randomBytes(3).toString('hex').toUpperCase()}`;
    const reference = await post(
      '/v1/records',
      record({ documentNumber: number, authorityReference: 'CASE\u00001' }),
    );
    expect(reference.status).toBe(400);
    expect(((await reference.json()) as Problems).problems).toEqual([
      {
        path: 'authorityReference',
        message: 'contains the control character U+0000 at position 5; control characters are not accepted',
      },
    ]);
    expect(
      await count('SELECT count(*)::int AS n FROM document_record WHERE document_number = $1', [number]),
    ).toBe(0);

    for (const name of ['Utopia\u0000passports', 'Utopia\npassports', 'Utopia\u0085passports']) {
      const authority = await post(
        '/v1/admin/authorities',
        { code: 'uto-ctl', name, issuingState: 'UTO' },
        ADMIN_TOKEN,
      );
      expect(authority.status).toBe(400);
      expect(((await authority.json()) as Problems).problems?.[0]?.path).toBe('name');
    }
    expect(await count(`SELECT count(*)::int AS n FROM authority WHERE code = 'uto-ctl'`)).toBe(0);
  });

  it('refuses dates that are not in the calendar (year 0000 was a 500) with the field named', async () => {
    for (const [field, value, reason] of [
      ['reportedOn', '0000-01-01', 'is not a calendar date: there is no year 0000'],
      ['reportedOn', '2026-02-30', 'is not a calendar date: month 02 has no day 30'],
      ['lostOn', '2026-13-45', 'is not a calendar date: there is no month 13'],
      ['reportedOn', '2026-11-20T10:00', 'must be a date YYYY-MM-DD'],
    ] as const) {
      const number = `DT${randomBytes(3).toString('hex').toUpperCase()}`;
      const response = await post('/v1/records', record({ documentNumber: number, [field]: value }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problems).problems).toEqual([{ path: field, message: reason }]);
      expect(
        await count('SELECT count(*)::int AS n FROM document_record WHERE document_number = $1', [number]),
      ).toBe(0);
    }
    const series = await post('/v1/series', {
      issuingState: 'UTO',
      documentType: 'P',
      firstNumber: '1000',
      lastNumber: '1999',
      reportedOn: '0000-00-00',
    });
    expect(series.status).toBe(400);
    expect(((await series.json()) as Problems).problems?.[0]?.path).toBe('reportedOn');
  });

  it('refuses a JSON body that is not UTF-8 with 400 rather than storing U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from('{"code":"uto-latin","name":"Bureau des passeports d'),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('livr\u00e9s","issuingState":"UTO"}'),
    ]);
    const response = await send('/v1/admin/authorities', body, 'application/json', ADMIN_TOKEN);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).message).toBe(
      'the body is not valid UTF-8 (at byte 52); JSON is read as UTF-8 only',
    );
    expect(await count(`SELECT count(*)::int AS n FROM authority WHERE code = 'uto-latin'`)).toBe(0);
  });

  it('limits the authority code it stores and indexes, and says so in OpenAPI', async () => {
    const code = `uto-${'x'.repeat(61)}`;
    const response = await post(
      '/v1/admin/authorities',
      { code, name: 'Long', issuingState: 'UTO' },
      ADMIN_TOKEN,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).problems?.[0]?.path).toBe('code');
    expect(await count('SELECT count(*)::int AS n FROM authority WHERE code = $1', [code])).toBe(0);
    const openapi = (await (await fetch(`${registry.baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: unknown }> } } }>;
    };
    const schemaOf = (route: string) =>
      openapi.paths[route]?.post?.requestBody?.content['application/json']?.schema as {
        properties: Record<string, { maxLength?: number; format?: string }>;
      };
    expect(schemaOf('/v1/admin/authorities').properties['code']?.maxLength).toBe(64);
    expect(schemaOf('/v1/admin/authorities').properties['name']?.maxLength).toBe(200);
    expect(schemaOf('/v1/records').properties['authorityReference']?.maxLength).toBe(100);
    expect(schemaOf('/v1/records').properties['reportedOn']?.format).toBe('date');
  });

  it('answers 415 for a body in a media type its route does not read, before reading it as JSON', async () => {
    // The bulk import reads CSV and JSON Lines: a JSON body is the wrong media type, not broken JSON.
    const imported = await send('/v1/imports', 'issuing_state,document_number\nUTO,X1\n', 'application/json');
    expect(imported.status).toBe(415);
    expect(((await imported.json()) as Problems).message).toMatch(
      /"application\/json" is not accepted here; send text\/csv/,
    );
    expect(await count('SELECT count(*)::int AS n FROM import_job')).toBe(0);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await send('/v1/records', 'issuingState=UTO&documentType=P', contentType);
      expect(response.status).toBe(415);
    }
    // An operator's request is checked after its token, like every other request.
    const unauthenticated = await send('/v1/admin/authorities', 'x', 'text/plain', 'nope');
    expect(unauthenticated.status).toBe(401);
  });
});
