// Interactive API (iAPI) latency: POST /v1/interactive on the running carrier-gateway, with the
// screening service answering behind it (real PostgreSQL, Redis and Kafka; one traveller per query,
// each a different passport), at fixed request rates from a load generator in its own process
// (open loop, evenly spaced, latency from when each request was due). Baseline in the same run, at the same
// rates: a no-op NestJS endpoint of the same shape (JSON body in, directives out, no work).
//
//   node --experimental-strip-types tests/bench/interactive.bench.ts [--quick] [--json] [--rates 100,500]
//
// Needs `npm run build` and the infrastructure (`npx docscreen stack up --infra`).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  loadVisaMatrix,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
} from '@docscreen/testing';
import { BenchWatchdog } from './support/watchdog.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const ratesArg = argv[argv.indexOf('--rates') + 1];
const parameters = {
  rates:
    argv.includes('--rates') && ratesArg
      ? ratesArg.split(',').map(Number)
      : quick
        ? [100, 500]
        : [100, 500, 1000],
  secondsPerRate: quick ? 5 : 20,
  warmupSeconds: quick ? 3 : 5,
  connections: 100,
  travellersPerQuery: 1,
  budgetMs: 2000,
};
const target = { rate: 500, p99Ms: 50, p99RatioToBaseline: 3 };
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');
const infra = {
  kafka: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  postgres: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redis: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};
const watchdog = new BenchWatchdog('interactive', { brokers: infra.kafka });

