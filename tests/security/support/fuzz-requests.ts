import fc from 'fast-check';
import {
  type Json,
  authorityArb,
  carrierArb,
  lookupArb,
  manifestArb,
  nationalListArb,
  oddValueArb,
  paxlstArb,
  recordArb,
  republishArb,
  seriesArb,
  textAccidentArb,
  validOrGarbled,
  webhookArb,
} from './fuzz-bodies.js';
import type { RawRequest } from './raw-http.js';

/**
 * The requests of the HTTP fuzz test, as data: which service, what kind (for the counts), method,
 * path, who it claims to be, its media type, extra headers and body. Credentials are only known once
 * the services run, so a request names a principal and `toRaw` fills it in.
 */
export type Principal = 'carrier' | 'admin' | 'authority' | 'admin-for-authority' | 'none' | 'wrong' | 'odd';

export interface FuzzRequest {
  service: 'gateway' | 'registry';
  kind: string;
  method: string;
  path: string;
  principal: Principal;
  /** Content-Type as sent; undefined: none. */
  contentType?: string;
  headers: [string, string][];
  body?: Buffer;
  chunked?: boolean;
}

export interface Credentials {
  carrierKey: string;
  adminToken: string;
  authorityCredential: string;
  authorityCode: string;
}

export interface Fixture {
  carrier: string;
  state: string;
}

const json = (value: Json) => Buffer.from(JSON.stringify(value) ?? 'null');
const text = (value: string) => Buffer.from(value, 'utf8');

/** Media types: the right one mostly, else what clients get wrong. */
const mediaTypeArb = (right: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(right) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `${right}; charset=utf-8`,
        right.toUpperCase(),
        `${right}; charset=utf-16`,
        `${right}; charset="iso-8859-1"`,
        `${right};;;`,
        `${right}, text/plain`,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'text/xml',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'application/jsonl',
        'text/csv',
        'application/edifact',
        'text/plain',
        '*/*',
        'application/',
        'json',
        `application/${'x'.repeat(5000)}`,
        'application/json\u00ff',
      ),
    },
  );

const principalArb: fc.Arbitrary<Principal> = fc.constantFrom('none', 'wrong', 'odd');
const gatewayPrincipal = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Principal>('carrier') },
  { weight: 2, arbitrary: principalArb },
);
const registryPrincipal = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Principal>('authority') },
  { weight: 2, arbitrary: fc.constant<Principal>('admin-for-authority') },
  { weight: 2, arbitrary: principalArb },
);
const adminPrincipal = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Principal>('admin') },
  { weight: 2, arbitrary: principalArb },
);

/** Headers around a request: usually none, sometimes odd, huge or many. */
const extraHeadersArb: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<[string, string][]>([]) },
  {
    weight: 4,
    arbitrary: fc.array(
      fc.oneof(
        fc.tuple(
          fc.constant('Idempotency-Key'),
          fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.constant('k'.repeat(4000))),
        ),
        fc.tuple(
          fc.constant('X-Correlation-Id'),
          fc.oneof(fc.uuid(), fc.string({ maxLength: 200 }), fc.constant('\u00ff\u00fe')),
        ),
        fc.tuple(
          fc.constantFrom('Accept', 'Accept-Language', 'Accept-Encoding'),
          fc.constantFrom('application/edifact', '*/*', 'text/html', 'gzip, br', '\u00e9', ''),
        ),
        fc.tuple(
          fc.constantFrom('Content-Encoding'),
          fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-unknown'),
        ),
        fc.tuple(
          fc.constant('Cookie'),
          fc.integer({ min: 1, max: 70_000 }).map((n) => `c=${'x'.repeat(n)}`),
        ),
        fc.tuple(
          fc.constant('x-docscreen-authority'),
          fc.constantFrom('', 'nobody', '\u00ff', 'x'.repeat(300)),
        ),
        fc.tuple(
          fc.constantFrom('X-Forwarded-For', 'Forwarded', 'X-Real-IP'),
          fc.constantFrom('1.2.3.4', '::1', 'garbage', ''),
        ),
        fc.tuple(
          fc.constantFrom('Expect', 'Range', 'If-None-Match'),
          fc.constantFrom('100-continue', 'bytes=0-1', '*'),
        ),
        fc.tuple(
          fc.constantFrom('X-Odd', 'x-\u00e9', 'Authorization'),
          fc.constantFrom('a\u0000b', 'a\rb', 'a\u0001b', '\u00ff'),
        ),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 50, max: 300 })
      .map((n) => Array.from({ length: n }, (_, i): [string, string] => [`X-H${i}`, 'v'])),
  },
);

