import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { carrierDirectiveTopic, decodeEvent, DirectiveCode, TOPICS } from '@docscreen/contracts';
import { readCusres } from '@docscreen/edifact';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
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
import { verifyWebhook } from '@docscreen/webhooks';
import { readCusresIndependently } from '../conformance/cusres-reader.js';
import { call, listStolenPassport } from './support/services.js';
import { Kafka, logLevel } from 'kafkajs';

// Issue 4's interactive API (iAPI) on the real stack: carrier-gateway → screening over HTTP inside the
// budget, with the registry's lost/stolen list behind screening. Each directive (board, do-not-board,
// contact the authority) in JSON and in EDIFACT (a CUSRES that libs/edifact's reader and an
// independent one read back), the safe default when screening hangs, and the decision recorded like
// any other screening: ScreeningCompleted, the BoardingDirective on the carrier's topic, through
// GET /v1/manifests/{id}/directives and the carrier's signed webhook.

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const run = promisify(execFile);
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');
const CARRIER = 'XI';
const unique = () => randomBytes(3).toString('hex').toUpperCase();
/** A Dutch-format number (hex never holds the O a Dutch number must not). */
const nld = (prefix: string) => `${prefix}${unique()}1`;

function traveller(ref: string, number: string, o: { declaredBirthDate?: string } = {}) {
  const mrz = td3Mrz({
    state: 'NLD',
    number,
    birthDate: '1985-03-14',
    sex: 'F',
    expiryDate: '2032-05-31',
    surname: 'DOE',
    givenNames: 'JANE',
  });
  return {
    travellerRef: ref,
    surname: 'DOE',
    givenNames: 'JANE',
    birthDate: o.declaredBirthDate ?? '1985-03-14',
    sex: 'F',
    nationality: 'NLD',
    documents: [{ type: 'P', number, issuingState: 'NLD', expiryDate: '2032-05-31', mrz }],
  };
}

const query = (flightNumber: string, travellers: unknown[]) => ({
  legs: [
    {
      carrierCode: CARRIER,
      flightNumber,
      departureAirport: 'DXB',
      arrivalAirport: 'FRA',
      scheduledDepartureLocal: '2026-12-20T08:00',
    },
  ],
  travellers,
});

