// Interactive API (iAPI) under load: POST /v1/interactive on the running carrier-gateway, with the
// screening service answering behind it (real PostgreSQL, Redis and Kafka; one traveller per query,
// each a different passport), from a load generator in its own process (open loop, evenly spaced,
// latency from when each request was due). First the capacity is measured in the same run: rates
// doubling from 25/s (then one step between the last good and the first bad), the highest at which
// screening answers every query (at most 1% otherwise) with p99 within the budget. Then 1x, 2x and 5x
// that capacity, reporting p99 of every answer and who answered: screening, the safe default (budget ran
// out) or `shed` (the gateway's in-flight limit, or the query late on arrival). Target: p99 within the
// budget + 100 ms at 5x, no errors. Baseline at the same rates: a no-op NestJS endpoint of the same shape.
//
//   node --experimental-strip-types tests/bench/interactive.bench.ts [--quick] [--json]
//        [--multiples 1,2,5] [--capacity N (skip measuring)] [--max-in-flight N (the gateway's)]
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
const option = (name: string): string | undefined =>
  argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined;
const parameters = {
  multiples: (option('--multiples') ?? '1,2,5').split(',').map(Number),
  secondsPerRate: quick ? 5 : 20,
  secondsPerCapacityStep: quick ? 3 : 8,
  warmupSeconds: quick ? 3 : 5,
  connections: 100,
  travellersPerQuery: 1,
  budgetMs: 2000,
  /** The gateway's INTERACTIVE_MAX_IN_FLIGHT; unset, its default. */
  maxInFlight: option('--max-in-flight'),
};
const target = { multiple: 5, p99OverBudgetMs: 100 };
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');
const infra = {
  kafka: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  postgres: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redis: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};
const pad = (v: unknown, n: number) => String(v).padStart(n);
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

/** Shares of the answers: screening's, the safe default's, shed. */
function shares(load: Load): { screening: number; safeDefault: number; shed: number } {
  const answered = Math.max(
    1,
    Object.values(load.answeredBy).reduce((a, b) => a + b, 0),
  );
  const share = (key: string) => Number(((load.answeredBy[key] ?? 0) / answered).toFixed(3));
  return { screening: share('screening'), safeDefault: share('safe-default'), shed: share('shed') };
}