const base = (service: FuzzRequest['service'], kind: string, method: string, path: string) => ({
  service,
  kind,
  method,
  path,
});

/** A request with a JSON (or text) body of the right media type mostly, by a principal. */
const withBody = (
  service: FuzzRequest['service'],
  kind: string,
  method: string,
  path: fc.Arbitrary<string> | string,
  principal: fc.Arbitrary<Principal>,
  body: fc.Arbitrary<Buffer>,
  mediaType: string,
): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      path: typeof path === 'string' ? fc.constant(path) : path,
      principal,
      contentType: mediaTypeArb(mediaType),
      headers: extraHeadersArb,
      body,
      chunked: fc.nat(9).map((dice) => dice === 0),
    })
    .map((r) => ({ ...base(service, kind, method, r.path), ...r }));

const uuidOrJunk = fc.oneof(
  fc.uuid(),
  fc.constantFrom('x', '00000000-0000-0000-0000-000000000000', '%00', '..', 'a'.repeat(500), '%ff%fe'),
);

/** Paths and methods nobody should send. */
const oddPathArb = fc
  .tuple(
    fc.constantFrom(
      '/',
      '/v1',
      '/v1/manifests',
      '/v1/records',
      '/v1/admin',
      '/health/ready',
      '/docs',
      '/metrics',
      '/v2/x',
      '',
    ),
    fc.array(
      fc.constantFrom(
        '..',
        '%2e%2e',
        '%00',
        '%ff',
        '%',
        '%%',
        '\u00e9',
        '~',
        '.',
        ';x=1',
        'x'.repeat(3000),
        '%C0%AF',
        '*',
      ),
      { maxLength: 3 },
    ),
    fc.constantFrom(
      '',
      '?a=1',
      '?__proto__[x]=1',
      '?limit=-1&afterLine=abc',
      `?q=${'x'.repeat(9000)}`,
      '#frag',
      '?%zz',
    ),
  )
  .map(([head, segments, query]) => `${head}${segments.map((s) => `/${s}`).join('')}${query}` || '*');

const oddRequestArb = (service: FuzzRequest['service']): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      method: fc.constantFrom(
        'GET',
        'POST',
        'PUT',
        'PATCH',
        'DELETE',
        'OPTIONS',
        'HEAD',
        'TRACE',
        'PROPFIND',
        'CONNECT',
        'get',
        'BREW',
      ),
      path: oddPathArb,
      principal: fc.constantFrom<Principal>(
        service === 'gateway' ? 'carrier' : 'authority',
        'admin',
        'none',
        'odd',
      ),
      contentType: mediaTypeArb('application/json'),
      headers: extraHeadersArb,
      body: fc.oneof(fc.constant(undefined), oddValueArb.map(json)),
    })
    .map((r) => ({ ...r, service, kind: `${service} odd path/method` }));

