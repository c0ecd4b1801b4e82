import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  loadVisaMatrix,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  throwawayZipkin,
  waitFor,
  type RunningService,
  type TestDatabase,
  type ThrowawayZipkin,
} from '@docscreen/testing';
import { verifyWebhook } from '@docscreen/webhooks';
import { call, listStolenPassport } from './support/services.js';

// Issue 4's "done when", through every running service: a passport listed at the registry, a manifest
// submitted at the gateway, screening raising the alert, alert-dispatch routing it to the agency of the
// destination state — over its Kafka topic (read with `docscreen alerts`) and over a signed webhook
// whose receiver fails twice — where it appears once in the agency's list and is acknowledged and
// resolved with `docscreen alerts ack|resolve`, leaving an audit trail. Every service exports its spans
// to a Zipkin of the test's own, where that traveller's trace is read back whole (issue 16).

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'libs/cli/bin/docscreen.js');
const run = promisify(execFile);
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const CARRIER = 'XA';
const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
const unique = () => randomBytes(3).toString('hex').toUpperCase();

function traveller(ref: string, number: string) {
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
    birthDate: '1985-03-14',
    sex: 'F',
    nationality: 'NLD',
    documents: [{ type: 'P', number, issuingState: 'NLD', expiryDate: '2032-05-31', mrz }],
  };
}

interface Attempt {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

/** A span as Zipkin's API v2 returns it (names lower-cased by Zipkin). */
interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: string;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

describe('an alert raised by screening reaches the right agency, once, and is worked with an audit trail', () => {
  const dbs: TestDatabase[] = [];
  const services: RunningService[] = [];
  let gateway: RunningService;
  let screening: RunningService;
  let registry: RunningService;
  let dispatch: RunningService;
  let brokers: string[];
  let receiver: Server;
  const attempts: Attempt[] = [];
  const listed = `NX${unique()}1`;
  const agencyCode = `e-${letters(10)}`;
  let agency: { code: string; token: string; webhookSecret: string };
  let zipkin: ThrowawayZipkin;
  /** What the first test delivered: the receipt's correlation id and the webhook request that succeeded. */
  let delivered: { correlationId: string; hook: Attempt } | undefined;

  const cli = (args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, KAFKA_BROKERS: brokers.join(','), DOCSCREEN_AGENCY_TOKEN: agency.token },
    });

