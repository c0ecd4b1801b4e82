import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { create } from '@bufbuild/protobuf';
import {
  ChangeKind,
  DocumentStatus,
  DocumentType,
  NationalListAction,
  NationalListChangedSchema,
  TOPICS,
  deadLetterTopic,
  decodeEvent,
  newEnvelope,
} from '@docscreen/contracts';
import { createKafkaClient, EventPublisher, HEADERS } from '@docscreen/kafka';
import { createLogger } from '@docscreen/observability';
import {
  createTestDatabase,
  freePort,
  openTopicReader,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// Bulk import and the national Kafka feed, on the real PostgreSQL, Redis (BullMQ) and broker, with the
// registry as its own process: rejects reported by line, a second import of the same list changes and
// publishes nothing, an authority sees only its own imports, a registry killed mid-import resumes from
// its checkpoint without applying or publishing anything twice, and the feed obeys the own-state rule.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
// ISO 3166 keeps the codes starting with Q for private use: states no real list will ever contain.
const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
const STATE = `Q${letter()}${letter()}`;
const OTHER = STATE === 'QZZ' ? 'QZY' : 'QZZ';

interface ImportStatus {
  importId: string;
  state: string;
  totalLines: number;
  linesDone: number;
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
  error: string | null;
}

describe('document-registry imports and national feed', () => {
  let db: TestDatabase;
  let brokers: string[];
  let redisUrl: string;
  let importDir: string;
  let registry: RunningService;
  let sql: pg.Client;
  const credentials: Record<string, string> = {};

  async function start(env: Record<string, string> = {}): Promise<RunningService> {
    return startServiceProcess({
      name: 'document-registry',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        IMPORT_DIR: importDir,
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        // After a SIGKILL the dead member stays in the feed's consumer group until its session times
        // out (30 s); a SIGTERM during that rebalance waits for it before leaving cleanly.
        SHUTDOWN_GRACE_MS: '45000',
        ...env,
      },
    });
  }

  const post = (url: string, body: string, contentType: string, token: string) =>
    fetch(`${registry.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
  const get = async <T>(url: string, token: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${registry.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  async function importList(text: string, token: string, contentType = 'text/csv'): Promise<ImportStatus> {
    const response = await post('/v1/imports', text, contentType, token);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as ImportStatus;
    return waitFor(
      'the import to complete',
      async () => {
        const { body } = await get<ImportStatus>(`/v1/imports/${accepted.importId}`, token);
        return body.state === 'completed' || body.state === 'failed' ? body : undefined;
      },
      120_000,
    );
  }

  const count = async (query: string, values: unknown[] = []) =>
    ((await sql.query<{ n: number }>(query, values)).rows[0]?.n ?? -1) as number;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    redisUrl = infra.redisUrl;
    importDir = await mkdtemp(path.join(tmpdir(), 'registry-imports-'));
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'registry_imp',
    );
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    registry = await start();
    for (const [code, state] of [
      ['home-office', STATE],
      ['other-office', OTHER],
    ] as const) {
      const response = await post(
        '/v1/admin/authorities',
        JSON.stringify({ code, name: code, issuingState: state }),
        'application/json',
        ADMIN_TOKEN,
      );
      expect(response.status).toBe(201);
      credentials[code] = ((await response.json()) as { credential: string }).credential;
    }
    // (Hook timeout: starting the services on a loaded 2-core machine can take over a minute.)
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    expect(await registry?.stop()).toBe(0);
    await db?.drop();
    await rm(importDir, { recursive: true, force: true });
  }, 180_000);

  const LIST = [
    'issuing_state,document_type,document_number,status,reported_on,lost_on,authority_reference,series_first,series_last',
    `${STATE},P,AB1234567,stolen,2026-01-10,2026-01-09,CASE-1,,`,
    `${STATE},I,"ID 99-88-77",lost,2026-02-01,,,,`,
    `${STATE},P,XY7654321,lost,2026-13-01,,,,`, // line 4: impossible month
    `${STATE},Z,AB0000001,lost,2026-01-01,,,,`, // line 5: unknown document type
    `${OTHER},P,CD1111111,stolen,2026-01-01,,,,`, // line 6: another state's document
    `${STATE},P,,stolen_blank,2026-03-01,,CASE-BLANK,C01000,C01999`,
    `${STATE},V,VV0000042,revoked,2026-03-05,,,,`,
  ].join('\n');

  let firstImport: ImportStatus;

  it('imports a list, reporting each rejected line with its reason', async () => {
    const reader = await openTopicReader(brokers, TOPICS.DOCUMENT_STATUS_CHANGED);
    firstImport = await importList(LIST, credentials['home-office']!);
    expect(firstImport).toMatchObject({
      state: 'completed',
      totalLines: 8,
      linesDone: 8,
      added: 4,
      rejected: 3,
    });

    const { body } = await get<{ rejects: { line: number; reason: string }[] }>(
      `/v1/imports/${firstImport.importId}/rejects`,
      credentials['home-office']!,
    );
    expect(body.rejects.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(body.rejects[0]!.reason).toMatch(/reported_on/);
    expect(body.rejects[1]!.reason).toMatch(/document_type/);
    expect(body.rejects[2]!.reason).toMatch(new RegExp(`${OTHER}`));

    const keys = [
      `${STATE}:PASSPORT:AB1234567`,
      `${STATE}:IDENTITY_CARD:ID998877`,
      `${STATE}:PASSPORT:C01000-C01999`,
      `${STATE}:VISA:VV0000042`,
    ];
    const events = await reader.read((seen) => keys.every((k) => seen.some((e) => e.key === k)));
    expect(events.filter((e) => keys.includes(e.key ?? ''))).toHaveLength(4);
    expect(
      await count(`SELECT count(*)::int AS n FROM document_record WHERE issuing_state = $1`, [OTHER]),
    ).toBe(0);
  });

  it('answers lookups from the system of record: a listed number, a number inside a blank series', async () => {
    const lookup = async (documentNumber: string) => {
      const response = await post(
        '/v1/admin/lookups',
        JSON.stringify({ issuingState: STATE, documentNumber }),
        'application/json',
        ADMIN_TOKEN,
      );
      return (await response.json()) as { listed: boolean; hits: { kind: string }[] };
    };
    expect(await lookup('ab 1234567')).toMatchObject({ listed: true, hits: [{ kind: 'record' }] });
    expect(await lookup('C01500')).toMatchObject({ listed: true, hits: [{ kind: 'blank-series' }] });
    expect(await lookup('C02500')).toMatchObject({ listed: false, hits: [] });
  });

  it('imports the same list a second time without changing or publishing anything', async () => {
    const outboxBefore = await count('SELECT count(*)::int AS n FROM outbox_event');
    const again = await importList(LIST, credentials['home-office']!);
    expect(again).toMatchObject({ state: 'completed', added: 0, updated: 0, duplicate: 4, rejected: 3 });
    expect(await count('SELECT count(*)::int AS n FROM outbox_event')).toBe(outboxBefore);
  });

  it('imports a changed list: a changed line is UPDATED, a new one ADDED, each published once', async () => {
    const reader = await openTopicReader(brokers, TOPICS.DOCUMENT_STATUS_CHANGED);
    const changed = [
      'issuing_state,document_type,document_number,status,reported_on,lost_on,authority_reference',
      `${STATE},P,AB1234567,stolen,2026-01-10,2026-01-09,CASE-1`, // as before: a duplicate
      `${STATE},I,"ID 99-88-77",stolen,2026-02-01,,CASE-2`, // now stolen, with a reference
      `${STATE},P,UP0000001,revoked,2026-02-02,,`, // new
    ].join('\n');
    const result = await importList(changed, credentials['home-office']!);
    expect(result).toMatchObject({ state: 'completed', added: 1, updated: 1, duplicate: 1, rejected: 0 });

    const keys = [`${STATE}:IDENTITY_CARD:ID998877`, `${STATE}:PASSPORT:UP0000001`];
    const events = (await reader.read((seen) => keys.every((k) => seen.some((e) => e.key === k)))).filter(
      (e) => e.key?.startsWith(`${STATE}:`),
    );
    expect(events.map((e) => e.key).sort()).toEqual(keys);
    const byKey = new Map(events.map((e) => [e.key, e.message]));
    expect(byKey.get(keys[0]!)).toMatchObject({
      change: ChangeKind.UPDATED,
      subject: {
        case: 'record',
        value: { status: DocumentStatus.STOLEN, authorityReference: 'CASE-2' },
      },
    });
    expect(byKey.get(keys[1]!)).toMatchObject({
      change: ChangeKind.ADDED,
      subject: { case: 'record', value: { status: DocumentStatus.REVOKED } },
    });
    for (const event of events) {
      // The outbox row is keyed by the event's id, and the header carries the same id.
      expect(event.headers[HEADERS.EVENT_ID]).toBe(event.message.envelope?.eventId);
      expect(
        await count('SELECT count(*)::int AS n FROM outbox_event WHERE id = $1', [
          event.message.envelope?.eventId,
        ]),
      ).toBe(1);
    }
  });

  it('reads JSON Lines with the same field names', async () => {
    const jsonl = [
      JSON.stringify({
        issuing_state: STATE,
        document_type: 'P',
        document_number: 'JL0000001',
        status: 'lost',
        reported_on: '2026-04-01',
      }),
      JSON.stringify({
        issuing_state: STATE,
        document_type: 'P',
        document_number: 'JL0000002',
        status: 'sold',
        reported_on: '2026-04-01',
      }),
    ].join('\n');
    const result = await importList(jsonl, credentials['home-office']!, 'application/jsonl');
    expect(result).toMatchObject({ state: 'completed', added: 1, rejected: 1 });
  });

  it('shows an authority its own imports only (404 for another’s, so existence does not leak)', async () => {
    const own = await get(`/v1/imports/${firstImport.importId}`, credentials['home-office']!);
    const other = await get(`/v1/imports/${firstImport.importId}`, credentials['other-office']!);
    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
  });

  it('lets an operator import for a named authority, with exactly that authority’s rights', async () => {
    const response = await fetch(`${registry.baseUrl}/v1/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'x-docscreen-authority': 'other-office',
        'content-type': 'text/csv',
      },
      body: `issuing_state,document_type,document_number,status,reported_on\n${STATE},P,OP0000001,lost,2026-04-01\n`,
    });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as ImportStatus;
    const done = await waitFor('the import', async () => {
      const { body } = await get<ImportStatus>(`/v1/imports/${importId}`, credentials['other-office']!);
      return body.state === 'completed' ? body : undefined;
    });
    expect(done).toMatchObject({ added: 0, rejected: 1 });
  });

  it('resumes an import after the registry is killed mid-way, applying and publishing each line once', async () => {
    await registry.stop();
    registry = await start({ IMPORT_BATCH_LINES: '2000' });
    const lines = ['issuing_state,document_type,document_number,status,reported_on'];
    for (let i = 0; i < 60_000; i++) lines.push(`${STATE},P,RS${String(i).padStart(7, '0')},lost,2026-05-01`);
    const response = await post('/v1/imports', lines.join('\n'), 'text/csv', credentials['home-office']!);
    const { importId } = (await response.json()) as ImportStatus;
    await waitFor('the import to be part-way', async () => {
      const { body } = await get<ImportStatus>(`/v1/imports/${importId}`, credentials['home-office']!);
      return body.linesDone > 0 && body.linesDone < 60_001 ? true : undefined;
    });
    await registry.kill();
    const checkpoint = await count('SELECT lines_done AS n FROM import_job WHERE id = $1', [importId]);
    expect(checkpoint).toBeLessThan(60_001);

    registry = await start({ IMPORT_BATCH_LINES: '2000' });
    const done = await waitFor(
      'the resumed import to complete',
      async () => {
        const { body } = await get<ImportStatus>(`/v1/imports/${importId}`, credentials['home-office']!);
        return body.state === 'completed' ? body : undefined;
      },
      120_000,
    );
    expect(done).toMatchObject({ linesDone: 60_001, added: 60_000, duplicate: 0, rejected: 0 });
    expect(
      await count(`SELECT count(*)::int AS n FROM document_record WHERE document_number LIKE 'RS%'`),
    ).toBe(60_000);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_event WHERE key LIKE $1`, [`${STATE}:PASSPORT:RS%`]),
    ).toBe(60_000);
  });

  it('applies the national feed under the own-state rule, dead-lettering what it cannot apply', async () => {
    const kafka = createKafkaClient({
      clientId: 'national-system-test',
      brokers,
      logger: createLogger({ service: 'national-system-test', level: 'silent' }),
    });
    const publisher = new EventPublisher(kafka);
    await publisher.connect();
    const own = `NF${randomBytes(4).toString('hex').toUpperCase()}`;
    const foreign = `NF${randomBytes(4).toString('hex').toUpperCase()}`;
    // The dead-letter topic keeps every run's letters: find this run's by its document number.
    const dead: { reason: string; number: string }[] = [];
    const dlq = kafka.consumer({ groupId: `dlq-reader-${randomBytes(6).toString('hex')}` });
    await dlq.connect();
    await dlq.subscribe({
      topic: deadLetterTopic(TOPICS.NATIONAL_LIST_CHANGED, 'document-registry'),
      fromBeginning: true,
    });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const letter = decodeEvent(TOPICS.NATIONAL_LIST_CHANGED, message.value ?? Buffer.alloc(0));
        if (letter.subject.case === 'record')
          dead.push({
            reason: String(message.headers?.['x-dlq-reason'] ?? ''),
            number: letter.subject.value.documentNumber,
          });
      },
    });
    const change = (authorityCode: string, documentNumber: string) =>
      create(NationalListChangedSchema, {
        envelope: newEnvelope({ producer: { name: 'national-system', version: '1' } }),
        authorityCode,
        action: NationalListAction.REPORT,
        subject: {
          case: 'record',
          value: {
            issuingState: STATE,
            documentType: DocumentType.PASSPORT,
            documentNumber,
            status: DocumentStatus.STOLEN,
            reportedOn: '2026-06-01',
          },
        },
      });
    await publisher.publish(TOPICS.NATIONAL_LIST_CHANGED, [
      { key: `${STATE}:PASSPORT:${own}`, message: change('home-office', own) },
      { key: `${STATE}:PASSPORT:${foreign}`, message: change('other-office', foreign) },
    ]);
    await waitFor(
      'the feed’s record',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM document_record WHERE document_number = $1`, [own])) ===
        1
          ? true
          : undefined,
      // After the SIGKILL of the previous test the feed's group waits out the dead member's session (30 s).
      90_000,
    );
    const letter = await waitFor('the dead letter', () => dead.find((d) => d.number === foreign), 90_000);
    expect(letter.reason).toBe('forbidden');
    expect(dead.some((d) => d.number === own)).toBe(false);
    expect(
      await count(`SELECT count(*)::int AS n FROM document_record WHERE document_number = $1`, [foreign]),
    ).toBe(0);
    await dlq.disconnect();
    await publisher.disconnect();
  }, 180_000);
});