export const requestArb = ({ carrier, state }: Fixture): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    // carrier gateway
    {
      weight: 14,
      arbitrary: withBody(
        'gateway',
        'POST /v1/manifests (JSON)',
        'POST',
        '/v1/manifests',
        gatewayPrincipal,
        validOrGarbled(manifestArb(carrier, 4)).map(json),
        'application/json',
      ),
    },
    {
      weight: 10,
      arbitrary: withBody(
        'gateway',
        'POST /v1/manifests (PAXLST)',
        'POST',
        '/v1/manifests',
        gatewayPrincipal,
        fc
          .tuple(paxlstArb(carrier, 4), textAccidentArb, fc.nat(9))
          .map(([p, accident, dice]) => text(dice < 3 ? p : accident(p))),
        'application/edifact',
      ),
    },
    {
      weight: 8,
      arbitrary: withBody(
        'gateway',
        'POST /v1/interactive (JSON)',
        'POST',
        '/v1/interactive',
        gatewayPrincipal,
        validOrGarbled(manifestArb(carrier, 3)).map(json),
        'application/json',
      ),
    },
    {
      weight: 5,
      arbitrary: withBody(
        'gateway',
        'POST /v1/interactive (PAXLST)',
        'POST',
        '/v1/interactive',
        gatewayPrincipal,
        fc
          .tuple(paxlstArb(carrier, 3), textAccidentArb, fc.nat(9))
          .map(([p, accident, dice]) => text(dice < 3 ? p : accident(p))),
        'application/edifact',
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ id: uuidOrJunk, principal: gatewayPrincipal, headers: extraHeadersArb })
        .map((r) => ({
          ...base('gateway', 'GET /v1/manifests/:id/directives', 'GET', `/v1/manifests/${r.id}/directives`),
          principal: r.principal,
          headers: r.headers,
        })),
    },
    {
      weight: 3,
      arbitrary: withBody(
        'gateway',
        'PUT /v1/carrier/directive-webhook',
        'PUT',
        '/v1/carrier/directive-webhook',
        gatewayPrincipal,
        validOrGarbled(webhookArb).map(json),
        'application/json',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({ principal: gatewayPrincipal, headers: extraHeadersArb }).map((r) => ({
        ...base('gateway', 'DELETE /v1/carrier/directive-webhook', 'DELETE', '/v1/carrier/directive-webhook'),
        ...r,
      })),
    },
    {
      weight: 4,
      arbitrary: withBody(
        'gateway',
        'POST /v1/admin/carriers',
        'POST',
        '/v1/admin/carriers',
        adminPrincipal,
        validOrGarbled(carrierArb).map(json),
        'application/json',
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          code: fc.oneof(
            fc.constantFrom('ZZ', 'Z9', 'zz', '', 'ZZZ', '%00', '\u00e9\u00e9'),
            fc.string({ maxLength: 40 }).map(encodeURIComponent),
          ),
          principal: adminPrincipal,
          headers: extraHeadersArb,
        })
        .filter((r) => r.code.toUpperCase() !== carrier)
        .map((r) => ({
          ...base(
            'gateway',
            'POST /v1/admin/carriers/:iata/keys',
            'POST',
            `/v1/admin/carriers/${r.code}/keys`,
          ),
          principal: r.principal,
          headers: r.headers,
        })),
    },
    // document registry
    {
      weight: 10,
      arbitrary: withBody(
        'registry',
        'POST /v1/records',
        'POST',
        '/v1/records',
        registryPrincipal,
        validOrGarbled(recordArb(state)).map(json),
        'application/json',
      ),
    },
    {
      weight: 4,
      arbitrary: withBody(
        'registry',
        'POST /v1/records/withdraw',
        'POST',
        '/v1/records/withdraw',
        registryPrincipal,
        validOrGarbled(
          recordArb(state).map((r) => ({ ...(r as Record<string, Json>), reason: 'recovered' })),
        ).map(json),
        'application/json',
      ),
    },
    {
      weight: 4,
      arbitrary: withBody(
        'registry',
        'POST /v1/series',
        'POST',
        fc.constantFrom('/v1/series', '/v1/series/withdraw'),
        registryPrincipal,
        validOrGarbled(seriesArb(state)).map(json),
        'application/json',
      ),
    },
    {
      weight: 3,
      arbitrary: withBody(
        'registry',
        'POST /v1/admin/lookups',
        'POST',
        '/v1/admin/lookups',
        adminPrincipal,
        validOrGarbled(lookupArb(state)).map(json),
        'application/json',
      ),
    },
    {
      weight: 3,
      arbitrary: withBody(
        'registry',
        'POST /v1/admin/authorities',
        'POST',
        '/v1/admin/authorities',
        adminPrincipal,
        validOrGarbled(authorityArb).map(json),
        'application/json',
      ),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          nationalListArb(state),
          textAccidentArb,
          fc.nat(9),
          registryPrincipal,
          fc.constantFrom(
            'text/csv',
            'application/jsonl',
            'application/x-ndjson',
            'application/json',
            'text/plain',
            'text/csv; charset=utf-8',
            'TEXT/CSV',
            '',
          ),
          extraHeadersArb,
        )
        .map(([list, accident, dice, principal, contentType, headers]): FuzzRequest => ({
          ...base('registry', 'POST /v1/imports', 'POST', '/v1/imports'),
          principal,
          contentType: dice < 8 ? (list.csv ? 'text/csv' : 'application/jsonl') : contentType,
          headers,
          body: text(dice < 4 ? list.text : accident(list.text)),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          id: uuidOrJunk,
          tail: fc.constantFrom(
            '',
            '/rejects',
            '/rejects?afterLine=-5&limit=99999999',
            '/rejects?limit=abc',
            '/rejects?afterLine=1e309',
          ),
          principal: registryPrincipal,
        })
        .map((r) => ({
          ...base('registry', 'GET /v1/imports/:id', 'GET', `/v1/imports/${r.id}${r.tail}`),
          principal: r.principal,
          headers: [],
        })),
    },
    {
      weight: 1,
      arbitrary: withBody(
        'registry',
        'POST /v1/admin/republishes',
        'POST',
        '/v1/admin/republishes',
        adminPrincipal,
        validOrGarbled(republishArb).map(json),
        'application/json',
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          path: fc.constantFrom(
            '/v1/admin/republishes',
            '/v1/admin/authorities',
            '/v1/topic-watermark',
            '/health/live',
            '/health/ready',
            '/metrics',
          ),
          id: fc.option(uuidOrJunk, { nil: undefined }),
          principal: adminPrincipal,
        })
        .map((r) => ({
          ...base(
            'registry',
            'GET registry reads',
            'GET',
            r.id && r.path === '/v1/admin/republishes' ? `${r.path}/${r.id}` : r.path,
          ),
          principal: r.principal,
          headers: [],
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          path: fc.constantFrom(
            '/v1/admin/carriers',
            '/health/live',
            '/health/ready',
            '/metrics',
            '/docs',
            '/docs-json',
          ),
          principal: adminPrincipal,
        })
        .map((r) => ({
          ...base('gateway', 'GET gateway reads', 'GET', r.path),
          principal: r.principal,
          headers: [],
        })),
    },
    // either: paths, methods and headers nobody should send
    { weight: 4, arbitrary: oddRequestArb('gateway') },
    { weight: 4, arbitrary: oddRequestArb('registry') },
  );