/** At capacity: screening answers (all but 1%) within the budget, without errors. */
function withinCapacity(load: Load): boolean {
  return load.errors === 0 && load.p99 <= parameters.budgetMs && shares(load).screening >= 0.99;
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

watchdog.phase('start-up');
const workDir = await mkdtemp(path.join(tmpdir(), 'bench-iapi-'));
watchdog.cleanup(() => rm(workDir, { recursive: true, force: true }));
const BODIES = path.join(workDir, 'bodies.json');
/** Every request a different traveller: as many bodies as the fastest rate sends. */
async function writeBodies(rate: number, seconds: number): Promise<void> {
  const count = Math.ceil(rate * (seconds + 2));
  await writeFile(BODIES, JSON.stringify(Array.from({ length: count }, (_, n) => body(n))));
}
await writeBodies(100, Math.max(parameters.warmupSeconds, parameters.secondsPerCapacityStep));

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
    ...(parameters.maxInFlight ? { INTERACTIVE_MAX_IN_FLIGHT: parameters.maxInFlight } : {}),
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
  // Warm-up: JIT, connection pools, topic metadata.
  watchdog.phase('warm-up');
  await runLoad(interactiveUrl, apiKey, 25, parameters.warmupSeconds);
  await runLoad(baselineUrl, apiKey, 25, parameters.warmupSeconds);

  // Capacity: rates doubling from 25/s until screening no longer answers within the budget, then one
  // step halfway between the last rate within capacity and the first beyond it.
  const capacitySteps: { rate: number; p99Ms: number; screening: number; errors: number }[] = [];
  const step = async (rate: number): Promise<boolean> => {
    watchdog.phase(`capacity: ${rate}/s`);
    await writeBodies(rate, parameters.secondsPerCapacityStep);
    const load = await runLoad(interactiveUrl, apiKey, rate, parameters.secondsPerCapacityStep);
    capacitySteps.push({ rate, p99Ms: load.p99, screening: shares(load).screening, errors: load.errors });
    // Let a backlog from an overloaded step drain before the next.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return withinCapacity(load);
  };
  let capacity = Number(option('--capacity') ?? 0);
  if (!capacity) {
    let good = 0;
    let bad = 0;
    for (let rate = 25; rate <= 3200; rate *= 2) {
      if (await step(rate)) good = rate;
      else {
        bad = rate;
        break;
      }
    }
    if (good > 0 && bad > 0) {
      const middle = Math.round((good + bad) / 2);
      if (await step(middle)) good = middle;
    }
    capacity = Math.max(good, 10);
  }

  const rows: { multiple: number; rate: number; interactive: Load; baseline: Load; p99Ratio: number }[] = [];
  for (const multiple of parameters.multiples) {
    const rate = Math.round(capacity * multiple);
    await writeBodies(rate, parameters.secondsPerRate);
    watchdog.phase(`interactive at ${multiple}x capacity, ${rate}/s`);
    const interactive = await runLoad(interactiveUrl, apiKey, rate, parameters.secondsPerRate);
    watchdog.phase(`no-op baseline at ${rate}/s`);
    const baseline = await runLoad(baselineUrl, apiKey, rate, parameters.secondsPerRate);
    rows.push({
      multiple,
      rate,
      interactive,
      baseline,
      p99Ratio: Number((interactive.p99 / Math.max(1, baseline.p99)).toFixed(2)),
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const atTarget = rows.find((r) => r.multiple === target.multiple);
  const met =
    atTarget !== undefined &&
    atTarget.interactive.p99 <= parameters.budgetMs + target.p99OverBudgetMs &&
    atTarget.interactive.errors === 0;
  const result = {
    name: 'interactive',
    parameters,
    figures: {
      capacityPerSecond: capacity,
      capacitySteps,
      ...Object.fromEntries(
        rows.map((r) => [
          `${r.multiple}x`,
          {
            rate: r.rate,
            p50Ms: r.interactive.p50,
            p99Ms: r.interactive.p99,
            maxMs: r.interactive.max,
            errors: r.interactive.errors,
            shares: shares(r.interactive),
            answeredBy: r.interactive.answeredBy,
            sent: r.interactive.sent,
          },
        ]),
      ),
    },
    baseline: Object.fromEntries(
      rows.map((r) => [
        `${r.multiple}x`,
        { p50Ms: r.baseline.p50, p99Ms: r.baseline.p99, maxMs: r.baseline.max, errors: r.baseline.errors },
      ]),
    ),
    ratio: atTarget?.p99Ratio ?? null,
    target: `p99 <= budget + ${target.p99OverBudgetMs} ms (${parameters.budgetMs + target.p99OverBudgetMs} ms) at ${target.multiple}x the measured capacity, no errors`,
    met,
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      [
        `interactive API: ${parameters.travellersPerQuery} traveller per query, ${parameters.secondsPerRate} s per rate, budget ${parameters.budgetMs} ms`,
        `  capacity ${capacity}/s (${capacitySteps.map((c) => `${c.rate}/s p99 ${c.p99Ms} ms, screening ${c.screening}`).join('; ') || 'given'})`,
        `  load   rate/s   p50 ms   p99 ms   max ms   errors   screening   safe-default   shed | no-op p50   p99   max | p99 ratio`,
        ...rows.map((r) => {
          const s = shares(r.interactive);
          return `  ${pad(`${r.multiple}x`, 4)}   ${pad(r.rate, 6)}   ${pad(r.interactive.p50, 6)}   ${pad(r.interactive.p99, 6)}   ${pad(r.interactive.max, 6)}   ${pad(r.interactive.errors, 6)}   ${pad(s.screening, 9)}   ${pad(s.safeDefault, 12)}   ${pad(s.shed, 4)} | ${pad(r.baseline.p50, 9)} ${pad(r.baseline.p99, 5)} ${pad(r.baseline.max, 5)} | ${pad(r.p99Ratio, 9)}`;
        }),
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