  beforeAll(async () => {
    const zipkinStarting = throwawayZipkin(); // a JVM: boots while the databases are made
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    // The agency's webhook receiver: a real HTTP server that fails the first two attempts of each delivery.
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const id = request.headers['x-docscreen-delivery'];
        const earlier = attempts.filter((a) => a.headers['x-docscreen-delivery'] === id).length;
        const status = earlier < 2 ? 503 : 200;
        attempts.push({ headers: request.headers, body, status });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    const receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/alerts`;

    const names = ['carrier-gateway', 'screening', 'document-registry', 'alert-dispatch'] as const;
    dbs.push(
      ...(await Promise.all(
        names.map((service, i) =>
          createTestDatabase(
            infra.databaseUrl,
            path.join(ROOT, 'services', service, 'prisma/migrations'),
            `e2e_alert_${i}`,
          ),
        ),
      )),
    );
    zipkin = await zipkinStarting;
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
      ZIPKIN_ENDPOINT: zipkin.spansEndpoint,
    };
    const screeningGroup = `screening-alerts-${randomUUID()}`;
    await positionGroupAtEnd(brokers, screeningGroup, TOPICS.PASSENGER_REPORTED);
    const start = async (name: (typeof names)[number], env: Record<string, string>) => {
      const service = await startServiceProcess({
        name,
        serviceDir: path.join(ROOT, 'services', name),
        port: await freePort(),
        env: { ...common, DATABASE_URL: dbs[names.indexOf(name)]!.url, ...env },
      });
      services.push(service);
      return service;
    };
    [gateway, screening, registry, dispatch] = await Promise.all([
      start('carrier-gateway', await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
      start('screening', { KAFKA_GROUP_ID: screeningGroup }),
      start('document-registry', {
        IMPORT_DIR: path.join(ROOT, '.run', 'test-imports'),
        OUTBOX_POLL_MS: '20',
      }),
      start('alert-dispatch', {
        ...(await freshGroupAtEnd(brokers, 'alert-dispatch', TOPICS.ALERT_RAISED)),
        WEBHOOK_QUEUE: `e2e-agency-webhooks-${letters(8)}`,
        WEBHOOK_BACKOFF_BASE_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '1000',
        // The agency's receiver is on 127.0.0.1 over plain http; its secret is sealed at rest.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        SECRETS_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      }),
    ]);
    await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
    // The German border police are responsible for arrivals in Germany (FRA); nobody for the UAE.
    const registered = await call(dispatch, 'POST', '/v1/admin/agencies', ADMIN_TOKEN, {
      code: agencyCode,
      name: 'Bundespolizei (test)',
      states: ['D'],
      kafka: true,
      webhookUrl: receiverUrl,
    });
    expect(registered.status).toBe(201);
    agency = registered.body as typeof agency;
    await listStolenPassport(
      { registry, screening, adminToken: ADMIN_TOKEN },
      { authority: 'alerts-nld', issuingState: 'NLD', documentNumber: listed },
    );
  }, 180_000);

  afterAll(async () => {
    await call(
      registry,
      'POST',
      '/v1/records/withdraw',
      ADMIN_TOKEN,
      { issuingState: 'NLD', documentType: 'P', documentNumber: listed, reason: 'reported-in-error' },
      { 'x-docscreen-authority': 'alerts-nld' },
    ).catch(() => undefined);
    const codes = await Promise.all(services.map((s) => s.stop()));
    await Promise.all(dbs.map((db) => db.drop()));
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await zipkin?.stop();
    expect(codes.every((code) => code === 0)).toBe(true);
  }, 180_000);

  it('delivers over Kafka and over a webhook that failed twice, lists it once, and keeps the audit trail of ack and resolve', async () => {
    const carrier = await call(gateway, 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: CARRIER,
      name: 'Alert Air',
      contactEmail: 'ops@example.org',
    });
    const apiKey = carrier.body['apiKey'] as string;
    const flight = String(100 + Math.floor(Math.random() * 8000));
    const submitted = await call(gateway, 'POST', '/v1/manifests', apiKey, {
      legs: [
        {
          carrierCode: CARRIER,
          flightNumber: flight,
          departureAirport: 'DXB',
          arrivalAirport: 'FRA',
          scheduledDepartureLocal: '2026-12-20T08:00',
        },
      ],
      travellers: [traveller('LISTED', listed), traveller('CLEAN', `NC${unique()}1`)],
    });
    expect(submitted.status).toBe(202);
    const flightKey = submitted.body['flightKey'] as string;

    // In the agency's list, once: the clean traveller raised nothing.
    const listedAlerts = await waitFor(
      'the alert in the agency’s list',
      async () => {
        const list = await call(dispatch, 'GET', '/v1/alerts', agency.token);
        const mine = (list.body['alerts'] as { alertId: string; flight: { flightKey: string } }[]).filter(
          (a) => a.flight.flightKey === flightKey,
        );
        return mine.length > 0 ? mine : undefined;
      },
      90_000,
    );
    expect(listedAlerts).toHaveLength(1);
    const alertId = listedAlerts[0]!.alertId;

    // Over the webhook: two failed attempts, then delivered, signed, the same delivery id each time.
    const hooks = await waitFor(
      'the webhook delivered on its third attempt',
      () => {
        const mine = attempts.filter((a) => (JSON.parse(a.body) as { alertId: string }).alertId === alertId);
        return mine.some((a) => a.status === 200) ? mine : undefined;
      },
      60_000,
    );
    expect(hooks.map((h) => h.status)).toEqual([503, 503, 200]);
    delivered = { correlationId: submitted.body['correlationId'] as string, hook: hooks[2]! };
    expect(new Set(hooks.map((h) => h.headers['x-docscreen-delivery'])).size).toBe(1);
    for (const hook of hooks)
      expect(
        verifyWebhook({ secret: agency.webhookSecret, headers: hook.headers, body: hook.body }),
      ).toMatchObject({ ok: true });

    // Over Kafka: `docscreen alerts` reads the agency's topic; no name, no full document number.
    const read = await cli(['alerts', '--agency', agencyCode, '--from-beginning', '--json']);
    const onTopic = read.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((a) => a['alertId'] === alertId);
    expect(onTopic).toHaveLength(1);
    expect(onTopic[0]).toMatchObject({
      severity: expect.any(String),
      recommendedAction: 'do-not-board',
      reasons: expect.arrayContaining([expect.objectContaining({ check: 'lost-stolen' })]),
      traveller: expect.objectContaining({
        travellerRef: 'LISTED',
        maskedDocumentNumber: `******${listed.slice(-3)}`,
      }),
      flight: expect.objectContaining({ flightKey }),
    });
    expect(read.stdout).not.toContain(listed);
    expect(read.stdout).not.toContain('DOE');
    expect(hooks[2]!.body).not.toContain(listed);

    // Worked by an officer through the CLI: acknowledged, then resolved, each step recorded.
    const url = dispatch.baseUrl;
    const acked = JSON.parse(
      (await cli(['alerts', 'ack', alertId, '--url', url, '--actor', 'officer-1', '--json'])).stdout,
    ) as {
      status: string;
    };
    expect(acked.status).toBe('acknowledged');
    const resolved = JSON.parse(
      (
        await cli([
          'alerts',
          'resolve',
          alertId,
          '--resolution',
          'confirmed-fraud',
          '--note',
          'passport seized at the gate',
          '--url',
          url,
          '--actor',
          'officer-2',
          '--json',
        ])
      ).stdout,
    ) as { status: string };
    expect(resolved.status).toBe('resolved');
    const detail = await call(dispatch, 'GET', `/v1/alerts/${alertId}`, agency.token);
    expect(detail.body['resolution']).toBe('confirmed-fraud');
    expect(
      (detail.body['history'] as { action: string; actor: string; at: string }[]).map((h) => [
        h.action,
        h.actor,
      ]),
    ).toEqual([
      ['raised', expect.any(String)],
      ['acknowledged', 'officer-1'],
      ['resolved', 'officer-2'],
    ]);
    // Resolving again is refused, precisely; the trail stays as it was.
    await expect(cli(['alerts', 'ack', alertId, '--url', url])).rejects.toMatchObject({ code: 1 });
  }, 240_000);

  it('keeps one trace in Zipkin from the carrier’s request to the agency’s webhook, found by the receipt’s correlation id, without personal data', async () => {
    expect(delivered).toBeDefined();
    const { correlationId, hook } = delivered!;
    // The webhook request carries its trace (W3C traceparent): the trace the receipt must lead to.
    const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]$/.exec(String(hook.headers['traceparent']))?.[1];
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const query = new URLSearchParams({
      annotationQuery: `docscreen.correlation_id=${correlationId}`,
      limit: '10',
    });
    // What Zipkin held at the last look, shown if the trace never becomes whole.
    let seen = 'nothing yet';
    const spans = await waitFor(
      'the trace in Zipkin, from the gateway to the delivered webhook',
      async () => {
        const traces = (await (await fetch(`${zipkin.url}/api/v2/traces?${query}`)).json()) as ZipkinSpan[][];
        seen = JSON.stringify(
          traces.map((t) => ({
            traceId: t[0]?.traceId,
            services: [...new Set(t.map((s) => s.localEndpoint?.serviceName))],
            attempts: t
              .filter((s) => s.name === 'webhook deliver')
              .map((s) => s.tags?.['docscreen.webhook.attempt']),
          })),
        );
        const found = traces.find((t) => t[0]?.traceId === traceId);
        const services = new Set(found?.map((s) => s.localEndpoint?.serviceName));
        const complete =
          ['carrier-gateway', 'screening', 'alert-dispatch'].every((name) => services.has(name)) &&
          found?.some((s) => s.name === 'webhook deliver' && s.tags?.['docscreen.webhook.attempt'] === '3');
        return complete ? found : undefined;
      },
      30_000,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; wanted trace ${traceId}, Zipkin had: ${seen}`);
    });
    const byId = new Map(spans.map((s) => [s.id, s]));
    // It starts at the carrier's HTTP request to the gateway…
    const roots = spans.filter((s) => !s.parentId || !byId.has(s.parentId));
    expect(roots.map((s) => [s.localEndpoint?.serviceName, s.kind])).toEqual([['carrier-gateway', 'SERVER']]);
    // …and ends with the request to the agency, the child of the third attempt's span.
    const attempt = spans.find(
      (s) => s.name === 'webhook deliver' && s.tags?.['docscreen.webhook.attempt'] === '3',
    )!;
    expect(attempt.localEndpoint?.serviceName).toBe('alert-dispatch');
    const request = spans.find((s) => s.parentId === attempt.id && s.kind === 'CLIENT');
    expect(request?.tags?.['http.response.status_code'] ?? request?.tags?.['http.status_code']).toBe('200');
    // Each service on the way: a path of parent links from the webhook request back to the root.
    const path: string[] = [];
    for (
      let span: ZipkinSpan | undefined = request;
      span;
      span = span.parentId ? byId.get(span.parentId) : undefined
    )
      path.push(span.localEndpoint?.serviceName ?? '?');
    expect([...new Set(path.reverse())]).toEqual(['carrier-gateway', 'screening', 'alert-dispatch']);
    // Names, document numbers and birth dates stay out of every span, in any spelling the data had.
    const text = JSON.stringify(spans);
    for (const personal of [listed, 'JANE', 'DOE<<', '1985-03-14', '850314'])
      expect({ personal, inTrace: text.includes(personal) }).toEqual({ personal, inTrace: false });
    // Every service of the stack reports its spans (the registry's: the listing the test made).
    const services = (await (await fetch(`${zipkin.url}/api/v2/services`)).json()) as string[];
    expect(services).toEqual(
      expect.arrayContaining(['alert-dispatch', 'carrier-gateway', 'document-registry', 'screening']),
    );
  }, 60_000);
});