/** An interactive PAXLST query (D05B) for travellers with a Dutch passport each. */
function paxlstQuery(flightNumber: string, travellers: { ref: string; number: string }[]): string {
  const reference = unique();
  const body = [
    'BGM+745',
    'NAD+MS+++INTERACTIVE AIR',
    `TDT+20+${CARRIER}${flightNumber}+++${CARRIER}`,
    'LOC+125+DXB',
    'DTM+189:2612200800:201',
    'LOC+87+FRA',
    'DTM+232:2612201230:201',
  ];
  for (const t of travellers) {
    body.push(
      'NAD+FL+++DOE:JANE',
      'ATT+2++F',
      'DTM+329:850314',
      'NAT+2+NLD',
      `RFF+ABO:${t.ref}`,
      `DOC+P:110:111+${t.number}`,
      'DTM+36:320531',
      'LOC+91+NLD',
    );
  }
  body.push(`CNT+42:${travellers.length}`);
  const message = [`UNH+${reference}+PAXLST:D:05B:UN:IATA`, ...body];
  message.push(`UNT+${message.length + 1}+${reference}`);
  return [
    "UNA:+.? '",
    `UNB+UNOA:4+INTAIR:ZZ+DOCSCREEN:ZZ+261220:0700+${reference}++APIS`,
    ...message,
    `UNZ+1+${reference}`,
  ]
    .map((s, i) => (i === 0 ? s : `${s}'`))
    .join('\n');
}

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('interactive API: board / do-not-board / contact the authority, synchronously', () => {
  const dbs: TestDatabase[] = [];
  let gateway: RunningService;
  let screening: RunningService;
  let registry: RunningService;
  let brokers: string[];
  let apiKey: string;
  let webhookSecret: string;
  let receiver: Server;
  const deliveries: Delivery[] = [];
  const listed = nld('NX');

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const created = await Promise.all(
      (['carrier-gateway', 'screening', 'document-registry'] as const).map((service, i) =>
        createTestDatabase(
          infra.databaseUrl,
          path.join(ROOT, 'services', service, 'prisma/migrations'),
          `e2e_iapi_${i}`,
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
    const screeningGroup = `screening-iapi-${unique().toLowerCase()}`;
    await positionGroupAtEnd(brokers, screeningGroup, TOPICS.PASSENGER_REPORTED);
    const screeningPort = await freePort();
    [screening, registry] = await Promise.all([
      startServiceProcess({
        name: 'screening',
        serviceDir: path.join(ROOT, 'services/screening'),
        port: screeningPort,
        env: { ...common, DATABASE_URL: created[1]!.url, KAFKA_GROUP_ID: screeningGroup, INTERACTIVE_TOKEN },
      }),
      startServiceProcess({
        name: 'document-registry',
        serviceDir: path.join(ROOT, 'services/document-registry'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: created[2]!.url,
          IMPORT_DIR: path.join(ROOT, '.run', 'test-imports'),
          OUTBOX_POLL_MS: '20',
        },
      }),
    ]);
    gateway = await startServiceProcess({
      name: 'carrier-gateway',
      serviceDir: path.join(ROOT, 'services/carrier-gateway'),
      port: await freePort(),
      env: {
        ...common,
        DATABASE_URL: created[0]!.url,
        SCREENING_URL: screening.baseUrl,
        SCREENING_TOKEN: INTERACTIVE_TOKEN,
        INTERACTIVE_BUDGET_MS: '3000',
        // The carrier's receiver is on 127.0.0.1 over plain http; its secret is sealed at rest.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        SECRETS_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
        ...(await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
      },
    });
    await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
    await listStolenPassport(
      { registry, screening, adminToken: ADMIN_TOKEN },
      { authority: 'iapi-nld', issuingState: 'NLD', documentNumber: listed },
    );
    const carrier = await call(gateway, 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: CARRIER,
      name: 'Interactive Air',
      contactEmail: 'ops@example.org',
    });
    apiKey = carrier.body['apiKey'] as string;
    const address = receiver.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const webhook = await call(gateway, 'PUT', '/v1/carrier/directive-webhook', apiKey, {
      url: `http://127.0.0.1:${port}/directives`,
    });
    expect(webhook.status).toBe(200);
    webhookSecret = webhook.body['secret'] as string;
  }, 180_000);

  afterAll(async () => {
    screening?.resume();
    await call(
      registry,
      'POST',
      '/v1/records/withdraw',
      ADMIN_TOKEN,
      { issuingState: 'NLD', documentType: 'P', documentNumber: listed, reason: 'reported-in-error' },
      { 'x-docscreen-authority': 'iapi-nld' },
    ).catch(() => undefined);
    const codes = await Promise.all([gateway, screening, registry].map((s) => s?.stop()));
    await Promise.all(dbs.map((db) => db.drop()));
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    expect(codes).toEqual([0, 0, 0]);
  }, 180_000);

  it('answers JSON: board for a clean passport, do-not-board for a listed one, contact the authority for a mismatch — and records each like any screening', async () => {
    const completed = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const flight = String(100 + Math.floor(Math.random() * 8000));
    const answer = await call(
      gateway,
      'POST',
      '/v1/interactive',
      apiKey,
      query(flight, [
        traveller('CLEAN', nld('NC')),
        traveller('LISTED', listed),
        traveller('MISMATCH', nld('NM'), { declaredBirthDate: '1985-03-15' }),
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body['answeredBy']).toBe('screening');
    const directives = answer.body['directives'] as {
      travellerRef: string;
      directive: string;
      reason: string;
      screeningId: string;
    }[];
    const byRef = Object.fromEntries(directives.map((d) => [d.travellerRef, d]));
    expect(byRef['CLEAN']).toMatchObject({ directive: 'board', reason: '' });
    expect(byRef['LISTED']?.directive).toBe('do-not-board');
    expect(byRef['MISMATCH']?.directive).toBe('contact-authority');
    // The carrier is told what to do, never what was found.
    expect(directives.map((d) => d.reason).join(' ')).not.toMatch(/stolen|lost|listed|NLD/i);

    // Recorded like any other screening: one ScreeningCompleted per traveller, same screening ids.
    const screeningIds = new Set(directives.map((d) => d.screeningId));
    const seen = await completed.read(
      (events) => [...screeningIds].every((id) => events.some((e) => e.message.screeningId === id)),
      60_000,
    );
    expect(seen.filter((e) => screeningIds.has(e.message.screeningId)).length).toBeGreaterThanOrEqual(3);

    // Screening's directives reach the gateway's record (polling), the carrier's topic and its webhook.
    const submissionId = answer.body['submissionId'] as string;
    const standing = await waitFor('the directives of the query in the gateway’s record', async () => {
      const list = await call(gateway, 'GET', `/v1/manifests/${submissionId}/directives`, apiKey);
      const items = list.body['directives'] as { travellerRef: string; directive: string; source: string }[];
      return items.length === 3 ? items : undefined;
    });
    expect(Object.fromEntries(standing.map((d) => [d.travellerRef, d.directive]))).toEqual({
      CLEAN: 'board',
      LISTED: 'do-not-board',
      MISMATCH: 'contact-authority',
    });
    expect(standing.every((d) => d.source === 'screening')).toBe(true);

    const onTopic = await readCarrierTopic(brokers, carrierDirectiveTopic(CARRIER), submissionId, 3);
    expect(onTopic.sort()).toEqual(
      [DirectiveCode.BOARD, DirectiveCode.DO_NOT_BOARD, DirectiveCode.CONTACT_AUTHORITY].sort(),
    );

    const hooks = await waitFor('three signed directive webhooks', async () => {
      const mine = deliveries.filter(
        (d) => (JSON.parse(d.body) as { submissionId: string }).submissionId === submissionId,
      );
      return mine.length >= 3 ? mine : undefined;
    });
    for (const hook of hooks) {
      expect(verifyWebhook({ secret: webhookSecret, headers: hook.headers, body: hook.body })).toMatchObject({
        ok: true,
      });
    }
    expect(new Set(hooks.map((h) => h.headers['x-docscreen-delivery'])).size).toBe(3);

    // Another carrier's key does not see this manifest's directives: 404, so existence does not leak.
    const other = await call(gateway, 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: 'XJ',
      name: 'Other Air',
      contactEmail: 'ops@example.org',
    });
    const foreign = await call(
      gateway,
      'GET',
      `/v1/manifests/${submissionId}/directives`,
      other.body['apiKey'] as string,
    );
    expect(foreign.status).toBe(404);
  }, 180_000);

  it('does not board a listed passport spelled with look-alike characters, nor a number that is not one', async () => {
    // Declared without an MRZ, as a carrier's JSON may: the number alone is what the check rests on.
    const declared = (ref: string, number: string) => ({
      ...traveller(ref, listed),
      documents: [{ type: 'P', number, issuingState: 'NLD', expiryDate: '2032-05-31' }],
    });
    const lookAlikes: Record<string, string> = {
      N: '\u039D',
      X: '\u0425',
      A: '\u0410',
      B: '\u0412',
      C: '\u0421',
      E: '\u0415',
    };
    const cyrillicAndGreek = [...listed].map((c) => lookAlikes[c] ?? c).join('');
    const fullwidth = [...listed]
      .map((c) => String.fromCodePoint(c.codePointAt(0)! - 0x21 + 0xff01))
      .join('');
    const answer = await call(
      gateway,
      'POST',
      '/v1/interactive',
      apiKey,
      query(String(100 + Math.floor(Math.random() * 8000)), [
        declared('SCRIPTS', cyrillicAndGreek),
        declared('FULLWIDTH', fullwidth),
        declared('ZEROWIDTH', `${listed.slice(0, 3)}\u200B${listed.slice(3)}`),
        declared('INVISIBLE', '\u200B'),
        declared('FILLERS', '-<-'),
      ]),
    );
    expect(answer.status).toBe(200);
    const directives = answer.body['directives'] as { travellerRef: string; directive: string }[];
    expect(Object.fromEntries(directives.map((d) => [d.travellerRef, d.directive]))).toEqual({
      SCRIPTS: 'do-not-board',
      FULLWIDTH: 'do-not-board',
      ZEROWIDTH: 'do-not-board',
      INVISIBLE: 'contact-authority',
      FILLERS: 'contact-authority',
    });
  });

  it('answers an interactive PAXLST with a CUSRES that both EDIFACT readers read back: 0Z and 1Z', async () => {
    const clean = nld('NP');
    const answer = await call(
      gateway,
      'POST',
      '/v1/interactive',
      apiKey,
      paxlstQuery(String(100 + Math.floor(Math.random() * 8000)), [
        { ref: 'PAX1', number: clean },
        { ref: 'PAX2', number: listed },
      ]),
      { 'content-type': 'application/edifact' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/edifact/);
    expect(answer.headers.get('x-answered-by')).toBe('screening');
    const reading = readCusres(answer.text);
    if (!reading.ok) throw new Error(`CUSRES not readable: ${JSON.stringify(reading.errors)}`);
    const byRef = Object.fromEntries(reading.travellers.map((t) => [t.travellerRef, t]));
    expect(byRef['PAX1']).toMatchObject({ code: '0Z', directive: 'board' });
    expect(byRef['PAX2']).toMatchObject({ code: '1Z', directive: 'do-not-board' });
    expect(byRef['PAX2']?.reason).toBeTruthy();
    // And by a reader that shares no code with libs/edifact (tests/conformance/cusres-reader.ts).
    const independent = readCusresIndependently(answer.text);
    expect(independent.problems).toEqual([]);
    expect(independent.travellers.map((t) => [t.travellerRef, t.code, t.directive])).toEqual([
      ['PAX1', '0Z', 'board'],
      ['PAX2', '1Z', 'do-not-board'],
    ]);
    expect(independent.travellers[1]!.reason).toBe(byRef['PAX2']?.reason);
  }, 120_000);

  it('docscreen check prints the directives and exits 0 only when every traveller may board', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'iapi-check-'));
    const check = (file: string) =>
      run(
        process.execPath,
        [BIN, 'check', '--carrier', CARRIER, '--file', file, '--url', gateway.baseUrl, '--json'],
        {
          cwd: ROOT,
          env: { ...process.env, DOCSCREEN_API_KEY: apiKey },
        },
      );
    try {
      const clean = path.join(dir, 'clean.json');
      const mixed = path.join(dir, 'mixed.json');
      const flight = String(100 + Math.floor(Math.random() * 8000));
      await writeFile(clean, JSON.stringify(query(flight, [traveller('C1', nld('NK'))])));
      await writeFile(
        mixed,
        JSON.stringify(query(flight, [traveller('C2', nld('NL')), traveller('L1', listed)])),
      );
      const boarded = await check(clean);
      expect(JSON.parse(boarded.stdout)).toMatchObject({
        directives: [{ travellerRef: 'C1', directive: 'board' }],
      });
      const refused = await check(mixed).then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(refused?.code).toBe(1);
      expect(JSON.parse(refused?.stdout ?? '{}')).toMatchObject({
        directives: expect.arrayContaining([
          expect.objectContaining({ travellerRef: 'L1', directive: 'do-not-board' }),
        ]),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('answers the safe default — contact the authority, within the budget — while screening hangs, and screening’s own directive follows', async () => {
    const flight = String(100 + Math.floor(Math.random() * 8000));
    screening.pause();
    let answer: Awaited<ReturnType<typeof call>>;
    try {
      answer = await call(
        gateway,
        'POST',
        '/v1/interactive',
        apiKey,
        query(flight, [traveller('HUNG', nld('NH'))]),
      );
    } finally {
      screening.resume();
    }
    // Answered while screening still hangs, so by the budget's timer, not by screening: the safe
    // default. (How long the budget is, and the answer's latency, are the benchmark's to measure.)
    expect(answer.status).toBe(200);
    expect(answer.body['answeredBy']).toBe('safe-default');
    expect(answer.body['directives']).toEqual([
      expect.objectContaining({ travellerRef: 'HUNG', directive: 'contact-authority', screeningId: null }),
    ]);
    const submissionId = answer.body['submissionId'] as string;
    // The traveller was accepted and published: screening decides once it runs again, and its
    // directive supersedes the safe default.
    const standing = await waitFor(
      'screening’s directive superseding the safe default',
      async () => {
        const list = await call(gateway, 'GET', `/v1/manifests/${submissionId}/directives`, apiKey);
        const items = list.body['directives'] as { directive: string; source: string }[];
        return items[0]?.source === 'screening' ? items : undefined;
      },
      90_000,
    );
    expect(standing).toEqual([expect.objectContaining({ directive: 'board', source: 'screening' })]);
  }, 180_000);
});

/** The directive codes published on the carrier's own topic for one submission. */
async function readCarrierTopic(
  brokers: readonly string[],
  topic: string,
  submissionId: string,
  count: number,
): Promise<DirectiveCode[]> {
  const kafka = new Kafka({ clientId: 'iapi-test', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `iapi-test-${unique().toLowerCase()}` });
  const codes: DirectiveCode[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`saw ${codes.length} of ${count} directives on ${topic}`)),
        60_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!message.value) return;
          const directive = decodeEvent(TOPICS.BOARDING_DIRECTIVE, message.value);
          if (directive.submissionId !== submissionId) return;
          codes.push(directive.directive);
          if (codes.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return codes;
}
