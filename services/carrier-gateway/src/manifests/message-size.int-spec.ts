import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The message-wide limits at their defaults (what the README states), at N and N+1, on the real
// gateway, broker and database: travellers per manifest (1000) and per interactive query (10), in JSON
// and PAXLST, and the request body (MAX_BODY_BYTES, 5 MiB). The per-traveller and per-field limits:
// manifest-limits.int-spec.ts.

const MAX_TRAVELLERS = 1000;
const INTERACTIVE_MAX_TRAVELLERS = 10;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const CARRIER = 'QM';

type Path = '/v1/manifests' | '/v1/interactive';

interface Refusal {
  statusCode: number;
  message: string;
  travellers?: number;
  limit?: number;
}

let flight = 800;

function jsonManifest(travellers: number): string {
  return JSON.stringify({
    legs: [
      {
        carrierCode: CARRIER,
        flightNumber: String(flight++),
        departureAirport: 'LHR',
        arrivalAirport: 'ATH',
        scheduledDepartureLocal: '2026-12-02T07:40',
      },
    ],
    travellers: Array.from({ length: travellers }, (_, i) => ({
      travellerRef: `T${i + 1}`,
      surname: 'TRAVELLER',
      birthDate: '1990-01-01',
      sex: 'X',
      nationality: 'UTO',
      documents: [{ type: 'P', number: `X${i}0000001`, issuingState: 'UTO' }],
    })),
  });
}

/** A D05B passenger list of `travellers` readable travellers on one flight. */
function paxlst(travellers: number): string {
  const reference = `SZ${flight}`;
  const segments = [
    `UNB+UNOA:4+QMAIR:ZZ+DOCSCREEN:ZZ+261201:0900+${reference}++APIS`,
    `UNH+${reference}+PAXLST:D:05B:UN:IATA`,
    'BGM+745',
    'NAD+MS+++OPS DESK',
    `TDT+20+${CARRIER}${flight++}+++${CARRIER}`,
    'LOC+125+LHR',
    'DTM+189:2612021030:201',
    'LOC+87+ATH',
    'DTM+232:2612021600:201',
  ];
  for (let i = 0; i < travellers; i++) {
    segments.push(
      `NAD+FL+++TRAVELLER${i}:ANNA`,
      'ATT+2++F',
      'DTM+329:900101',
      'NAT+2+UTO',
      `DOC+P+P${i}0000001`,
      'DTM+36:301231',
      'LOC+91+UTO',
    );
  }
  segments.push(`CNT+42:${travellers}`, `UNT+${segments.length}+${reference}`, `UNZ+1+${reference}`);
  return ["UNA:+.? '", ...segments.map((s) => `${s}'`)].join('\n');
}

/** `text` followed by blanks (after the JSON value, after UNZ: both readers ignore them) to `bytes`. */
function padded(text: string, bytes: number): Buffer {
  const body = Buffer.alloc(bytes, ' ');
  body.write(text, 'utf8');
  if (Buffer.byteLength(text) > bytes) throw new Error('the message alone is over the size asked for');
  return body;
}

describe('message limits at their defaults', () => {
  let gw: GatewayUnderTest;
  let apiKey: string;

  beforeAll(async () => {
    // No limit configured: the defaults are under test. The rate limit is not.
    gw = await startGateway({ RATE_LIMIT_PER_MINUTE: '100000' });
    apiKey = await gw.registerCarrier(CARRIER);
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  const post = (path: Path, body: string | Buffer, contentType: string) =>
    fetch(`${gw.service.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType, accept: 'application/json' },
      body,
    });

  const formats = [
    ['JSON', 'application/json', jsonManifest],
    ['PAXLST', 'application/edifact', paxlst],
  ] as const;
  const routes = [
    ['/v1/manifests', MAX_TRAVELLERS, 202],
    ['/v1/interactive', INTERACTIVE_MAX_TRAVELLERS, 200],
  ] as const;

  describe.each(routes)('%s', (path, limit, ok) => {
    it.each(formats)(
      `accepts ${limit} travellers in %s and refuses ${limit + 1} with 413 naming the limit`,
      async (_format, contentType, message) => {
        const atLimit = await post(path, message(limit), contentType);
        const answer = (await atLimit.json()) as { accepted?: unknown[]; directives?: unknown[] };
        expect(atLimit.status).toBe(ok);
        expect((answer.accepted ?? answer.directives)?.length).toBe(limit);

        const over = await post(path, message(limit + 1), contentType);
        expect(over.status).toBe(413);
        expect((await over.json()) as Refusal).toEqual({
          statusCode: 413,
          error: 'PAYLOAD_TOO_LARGE',
          message: `${limit + 1} travellers in one message; at most ${limit} are accepted: split it`,
          travellers: limit + 1,
          limit,
        });
      },
      120_000,
    );
  });

  it('counts every traveller of a PAXLST, rejected ones too: a rejected traveller over the limit is 413', async () => {
    // 10 readable travellers and an 11th whose surname is over its limit (rejected alone).
    const text = paxlst(INTERACTIVE_MAX_TRAVELLERS + 1).replace(
      `NAD+FL+++TRAVELLER${INTERACTIVE_MAX_TRAVELLERS}:ANNA'`,
      `NAD+FL+++${'S'.repeat(71)}:ANNA'`,
    );
    // Under the manifest limit the same message is taken, its 11th traveller rejected.
    const batch = await post('/v1/manifests', text, 'application/edifact');
    const receipt = (await batch.json()) as { accepted: unknown[]; rejected: { travellerRef: string }[] };
    expect(batch.status).toBe(202);
    expect(receipt.accepted).toHaveLength(INTERACTIVE_MAX_TRAVELLERS);
    expect(receipt.rejected.map((r) => r.travellerRef)).toEqual([String(INTERACTIVE_MAX_TRAVELLERS + 1)]);

    const over = await post('/v1/interactive', text, 'application/edifact');
    expect(over.status).toBe(413);
    expect(((await over.json()) as Refusal).limit).toBe(INTERACTIVE_MAX_TRAVELLERS);
  });

  it.each(formats)(
    `takes a %s body of MAX_BODY_BYTES (${MAX_BODY_BYTES}) bytes and refuses one byte more with 413 naming the limit`,
    async (_format, contentType, message) => {
      const text = message(1);
      const atLimit = await post('/v1/manifests', padded(text, MAX_BODY_BYTES), contentType);
      expect(atLimit.status).toBe(202);

      const over = await post('/v1/manifests', padded(text, MAX_BODY_BYTES + 1), contentType);
      expect(over.status).toBe(413);
      expect(over.headers.get('content-type')).toContain('application/json');
      expect((await over.json()) as Refusal).toEqual({
        statusCode: 413,
        error: 'PAYLOAD_TOO_LARGE',
        message: `the request body is ${MAX_BODY_BYTES + 1} bytes; at most ${MAX_BODY_BYTES} are accepted`,
        bytes: MAX_BODY_BYTES + 1,
        limit: MAX_BODY_BYTES,
      });
    },
  );
});
