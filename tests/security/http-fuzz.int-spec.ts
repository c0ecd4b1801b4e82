import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  startServiceProcess,
  testInfrastructure,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';
import { call } from '../e2e/support/services.js';
import {
  type Credentials,
  type FuzzRequest,
  describe as describeRequest,
  requestArb,
  toRaw,
} from './support/fuzz-requests.js';
import { rawRequest } from './support/raw-http.js';

/*
 * HTTP fuzzing of the carrier gateway and the document registry, as real processes on the real
 * broker, database and Redis (issue 14): at least 2,000 generated requests — valid and garbled JSON
 * manifests and PAXLST, interactive queries, registry records, series, lookups, national lists,
 * registrations, wrong media types, huge and odd headers, odd paths and methods, with and without
 * credentials — and not one answer may be 5xx. (A 503 with Retry-After under overload is not what this
 * probes: nothing here overloads either service, and their limits are set out of reach.)
 *
 * The requests come from a fixed seed, printed with the counts per status; the same seed gives the
 * same requests, so a failure reproduces: HTTP_FUZZ_SEED=<seed> (and HTTP_FUZZ_REQUESTS=<n>).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env['HTTP_FUZZ_SEED'] ?? 20_261_208);
const REQUESTS = Number(process.env['HTTP_FUZZ_REQUESTS'] ?? 2_400);
const CONCURRENCY = 6;
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
// Q.. is ISO 3166's private-use range; ZQ an unassigned airline designator: no other test uses them.
const STATE = `Q${letter()}${letter()}`;
const CARRIER = 'ZQ';

interface Outcome {
  request: FuzzRequest;
  index: number;
  status: number | 'timeout' | 'refused';
  text: string;
}

async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<R>,
) {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!, index);
      }
    }),
  );
  return results;
}

/** The unhandled errors a service logged since `from` (its output is one JSON object per line). */
function loggedErrors(service: RunningService, from: number): string[] {
  return (
    service.output
      .slice(from)
      .join('')
      .split('\n')
      // kafkajs logs a group's rebalancing at error level: that is no error of a request.
      .filter((line) => /"level":"(error|fatal)"/.test(line) && !line.includes('"logger":"kafkajs"'))
      .map((line) => {
        try {
          const entry = JSON.parse(line) as {
            message?: string;
            msg?: string;
            error?: { message?: string; code?: string; type?: string };
          };
          const error = entry.error
            ? `${entry.error.type ?? ''} ${entry.error.code ?? ''} ${entry.error.message ?? ''}`
            : '';
          return (error.trim() === '' ? line : `${entry.message ?? entry.msg ?? ''}: ${error}`).slice(0, 400);
        } catch {
          return line.slice(0, 400);
        }
      })
  );
}