/** The request as bytes on the wire, with the principal's credentials filled in. */
export function toRaw(request: FuzzRequest, credentials: Credentials): RawRequest {
  const headers: [string, string][] = [];
  const bearer = (token: string) => headers.push(['Authorization', `Bearer ${token}`]);
  switch (request.principal) {
    case 'carrier':
      bearer(credentials.carrierKey);
      break;
    case 'admin':
      bearer(credentials.adminToken);
      break;
    case 'authority':
      bearer(credentials.authorityCredential);
      break;
    case 'admin-for-authority':
      bearer(credentials.adminToken);
      headers.push(['x-docscreen-authority', credentials.authorityCode]);
      break;
    case 'wrong':
      bearer(`dsk_${'0'.repeat(40)}`);
      break;
    case 'odd':
      // Which odd spelling follows from the path, so that the seed alone decides it.
      headers.push([
        'Authorization',
        [
          'Basic dXNlcjpwdw==',
          'Bearer',
          'Bearer ',
          `Bearer ${'x'.repeat(9000)}`,
          'Bearer \u00ff\u00fe',
          'bearer  a b c',
          'Token x',
        ][request.path.length % 7]!,
      ]);
      break;
    case 'none':
      break;
  }
  if (request.contentType !== undefined) headers.push(['Content-Type', request.contentType]);
  headers.push(...request.headers);
  return {
    method: request.method,
    path: request.path,
    headers,
    ...(request.body ? { body: request.body } : {}),
    ...(request.chunked ? { chunked: true } : {}),
  };
}

/** A line describing the request for a report: no body, only its size and first bytes, escaped. */
export function describe(request: FuzzRequest): string {
  const body = request.body
    ? ` body ${request.body.length} B ${JSON.stringify(request.body.subarray(0, 160).toString('utf8'))}`
    : '';
  const headers = request.headers
    .map(([n, v]) => `${n}: ${JSON.stringify(v.slice(0, 40))}${v.length > 40 ? '…' : ''}`)
    .slice(0, 4);
  return `${request.method} ${request.path.slice(0, 120)} as ${request.principal}, Content-Type ${JSON.stringify(request.contentType ?? null)}${headers.length ? `, ${headers.join(', ')}` : ''}${request.chunked ? ', chunked' : ''}${body}`;
}