interface Load {
  sent: number;
  status: Record<string, number>;
  answeredBy: Record<string, number>;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Query `n`: one traveller with a passport of their own (a valid MRZ for each number). */
function body(n: number): string {
  const number = `NB${String(n).padStart(6, '0')}1`;
  const mrz = td3Mrz({
    state: 'NLD',
    number,
    birthDate: '1985-03-14',
    sex: 'F',
    expiryDate: '2032-05-31',
    surname: 'BENCH',
    givenNames: 'LOAD',
  });
  return JSON.stringify({
    legs: [
      {
        carrierCode: 'QI',
        flightNumber: '901',
        departureAirport: 'DXB',
        arrivalAirport: 'FRA',
        scheduledDepartureLocal: '2026-12-20T08:00',
      },
    ],
    travellers: [
      {
        travellerRef: 'T1',
        surname: 'BENCH',
        givenNames: 'LOAD',
        birthDate: '1985-03-14',
        sex: 'F',
        nationality: 'NLD',
        documents: [{ type: 'P', number, issuingState: 'NLD', expiryDate: '2032-05-31', mrz }],
      },
    ],
  });
}

function runLoad(url: string, apiKey: string, rate: number, seconds: number): Promise<Load> {
  const options = {
    url,
    rate,
    seconds,
    connections: parameters.connections,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    bodiesFile: BODIES,
  };
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'support/load-generator.mjs'), JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], cwd: ROOT },
  );
  watchdog.cleanup(() => child.kill('SIGKILL'));
  child.on('message', () => watchdog.progress()); // answers keep coming in
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited ${code}`)),
    ),
  );
}

async function startBaseline(port: number): Promise<() => void> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'support/noop-interactive.mjs'), String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: ROOT,
    },
  );
  watchdog.child('the no-op baseline endpoint', child);
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return () => child.kill();
}

// Every request a different traveller: as many bodies as the fastest rate sends, written once.
watchdog.phase('start-up');
const workDir = await mkdtemp(path.join(tmpdir(), 'bench-iapi-'));
watchdog.cleanup(() => rm(workDir, { recursive: true, force: true }));
const BODIES = path.join(workDir, 'bodies.json');
const most = Math.max(...parameters.rates) * (parameters.secondsPerRate + 2);
await writeFile(BODIES, JSON.stringify(Array.from({ length: most }, (_, n) => body(n))));

const dbs = await Promise.all(
  (['carrier-gateway', 'screening'] as const).map((service) =>
    createTestDatabase(
      infra.postgres,
      path.join(ROOT, 'services', service, 'prisma/migrations'),
      `bench_iapi`,
    ).then((db) => watchdog.database(db)),
  ),
);
const common = { KAFKA_BROKERS: infra.kafka, REDIS_URL: infra.redis, ADMIN_TOKEN, LOG_LEVEL: 'warn' };
const screeningGroup = `screening-bench-iapi-${randomUUID()}`;
await positionGroupAtEnd(infra.kafka.split(','), screeningGroup, TOPICS.PASSENGER_REPORTED);
const screening = await startServiceProcess({
  name: 'screening',
  serviceDir: path.join(ROOT, 'services/screening'),
  port: await freePort(),
  env: { ...common, DATABASE_URL: dbs[1]!.url, KAFKA_GROUP_ID: screeningGroup, INTERACTIVE_TOKEN },
});
watchdog.service(screening);
const gateway = await startServiceProcess({
  name: 'carrier-gateway',
  serviceDir: path.join(ROOT, 'services/carrier-gateway'),
  port: await freePort(),
  env: {
    ...common,
    DATABASE_URL: dbs[0]!.url,
    SCREENING_URL: screening.baseUrl,
    SCREENING_TOKEN: INTERACTIVE_TOKEN,
    INTERACTIVE_BUDGET_MS: String(parameters.budgetMs),
    RATE_LIMIT_PER_MINUTE: '10000000',
    ...(await freshGroupAtEnd(infra.kafka.split(','), 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
  },
});
watchdog.service(gateway);
const baselinePort = await freePort();
const stopBaseline = await startBaseline(baselinePort);
try {
  await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
  const registered = await fetch(`${gateway.baseUrl}/v1/admin/carriers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      iataCode: 'QI',
      name: 'Bench Interactive Air',
      contactEmail: 'bench@example.org',
    }),
  });
  const { apiKey } = (await registered.json()) as { apiKey: string };
  const interactiveUrl = `${gateway.baseUrl}/v1/interactive`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}/v1/interactive`;
  // Warm-up at the lowest rate: JIT, connection pools, topic metadata.
  watchdog.phase('warm-up');
  await runLoad(interactiveUrl, apiKey, parameters.rates[0]!, parameters.warmupSeconds);
  await runLoad(baselineUrl, apiKey, parameters.rates[0]!, parameters.warmupSeconds);
  const rows: { rate: number; interactive: Load; baseline: Load; p99Ratio: number }[] = [];
  for (const rate of parameters.rates) {
    watchdog.phase(`interactive at ${rate}/s`);
    const interactive = await runLoad(interactiveUrl, apiKey, rate, parameters.secondsPerRate);
    watchdog.phase(`no-op baseline at ${rate}/s`);
    const baseline = await runLoad(baselineUrl, apiKey, rate, parameters.secondsPerRate);
    rows.push({
      rate,
      interactive,
      baseline,
      p99Ratio: Number((interactive.p99 / Math.max(1, baseline.p99)).toFixed(2)),
    });
  }
  const atTarget = rows.find((r) => r.rate === target.rate);
  const met =
    atTarget !== undefined &&
    atTarget.interactive.p99 <= target.p99Ms &&
    atTarget.p99Ratio <= target.p99RatioToBaseline &&
    atTarget.interactive.errors === 0;
  const result = {
    name: 'interactive',
    parameters,
    figures: Object.fromEntries(
      rows.map((r) => [
        `${r.rate}/s`,
        {
          p50Ms: r.interactive.p50,
          p99Ms: r.interactive.p99,
          maxMs: r.interactive.max,
          errors: r.interactive.errors,
          answeredBy: r.interactive.answeredBy,
          sent: r.interactive.sent,
        },
      ]),
    ),
    baseline: Object.fromEntries(
      rows.map((r) => [
        `${r.rate}/s`,
        { p50Ms: r.baseline.p50, p99Ms: r.baseline.p99, maxMs: r.baseline.max, errors: r.baseline.errors },
      ]),
    ),
    ratio: atTarget?.p99Ratio ?? null,
    target: `p99 <= ${target.p99Ms} ms at ${target.rate}/s and <= ${target.p99RatioToBaseline}x the no-op endpoint's p99, no errors`,
    met,
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const pad = (v: unknown, n: number) => String(v).padStart(n);
    process.stdout.write(
      [
        `interactive API: ${parameters.travellersPerQuery} traveller per query, ${parameters.secondsPerRate} s per rate, budget ${parameters.budgetMs} ms`,
        `  rate/s   p50 ms   p99 ms   max ms   errors   safe defaults | no-op p50   p99   max | p99 ratio`,
        ...rows.map(
          (r) =>
            `  ${pad(r.rate, 6)}   ${pad(r.interactive.p50, 6)}   ${pad(r.interactive.p99, 6)}   ${pad(r.interactive.max, 6)}   ${pad(r.interactive.errors, 6)}   ${pad(r.interactive.answeredBy['safe-default'] ?? 0, 13)} | ${pad(r.baseline.p50, 9)} ${pad(r.baseline.p99, 5)} ${pad(r.baseline.max, 5)} | ${pad(r.p99Ratio, 9)}`,
        ),
        `  target: ${result.target} — ${met ? 'met' : 'not met'}`,
        '',
      ].join('\n'),
    );
  }
} finally {
  watchdog.disarm();
  stopBaseline();
  await gateway.stop();
  await screening.stop();
  await Promise.all(dbs.map((db) => db.drop()));
  await rm(workDir, { recursive: true, force: true });
}
