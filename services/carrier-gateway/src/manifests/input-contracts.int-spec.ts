import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TOPICS } from '@docscreen/contracts';
import { openTopicReader } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The gateway's input contracts on the real gateway, broker and database (issue 14): impossible
// dates and times (a 500 that left a pending submission), control characters (PostgreSQL error 22021,
// or a NUL published to screening), JSON that is not UTF-8, bodies in a media type a route does not
// read, a PAXLST whose derived idempotency key no index holds, a two-digit expiry year no century
// places, and receipts that grew with the message and quoted document numbers and birth dates. Each
// refusal names the field, and nothing is stored or left pending after one.

interface Problems {
  message: string;
  problems?: { path: string; message: string }[];
  travellers?: number;
  limit?: number;
}
interface Receipt {
  submissionId: string;
  accepted: { travellerRef: string; eventId: string }[];
  rejected: { travellerRef: string; reason: string }[];
  defects: { segment: number; tag: string; element?: string; message: string; code: string }[];
  defectSummary?: { total: number; listed: number; byCode: Record<string, number> };
}

const figures: string[] = [];

describe('gateway input contracts', () => {
  let gw: GatewayUnderTest;
  let sql: pg.Client;
  let apiKey: string;

  const send = (
    route: string,
    body: string | Buffer,
    contentType: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${gw.service.baseUrl}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType, ...headers },
      body,
    });
  const submissions = async () =>
    (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM manifest_submission')).rows[0]!.n;

  const leg = (overrides: Record<string, unknown> = {}) => ({
    carrierCode: 'QI',
    flightNumber: '710',
    departureAirport: 'LHR',
    arrivalAirport: 'ATH',
    scheduledDepartureLocal: '2026-12-02T07:40',
    ...overrides,
  });
  const traveller = (ref: string, overrides: Record<string, unknown> = {}) => ({
    travellerRef: ref,
    surname: 'TRAVELLER',
    birthDate: '1990-01-01',
    sex: 'X',
    nationality: 'UTO',
    documents: [{ type: 'P', number: `IC${ref}0001`, issuingState: 'UTO' }],
    ...overrides,
  });

  beforeAll(async () => {
    gw = await startGateway();
    sql = new pg.Client({ connectionString: gw.db.url });
    await sql.connect();
    apiKey = await gw.registerCarrier('QI');
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    expect(await gw?.stop()).toBe(0);
    process.stdout.write(`${figures.join('\n')}\n`);
  });

  it('refuses an impossible departure time with 400 naming the field, on manifests and interactive queries, storing nothing', async () => {
    const before = await submissions();
    for (const [value, reason] of [
      ['2026-02-30T10:00', 'month 02 has no day 30'],
      ['0000-00-00T10:00', 'there is no year 0000'],
      ['2026-13-45T10:00', 'there is no month 13'],
      ['2026-12-02T25:61', 'there is no hour 25'],
    ]) {
      for (const route of ['/v1/manifests', '/v1/interactive']) {
        const body = JSON.stringify({
          legs: [leg({ scheduledDepartureLocal: value })],
          travellers: [traveller('A')],
        });
        const response = await send(route, body, 'application/json');
        expect(response.status).toBe(400);
        expect(((await response.json()) as Problems).problems).toEqual([
          { path: 'legs.0.scheduledDepartureLocal', message: `is not a date and time of day: ${reason}` },
        ]);
      }
    }
    expect(await submissions()).toBe(before);
  });

  it('rejects alone, naming the field, a traveller with an impossible date or a control character', async () => {
    const response = await send(
      '/v1/manifests',
      JSON.stringify({
        legs: [leg({ flightNumber: '711' })],
        travellers: [
          traveller('OK'),
          traveller('BIRTH', { birthDate: '1987-02-30' }),
          traveller('NUL', { surname: 'TRAVEL\u0000LER' }),
          traveller('EXPIRY', {
            documents: [{ type: 'P', number: 'ICX0001', issuingState: 'UTO', expiryDate: '0000-01-01' }],
          }),
          traveller('ESC', { givenNames: 'ANNA\u001b[2J' }),
        ],
      }),
      'application/json',
    );
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as Receipt;
    expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['OK']);
    expect(Object.fromEntries(receipt.rejected.map((r) => [r.travellerRef, r.reason]))).toEqual({
      BIRTH: 'travellers.1.birthDate: is not a calendar date: month 02 has no day 30',
      NUL: 'travellers.2.surname: contains the control character U+0000 at position 7; control characters are not accepted',
      EXPIRY: 'travellers.3.documents.0.expiryDate: is not a calendar date: there is no year 0000',
      ESC: 'travellers.4.givenNames: contains the control character U+001B at position 5; control characters are not accepted',
    });
  });

  it('refuses a control character in the message itself (its reference is stored) with 400, storing nothing', async () => {
    const before = await submissions();
    const response = await send(
      '/v1/manifests',
      JSON.stringify({
        messageRef: 'REF\u00001',
        legs: [leg({ flightNumber: '712' })],
        travellers: [traveller('A')],
      }),
      'application/json',
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).problems?.[0]?.path).toBe('messageRef');
    expect(await submissions()).toBe(before);
  });

  it('refuses a JSON body that is not UTF-8 with 400 rather than publishing U+FFFD, storing nothing', async () => {
    const before = await submissions();
    const json = JSON.stringify({
      legs: [leg({ flightNumber: '713' })],
      travellers: [traveller('A', { surname: 'MXLLER' })],
    });
    const body = Buffer.from(json, 'utf8');
    body[json.indexOf('MXLLER') + 1] = 0xdc; // Ü in Latin-1: not UTF-8
    for (const route of ['/v1/manifests', '/v1/interactive']) {
      const response = await send(route, body, 'application/json');
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problems).message).toMatch(/^the body is not valid UTF-8/);
    }
    expect(await submissions()).toBe(before);
  });

  it('answers 415 on every route that takes a body, for a media type it does not read', async () => {
    for (const [method, route, contentType] of [
      ['POST', '/v1/manifests', 'application/xml'],
      ['POST', '/v1/interactive', 'application/x-www-form-urlencoded'],
      ['PUT', '/v1/carrier/directive-webhook', 'text/plain'],
      ['PUT', '/v1/carrier/directive-webhook', 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await fetch(`${gw.service.baseUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
        body: 'url=https://example.org/hook',
      });
      expect([route, response.status]).toEqual([route, 415]);
    }
    // Authentication first (a carrier's key is no operator token), then the media type.
    const admin = await fetch(`${gw.service.baseUrl}/v1/admin/carriers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'text/plain' },
      body: 'iataCode=QX',
    });
    expect(admin.status).toBe(401);
  });

  /** A D05B interchange: `messages` messages of one flight, each with `travellers(i)` travellers. */
  function paxlst(
    reference: string,
    options: {
      messages?: number;
      flight?: string;
      travellers: (message: number) => string[][];
    },
  ): string {
    const segments = ["UNA:+.? '", `UNB+UNOA:4+QIAIR:ZZ+DOCSCREEN:ZZ+261201:0900+${reference}++APIS`];
    for (let m = 0; m < (options.messages ?? 1); m++) {
      // Random references: a key PostgreSQL could compress would fit its index whatever its length.
      const unh =
        `${reference}${String(m).padStart(4, '0')}${randomBytes(16).toString('hex').toUpperCase()}`.slice(
          0,
          35,
        );
      const start = segments.length;
      segments.push(
        `UNH+${unh}+PAXLST:D:05B:UN:IATA`,
        'BGM+745',
        `TDT+20+QI${options.flight ?? '720'}+++QI`,
        'LOC+125+LHR',
        'DTM+189:2612021030:201',
        'LOC+87+ATH',
        'DTM+232:2612021600:201',
      );
      const travellers = options.travellers(m);
      for (const t of travellers) segments.push(...t);
      segments.push(`CNT+42:${travellers.length}`);
      segments.push(`UNT+${segments.length - start + 1}+${unh}`);
    }
    segments.push(`UNZ+${options.messages ?? 1}+${reference}`);
    return segments.map((s, i) => (i === 0 ? s : `${s}'`)).join('\n');
  }
  const paxTraveller = (surname: string, number: string, birth = '900101', extra: string[] = []) => [
    `NAD+FL+++${surname}:ANNA`,
    'ATT+2++F',
    `DTM+329:${birth}`,
    'NAT+2+UTO',
    `DOC+P+${number}`,
    'DTM+36:301231',
    'LOC+91+UTO',
    ...extra,
  ];

  it('accepts and replays a PAXLST whose derived idempotency key is longer than an index holds', async () => {
    // 150 messages of 35-character references: the key (sender, interchange, every message) is
    // 5,400 characters; a PostgreSQL btree entry holds about 2,700 bytes (it was a 500).
    const text = paxlst('LONGKEY', {
      messages: 150,
      flight: '721',
      travellers: (m) => (m === 0 ? [paxTraveller('KEYHOLDER', 'ICK0001')] : []),
    });
    const first = await send('/v1/manifests', text, 'application/edifact');
    expect(first.status).toBe(202);
    const receipt = (await first.json()) as Receipt;
    expect(receipt.accepted).toHaveLength(1);
    const again = await send('/v1/manifests', text, 'application/edifact');
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Receipt).submissionId).toBe(receipt.submissionId);
  });

  it('keeps an Idempotency-Key longer than 255 characters whole: two such keys are two submissions', async () => {
    const prefix = 'k'.repeat(300);
    const body = (n: string) =>
      JSON.stringify({ legs: [leg({ flightNumber: '722' })], travellers: [traveller(n)] });
    const a = await send('/v1/manifests', body('A'), 'application/json', { 'idempotency-key': `${prefix}A` });
    const b = await send('/v1/manifests', body('B'), 'application/json', { 'idempotency-key': `${prefix}B` });
    expect([a.status, b.status]).toEqual([202, 202]);
    const replay = await send('/v1/manifests', body('A'), 'application/json', {
      'idempotency-key': `${prefix}A`,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('counts every traveller towards the limit: 100,000 empty NAD+FL are refused at once with 413, storing nothing', async () => {
    const before = await submissions();
    const text = paxlst('MANYNAD', {
      flight: '723',
      travellers: () => [
        paxTraveller('FIRST', 'ICM0001'),
        ...Array.from({ length: 100_000 }, () => ['NAD+FL']),
      ],
    });
    const started = performance.now();
    const response = await send('/v1/manifests', text, 'application/edifact');
    const answer = await response.text();
    const ms = performance.now() - started;
    expect(response.status).toBe(413);
    expect(JSON.parse(answer)).toMatchObject({ travellers: 100_001, limit: 1_000 });
    expect(Buffer.byteLength(answer)).toBeLessThan(1_000);
    expect(await submissions()).toBe(before);
    figures.push(
      `100,000 NAD+FL (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB): ${response.status} in ${ms.toFixed(0)} ms, ` +
        `${Buffer.byteLength(answer)} bytes answered`,
    );
  });

  it('bounds the receipt, answered and stored, and quotes no document number, name or birth date in it', async () => {
    // 1,000 travellers, each document without its issuing state (a defect quoting the number, before).
    const numbers = Array.from({ length: 1_000 }, (_, i) => `NF${String(1175452 + i)}`);
    const text = paxlst('BOUNDED', {
      flight: '724',
      travellers: () =>
        numbers.map((number, i) => [
          `NAD+FL+++SURNAME${i}:GIVEN${i}`,
          'ATT+2++F',
          'DTM+329:870314',
          'NAT+2+UTO',
          `DOC+P+${number}`,
          'DTM+36:301231',
        ]),
    });
    const response = await send('/v1/manifests', text, 'application/edifact');
    const answer = await response.text();
    expect(response.status).toBe(202);
    const receipt = JSON.parse(answer) as Receipt;
    expect(receipt.accepted).toHaveLength(1_000);
    expect(receipt.defects).toHaveLength(100);
    expect(receipt.defectSummary).toMatchObject({ total: 1_000, listed: 100 });
    expect(receipt.defectSummary?.byCode['missing-issuing-state']).toBe(1_000);
    expect(receipt.defects[0]).toMatchObject({ code: 'missing-issuing-state', tag: 'DOC' });
    const { rows } = await sql.query<{ receipt: string }>(
      'SELECT receipt::text AS receipt FROM manifest_submission WHERE id = $1',
      [receipt.submissionId],
    );
    const stored = rows[0]!.receipt;
    for (const quoted of [numbers[0]!, numbers[999]!, 'SURNAME1', 'GIVEN1', '870314', '1987-03-14']) {
      expect([quoted, answer.includes(quoted), stored.includes(quoted)]).toEqual([quoted, false, false]);
    }
    figures.push(
      `receipt of 1,000 travellers with 1,000 defects: ${Buffer.byteLength(answer)} bytes answered, ` +
        `${Buffer.byteLength(stored)} stored`,
    );
  });

  it('rejects alone a PAXLST traveller with a control character in its name, naming segment and element', async () => {
    const text = paxlst('RELEASE', {
      flight: '725',
      // A tab is data inside an EDIFACT element (other control characters the reader drops, with a defect).
      travellers: () => [paxTraveller('CLEAN', 'ICR0001'), paxTraveller('DO\tE', 'ICR0002')],
    });
    const response = await send('/v1/manifests', text, 'application/edifact');
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as Receipt;
    expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['1']);
    expect(receipt.rejected).toEqual([
      {
        travellerRef: '2',
        reason: expect.stringMatching(
          /^segment 17 NAD 4\.1: the surname contains the control character U\+0009 at position 3/,
        ),
      },
    ]);
  });

  it('reads a two-digit expiry year no century places as a defect, never as 1999', async () => {
    const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
    const text = paxlst('EXPIRY99', {
      flight: '726',
      travellers: () => [
        [
          `NAD+FL+++EXPIRY:ANNA`,
          'ATT+2++F',
          'DTM+329:900101',
          'NAT+2+UTO',
          'DOC+P+ICE0001',
          'DTM+36:991231',
          'LOC+91+UTO',
        ],
      ],
    });
    const response = await send('/v1/manifests', text, 'application/edifact');
    expect(response.status).toBe(202);
    const receipt = (await response.json()) as Receipt;
    expect(receipt.defects).toContainEqual(
      expect.objectContaining({
        code: 'bad-date',
        element: 'DTM 1.2',
        message: expect.stringContaining(
          'cannot be placed: no century puts the two-digit year 99 of an expiry date',
        ),
      }),
    );
    const eventId = receipt.accepted[0]!.eventId;
    const events = await reader.read((seen) => seen.some((e) => e.message.envelope?.eventId === eventId));
    const published = events.find((e) => e.message.envelope?.eventId === eventId)!;
    expect(published.message.traveller?.documents[0]?.expiryDate).toBe('');
  });
});
