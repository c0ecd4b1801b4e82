import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  throwawayBroker,
  waitFor,
  type RunningService,
  type TestDatabase,
  type ThrowawayBroker,
} from '@docscreen/testing';
import { call, listStolenPassport } from '../e2e/support/services.js';
import { panelQueries, readDashboards, variableQuery, type PanelQuery } from './support/dashboards.js';
import { startPrometheus, type TestPrometheus } from './support/prometheus.js';

// Issue 16: the dashboards of infra/grafana proven against a real Prometheus (the Debian binary) that
// scrapes the four services every second and evaluates infra/prometheus/rules. A scenario gives every
// panel something to show: a listed passport and a stolen blank series at the registry; an alert nobody
// may receive (dead-lettered, no agency yet); then a responsible agency whose webhook fails once and a
// fallback desk whose webhook always fails (dead-lettered); manifests in JSON and PAXLST, with rejected
// travellers and a PAXLST defect, one sent after its departure; an interactive query; an acknowledged
// alert. Then every query of every panel of every dashboard, variables set to "All", must answer
// without error and with at least one series — a panel that would show "No data" fails, by name. A
// broker of the test's own: on the shared one, other suites' travellers would be screened and alerted
// here too, and the figures would not be the scenario's.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVICES = ['carrier-gateway', 'screening', 'document-registry', 'alert-dispatch'] as const;
type ServiceName = (typeof SERVICES)[number];
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');
const CARRIER = 'XM';
const unique = () => randomBytes(3).toString('hex').toUpperCase();
const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');

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

const manifest = (flight: string, arrival: string, departure: string, travellers: unknown[]) => ({
  legs: [
    {
      carrierCode: CARRIER,
      flightNumber: flight,
      departureAirport: 'DXB',
      arrivalAirport: arrival,
      scheduledDepartureLocal: departure,
    },
  ],
  travellers,
});

/** A PAXLST (D05B) with one readable traveller and one without a name (rejected, a defect). */
function paxlst(flight: string, number: string): string {
  const reference = unique();
  const message = [
    `UNH+${reference}+PAXLST:D:05B:UN:IATA`,
    'BGM+745',
    'NAD+MS+++METRICS AIR',
    `TDT+20+${CARRIER}${flight}+++${CARRIER}`,
    'LOC+125+DXB',
    'DTM+189:2612200800:201',
    'LOC+87+FRA',
    'DTM+232:2612201230:201',
    'NAD+FL+++DOE:JANE',
    'ATT+2++F',
    'DTM+329:850314',
    'NAT+2+NLD',
    `DOC+P:110:111+${number}`,
    'DTM+36:320531',
    'LOC+91+NLD',
    'NAD+FL',
    'NAT+2+NLD',
    'CNT+42:2',
  ];
  message.push(`UNT+${message.length + 1}+${reference}`);
  return [
    "UNA:+.? '",
    `UNB+UNOA:4+METAIR:ZZ+DOCSCREEN:ZZ+261220:0700+${reference}++APIS`,
    ...message,
    `UNZ+1+${reference}`,
  ]
    .map((s, i) => (i === 0 ? s : `${s}'`))
    .join('\n');
}