describe('HTTP fuzz: the gateway and the registry answer every generated request without a 5xx', () => {
  const dbs: TestDatabase[] = [];
  let gateway: RunningService;
  let registry: RunningService;
  let importDir: string;
  let credentials: Credentials;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    const brokers = infra.kafkaBrokers;
    importDir = await mkdtemp(path.join(tmpdir(), 'http-fuzz-imports-'));
    dbs.push(
      ...(await Promise.all(
        (['carrier-gateway', 'document-registry'] as const).map((service) =>
          createTestDatabase(
            infra.databaseUrl,
            path.join(ROOT, 'services', service, 'prisma/migrations'),
            `fuzz_${service.split('-')[1]}`,
          ),
        ),
      )),
    );
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    [gateway, registry] = await Promise.all([
      startServiceProcess({
        name: 'carrier-gateway',
        serviceDir: path.join(ROOT, 'services/carrier-gateway'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: dbs[0]!.url,
          // Out of reach: this probes input handling, not the limits (their own tests do).
          RATE_LIMIT_PER_MINUTE: '1000000',
          MAX_BODY_BYTES: String(256 * 1024),
          SECRETS_KEYS: `fuzz:${randomBytes(32).toString('base64')}`,
          // No screening: every interactive answer is the safe default, at once.
          SCREENING_TOKEN: '',
          ...(await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
        },
      }),
      startServiceProcess({
        name: 'document-registry',
        serviceDir: path.join(ROOT, 'services/document-registry'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: dbs[1]!.url, IMPORT_DIR: importDir },
      }),
    ]);
    const carrier = await call(gateway, 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: CARRIER,
      name: 'Fuzz Air',
      contactEmail: 'ops@example.org',
    });
    const authority = await call(registry, 'POST', '/v1/admin/authorities', ADMIN_TOKEN, {
      code: 'fuzz-authority',
      name: 'Fuzz Passport Office',
      issuingState: STATE,
    });
    expect([carrier.status, authority.status]).toEqual([201, 201]);
    credentials = {
      carrierKey: carrier.body['apiKey'] as string,
      adminToken: ADMIN_TOKEN,
      authorityCredential: authority.body['credential'] as string,
      authorityCode: 'fuzz-authority',
    };
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all([gateway?.stop(), registry?.stop()]);
    await Promise.all(dbs.map((db) => db.drop()));
    if (importDir) await rm(importDir, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  }, 120_000);

  it(`answers ${REQUESTS.toLocaleString('en')} generated requests, none with a status of 500 or more`, async () => {
    const requests = fc.sample(requestArb({ carrier: CARRIER, state: STATE }), {
      seed: SEED,
      numRuns: REQUESTS,
    });
    const port = (request: FuzzRequest) =>
      Number(new URL((request.service === 'gateway' ? gateway : registry).baseUrl).port);
    const logFrom = { gateway: gateway.output.length, registry: registry.output.length };
    const started = performance.now();
    const outcomes = await runPool(requests, CONCURRENCY, async (request, index): Promise<Outcome> => {
      try {
        const answer = await rawRequest(port(request), toRaw(request, credentials));
        return { request, index, status: answer.status, text: answer.text.slice(0, 600) };
      } catch (error) {
        const status = /ECONNREFUSED/.test(String(error)) ? 'refused' : 'timeout';
        return { request, index, status, text: String(error) };
      }
    });
    const seconds = (performance.now() - started) / 1000;

    // The figures: per status, and per kind of request.
    const byStatus = new Map<string, number>();
    const byKind = new Map<string, Map<string, number>>();
    for (const { request, status } of outcomes) {
      const key = String(status);
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
      const kind = byKind.get(request.kind) ?? new Map<string, number>();
      kind.set(key, (kind.get(key) ?? 0) + 1);
      byKind.set(request.kind, kind);
    }
    const sorted = (m: Map<string, number>) =>
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
    process.stdout.write(
      [
        `HTTP fuzz, seed ${SEED}: ${outcomes.length} requests in ${seconds.toFixed(1)} s (${CONCURRENCY} at a time)`,
        `  by status: ${sorted(byStatus)}`,
        ...[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, m]) => `  ${kind}: ${sorted(m)}`),
      ].join('\n') + '\n',
    );

    // Every 5xx (and any request left unanswered), grouped by kind and status, each with one request
    // to reproduce it and what the service logged when that request was sent again on its own.
    const failed = outcomes.filter((o) => typeof o.status !== 'number' || o.status >= 500);
    const groups = new Map<string, Outcome[]>();
    for (const outcome of failed) {
      const key = `${outcome.request.kind} → ${outcome.status}`;
      groups.set(key, [...(groups.get(key) ?? []), outcome]);
    }
    const reports: string[] = [];
    for (const [key, group] of groups) {
      const first = group[0]!;
      const service = first.request.service === 'gateway' ? gateway : registry;
      const before = service.output.length;
      const again = await rawRequest(port(first.request), toRaw(first.request, credentials)).catch(
        (e: unknown) => ({ status: String(e), text: '' }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      reports.push(
        `${key} (${group.length}×; requests #${group
          .slice(0, 8)
          .map((o) => o.index)
          .join(', #')}${group.length > 8 ? ', …' : ''})\n` +
          `    e.g. ${describeRequest(first.request)}\n` +
          `    answered ${first.status} ${first.text.slice(0, 200)}; sent again: ${again.status}\n` +
          `    logged: ${loggedErrors(service, before).join(' | ') || '(nothing)'}`,
      );
    }
    const unanswered = outcomes.filter((o) => o.status === 0);
    if (unanswered.length > 0)
      process.stdout.write(
        `closed without an answer (status 0): ${unanswered.length}, e.g.\n${unanswered
          .slice(0, 5)
          .map((o) => `  #${o.index} ${describeRequest(o.request)}`)
          .join('\n')}\n`,
      );
    if (reports.length > 0)
      process.stdout.write(
        `HTTP fuzz, seed ${SEED}: ${failed.length} answers ≥ 500 or none\n${reports.join('\n')}\n`,
      );
    // Every error the services logged during the run (a 5xx whose request cannot be sent again
    // meaningfully — say it left a pending submission, so it is now 409 — shows its cause here).
    const logged = [...loggedErrors(gateway, logFrom.gateway), ...loggedErrors(registry, logFrom.registry)];
    if (logged.length > 0)
      process.stdout.write(`errors logged during the run:\n  ${[...new Set(logged)].join('\n  ')}\n`);

    expect(outcomes.length).toBeGreaterThanOrEqual(2_000);
    // The fuzz reached the handlers, not only the authentication in front of them.
    const succeeded = (kind: string) =>
      [...(byKind.get(kind) ?? [])].filter(([s]) => /^2/.test(s)).reduce((n, [, c]) => n + c, 0);
    expect(succeeded('POST /v1/manifests (JSON)')).toBeGreaterThan(0);
    expect(succeeded('POST /v1/manifests (PAXLST)')).toBeGreaterThan(0);
    expect(succeeded('POST /v1/interactive (JSON)')).toBeGreaterThan(0);
    expect(succeeded('POST /v1/records')).toBeGreaterThan(0);
    expect(succeeded('POST /v1/imports')).toBeGreaterThan(0);
    expect([...groups.keys()]).toEqual([]);
    expect([gateway.alive(), registry.alive()]).toEqual([true, true]);
  }, 900_000);
});