/** A webhook receiver: answers `statusOf(attempt)` to the n-th attempt of each delivery. */
async function receiver(statusOf: (attempt: number) => number): Promise<{ server: Server; url: string }> {
  const attempts = new Map<string, number>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['x-docscreen-delivery']);
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      response.writeHead(statusOf(attempt)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    server,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/alerts`,
  };
}

describe('dashboards: every panel answers from a real Prometheus scraping the services', () => {
  const dbs: TestDatabase[] = [];
  const running: RunningService[] = [];
  const servers: Server[] = [];
  const services = {} as Record<ServiceName, RunningService>;
  let prometheus: TestPrometheus;
  let broker: ThrowawayBroker;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    broker = await throwawayBroker();
    const brokerStarted = broker.start(); // a JVM: boots while the databases are made
    const ports = Object.fromEntries(
      await Promise.all(SERVICES.map(async (name) => [name, await freePort()] as const)),
    ) as Record<ServiceName, number>;
    // Prometheus first: it scrapes each service from the moment it listens.
    prometheus = await startPrometheus({
      targets: SERVICES.map((service) => ({ service, port: ports[service] })),
      ruleFiles: [path.join(ROOT, 'infra/prometheus/rules/docscreen.rules.yml')],
    });
    dbs.push(
      ...(await Promise.all(
        SERVICES.map((service, i) =>
          createTestDatabase(
            infra.databaseUrl,
            path.join(ROOT, 'services', service, 'prisma/migrations'),
            `metrics_${i}`,
          ),
        ),
      )),
    );
    await brokerStarted;
    const common = {
      KAFKA_BROKERS: broker.address,
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    const start = async (name: ServiceName, env: Record<string, string>) => {
      const service = await startServiceProcess({
        name,
        serviceDir: path.join(ROOT, 'services', name),
        port: ports[name],
        env: { ...common, DATABASE_URL: dbs[SERVICES.indexOf(name)]!.url, ...env },
      });
      running.push(service);
      services[name] = service;
    };
    await Promise.all([
      start('screening', { INTERACTIVE_TOKEN }),
      start('document-registry', {
        IMPORT_DIR: path.join(ROOT, '.run', 'test-imports'),
        OUTBOX_POLL_MS: '20',
        METRICS_REFRESH_MS: '500',
        RECORD_COUNTS_MS: '500',
      }),
      start('alert-dispatch', {
        WEBHOOK_QUEUE: `metrics-agency-webhooks-${letters(8)}`,
        WEBHOOK_ATTEMPTS: '2',
        WEBHOOK_BACKOFF_BASE_MS: '100',
        WEBHOOK_BACKOFF_MAX_MS: '200',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        SECRETS_KEYS: `metrics:${randomBytes(32).toString('base64')}`,
        METRICS_REFRESH_MS: '500',
      }),
    ]);
    await start('carrier-gateway', {
      SCREENING_URL: services.screening.baseUrl,
      SCREENING_TOKEN: INTERACTIVE_TOKEN,
      INTERACTIVE_BUDGET_MS: '5000',
    });
    await loadVisaMatrix(services.screening.baseUrl, ADMIN_TOKEN);
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all(running.map((s) => s.stop()));
    await prometheus?.stop();
    await broker?.destroy();
    await Promise.all(dbs.map((db) => db.drop()));
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(codes.every((code) => code === 0)).toBe(true);
  }, 120_000);

  it('answers every query of every dashboard with series, after a scenario with hits, alerts, webhooks and an interactive query', async () => {
    const {
      'carrier-gateway': gateway,
      'document-registry': registry,
      'alert-dispatch': dispatch,
    } = services;
    const listed = `NX${unique()}1`;
    const authority = `metrics-${letters(6)}`;
    await listStolenPassport(
      { registry, screening: services.screening, adminToken: ADMIN_TOKEN },
      { authority, issuingState: 'NLD', documentNumber: listed },
    );
    const series = await call(
      registry,
      'POST',
      '/v1/series',
      ADMIN_TOKEN,
      {
        issuingState: 'NLD',
        documentType: 'P',
        prefix: 'NZ',
        firstNumber: '1000',
        lastNumber: '1999',
        reportedOn: '2026-10-01',
      },
      { 'x-docscreen-authority': authority },
    );
    expect(series.status).toBe(200);
    const carrier = await call(gateway, 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: CARRIER,
      name: 'Metrics Air',
      contactEmail: 'ops@example.org',
    });
    const apiKey = carrier.body['apiKey'] as string;
    const submit = async (body: unknown, contentType = 'application/json') => {
      const answer = await call(gateway, 'POST', '/v1/manifests', apiKey, body, {
        'content-type': contentType,
      });
      expect({ status: answer.status, text: answer.text }).toMatchObject({ status: 202 });
      return answer;
    };
    const flights: string[] = [];
    const flight = () => {
      flights.push(`${CARRIER}${1000 + flights.length * 7 + Math.floor(Math.random() * 7)}`);
      return flights.at(-1)!.slice(CARRIER.length);
    };

    // No agency yet: the listed traveller's alert can go nowhere and is dead-lettered (no-agency).
    await submit(manifest(flight(), 'FRA', '2026-12-20T08:00', [traveller('LISTED', listed)]));
    await waitForSeries(prometheus, 'docscreen_consumer_dead_letters_total{reason="no-agency"}');

    // A responsible agency whose webhook fails once; a fallback desk whose webhook always fails.
    const responsive = await receiver((attempt) => (attempt === 1 ? 503 : 200));
    const failing = await receiver(() => 500);
    servers.push(responsive.server, failing.server);
    const agency = await call(dispatch, 'POST', '/v1/admin/agencies', ADMIN_TOKEN, {
      code: `m-${letters(8)}`,
      name: 'Bundespolizei (metrics test)',
      states: ['D'],
      kafka: true,
      webhookUrl: responsive.url,
    });
    expect(agency.status).toBe(201);
    const desk = await call(dispatch, 'POST', '/v1/admin/agencies', ADMIN_TOKEN, {
      code: `f-${letters(8)}`,
      name: 'National desk (metrics test)',
      fallback: true,
      kafka: false,
      webhookUrl: failing.url,
    });
    expect(desk.status).toBe(201);

    // To Germany: a hit (routed to the agency), a clean traveller, one rejected (no documents).
    const toGermany = await submit(
      manifest(flight(), 'FRA', '2026-12-20T08:00', [
        traveller('LISTED', listed),
        traveller('CLEAN', `NC${unique()}1`),
        { ...traveller('BROKEN', `NB${unique()}1`), documents: [] },
      ]),
    );
    expect(toGermany.body['rejected']).toHaveLength(1);
    // To New York, after its departure: nobody is responsible, so the fallback desk gets the alert.
    await submit(manifest(flight(), 'JFK', '2026-12-01T08:00', [traveller('LISTED', listed)]));
    // PAXLST: one traveller accepted, one without a name rejected with its defect.
    const edifact = await submit(paxlst(flight(), `NP${unique()}1`), 'application/edifact');
    expect(edifact.body['rejected']).toHaveLength(1);
    // An interactive query, answered by screening.
    const interactive = await call(
      gateway,
      'POST',
      '/v1/interactive',
      apiKey,
      manifest(flight(), 'FRA', '2026-12-20T08:00', [traveller('AT-DESK', `NI${unique()}1`)]),
    );
    expect(interactive.headers.get('x-answered-by')).toBe('screening');

    // The agency acknowledges its alert.
    const token = agency.body['token'] as string;
    const alertId = await waitFor('the alert in the agency’s list', async () => {
      const list = await call(dispatch, 'GET', '/v1/alerts', token);
      return (list.body['alerts'] as { alertId: string }[] | undefined)?.[0]?.alertId;
    });
    const acknowledged = await call(dispatch, 'POST', `/v1/alerts/${alertId}/acknowledge`, token, {
      actor: 'officer-1',
    });
    expect(acknowledged.status).toBe(200);

    // Every variable has values, and every panel's query answers with series (scrapes lag a second).
    const dashboards = readDashboards(path.join(ROOT, 'infra/grafana/dashboards'));
    expect(dashboards.map((d) => d.file)).toEqual(
      expect.arrayContaining([
        'docscreen-operations.json',
        'docscreen-screening.json',
        'docscreen-agencies.json',
        'docscreen-carriers.json',
      ]),
    );
    const queries = dashboards.flatMap(panelQueries);
    let problems: string[] = [];
    await waitFor(
      'every panel to answer with series',
      async () => {
        problems = [
          ...(await variableProblems(prometheus, dashboards)),
          ...(await Promise.all(queries.map((q) => panelProblem(prometheus, q)))).flatMap((p) =>
            p ? [p] : [],
          ),
        ];
        return problems.length === 0 ? true : undefined;
      },
      45_000,
      1_000,
    ).catch(() => undefined);
    expect(problems).toEqual([]);
    expect(queries.length).toBeGreaterThan(40);

    // What the panels show is the scenario, figure by figure.
    const value = async (expr: string) => Number((await prometheus.query(expr)).data?.result[0]?.value?.[1]);
    const figures = {
      hits: await value('sum(docscreen_screening_travellers_total{outcome="hit"})'),
      clear: await value('sum(docscreen_screening_travellers_total{outcome="clear"})'),
      listedFindings: await value('sum(docscreen_screening_findings_total{rule="DOCUMENT_LISTED"})'),
      noAgency: await value('sum(docscreen_consumer_dead_letters_total{reason="no-agency"})'),
      responsible: await value('sum(docscreen_dispatch_alerts_total{routing="responsible"})'),
      fallback: await value('sum(docscreen_dispatch_alerts_total{routing="fallback"})'),
      webhookDelivered: await value('sum(docscreen_dispatch_webhook_deliveries_total{result="delivered"})'),
      attemptsOfDelivered: await value('sum(docscreen_dispatch_webhook_attempts_sum{result="delivered"})'),
      webhookDeadLettered: await value(
        'sum(docscreen_dispatch_webhook_deliveries_total{result="dead-lettered"})',
      ),
      acknowledged: await value('sum(docscreen_dispatch_time_to_acknowledge_seconds_count)'),
      manifestsAccepted: await value(
        `sum(docscreen_gateway_manifests_total{carrier="${CARRIER}",result="accepted"})`,
      ),
      manifestsPartial: await value(
        `sum(docscreen_gateway_manifests_total{carrier="${CARRIER}",result="partial"})`,
      ),
      late: await value(`sum(docscreen_gateway_manifest_lateness_seconds_count{carrier="${CARRIER}"})`),
      rejectedJson: await value(
        'sum(docscreen_gateway_travellers_rejected_total{format="json",reason="invalid-documents"})',
      ),
      rejectedPaxlst: await value(
        'sum(docscreen_gateway_travellers_rejected_total{format="paxlst",reason="missing-name"})',
      ),
      paxlstMissingName: await value('sum(docscreen_gateway_paxlst_defects_total{code="missing-name"})'),
      interactiveBoard: await value(
        'sum(docscreen_gateway_interactive_answers_total{answered_by="screening",directive="board"})',
      ),
    };
    expect(figures).toEqual({
      hits: 3,
      clear: 3,
      listedFindings: 3,
      noAgency: 1,
      responsible: 1,
      fallback: 1,
      webhookDelivered: 1,
      attemptsOfDelivered: 2,
      webhookDeadLettered: 1,
      acknowledged: 1,
      manifestsAccepted: 2,
      manifestsPartial: 2,
      late: 1,
      rejectedJson: 1,
      rejectedPaxlst: 1,
      paxlstMissingName: 1,
      interactiveBoard: 1,
    });

    // No label of any docscreen series carries a document number, a name, a birth date or a flight.
    const all = JSON.stringify((await prometheus.query('{__name__=~"docscreen_.+"}')).data?.result);
    for (const personal of [listed, 'DOE', 'JANE', '1985', ...flights])
      expect({ personal, inLabels: all.includes(personal) }).toEqual({ personal, inLabels: false });
  }, 240_000);
});

async function waitForSeries(prometheus: TestPrometheus, expr: string): Promise<void> {
  await waitFor(`${expr} in Prometheus`, async () => {
    const answer = await prometheus.query(expr);
    return (answer.data?.result.length ?? 0) > 0 ? true : undefined;
  });
}

/** What is wrong with one panel query, naming the dashboard and panel; undefined when it has series. */
async function panelProblem(prometheus: TestPrometheus, q: PanelQuery): Promise<string | undefined> {
  const where = `${q.dashboard} / "${q.panel}" (${q.refId})`;
  const answer = await prometheus.query(q.expr);
  if (answer.status !== 'success') return `${where}: error ${answer.error ?? ''} in ${q.expr}`;
  if ((answer.data?.result.length ?? 0) === 0) return `${where}: no series for ${q.expr}`;
  return undefined;
}

async function variableProblems(
  prometheus: TestPrometheus,
  dashboards: ReturnType<typeof readDashboards>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const dashboard of dashboards)
    for (const variable of dashboard.templating.list) {
      const query = variableQuery(variable);
      if (!query) problems.push(`${dashboard.title}: variable ${variable.name} is not a label_values query`);
      else if ((await prometheus.labelValues(query.match, query.label)).length === 0)
        problems.push(`${dashboard.title}: variable ${variable.name} has no values (${query.match})`);
    }
  return problems;
}
