// Gateway ingest: accepted travellers per second over HTTP (JSON manifests, real PostgreSQL archive,
// real Kafka acknowledgement), beside a baseline in the same run that does the same HTTP I/O with no
// work (a node:http server in its own process that reads the same bodies and answers 202).
//
//   node --experimental-strip-types tests/bench/gateway-ingest.bench.ts [--quick] [--json]
//
// Needs `npm run build` and the infrastructure (`npx docscreen stack up --infra`).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TOPICS } from '@docscreen/contracts';
import { createTestDatabase, freePort, freshGroupAtEnd, startServiceProcess } from '@docscreen/testing';
import { BenchWatchdog } from './support/watchdog.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const parameters = {
  requests: quick ? 60 : 400,
  travellersPerRequest: 100,
  concurrency: 8,
};
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const infra = {
  kafka: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  postgres: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redis: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};
const watchdog = new BenchWatchdog('gateway-ingest', { brokers: infra.kafka });

function manifest(i: number): string {
  return JSON.stringify({
    legs: [
      {
        carrierCode: 'QB',
        flightNumber: String(1 + (i % 9000)),
        departureAirport: 'FRA',
        arrivalAirport: 'JFK',
        scheduledDepartureLocal: '2026-12-05T09:00',
      },
    ],
    travellers: Array.from({ length: parameters.travellersPerRequest }, (_, t) => ({
      travellerRef: `T${t}`,
      surname: 'BENCH',
      givenNames: 'LOAD',
      birthDate: '1980-02-29',
      sex: 'F',
      nationality: 'UTO',
      documents: [
        {
          type: 'P',
          number: `B${String(i * 1000 + t).padStart(8, '0')}`,
          issuingState: 'UTO',
          expiryDate: '2031-01-01',
        },
      ],
    })),
  });
}

async function load(
  url: string,
  apiKey: string,
): Promise<{ seconds: number; latencies: number[]; errors: number }> {
  const bodies = Array.from({ length: parameters.requests }, (_, i) => manifest(i));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parameters.concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        watchdog.progress();
        if (response.status !== 202) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    errors,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function startBaseline(port: number): Promise<() => void> {
  const code = `require('node:http').createServer((q, s) => { q.on('data', () => {}); q.on('end', () => { s.writeHead(202, { 'content-type': 'application/json' }); s.end('{"accepted":[]}'); }); }).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  watchdog.child('the baseline server', child);
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return () => child.kill();
}

watchdog.phase('start-up');
const db = watchdog.database(
  await createTestDatabase(
    infra.postgres,
    path.join(ROOT, 'services/carrier-gateway/prisma/migrations'),
    'bench_gateway',
  ),
);
const gateway = await startServiceProcess({
  name: 'carrier-gateway',
  serviceDir: path.join(ROOT, 'services/carrier-gateway'),
  port: await freePort(),
  env: {
    KAFKA_BROKERS: infra.kafka,
    DATABASE_URL: db.url,
    REDIS_URL: infra.redis,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    ...(await freshGroupAtEnd(infra.kafka.split(','), 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
  },
});
watchdog.service(gateway);
const baselinePort = await freePort();
const stopBaseline = await startBaseline(baselinePort);
try {
  const registered = await fetch(`${gateway.baseUrl}/v1/admin/carriers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ iataCode: 'QB', name: 'Bench Air', contactEmail: 'bench@example.org' }),
  });
  const { apiKey } = (await registered.json()) as { apiKey: string };
  watchdog.phase('warm-up');
  await load(`${gateway.baseUrl}/v1/manifests`, apiKey); // warm-up: JIT, connection pools, topic metadata
  watchdog.phase('gateway load');
  const measured = await load(`${gateway.baseUrl}/v1/manifests`, apiKey);
  watchdog.phase('baseline load');
  const baseline = await load(`http://127.0.0.1:${baselinePort}/`, apiKey);
  const travellers = parameters.requests * parameters.travellersPerRequest;
  const figures = {
    travellersPerSecond: Math.round(travellers / measured.seconds),
    requestsPerSecond: Math.round(parameters.requests / measured.seconds),
    p50Ms: Math.round(percentile(measured.latencies, 50)),
    p99Ms: Math.round(percentile(measured.latencies, 99)),
    errors: measured.errors,
  };
  const base = {
    travellersPerSecond: Math.round(travellers / baseline.seconds),
    p50Ms: Math.round(percentile(baseline.latencies, 50)),
    p99Ms: Math.round(percentile(baseline.latencies, 99)),
  };
  const result = {
    name: 'gateway-ingest',
    parameters,
    figures,
    baseline: base,
    ratio: Number((figures.travellersPerSecond / base.travellersPerSecond).toFixed(3)),
    // Issue 5 sets no target for ingest: its figures are reported beside the baseline, not judged.
    target: null,
    met: null,
  };
  if (args.has('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      [
        `gateway ingest: ${parameters.requests} requests × ${parameters.travellersPerRequest} travellers, concurrency ${parameters.concurrency}`,
        `                      travellers/s   p50 ms   p99 ms   errors`,
        `  gateway             ${String(figures.travellersPerSecond).padStart(12)}   ${String(figures.p50Ms).padStart(6)}   ${String(figures.p99Ms).padStart(6)}   ${figures.errors}`,
        `  baseline (no work)  ${String(base.travellersPerSecond).padStart(12)}   ${String(base.p50Ms).padStart(6)}   ${String(base.p99Ms).padStart(6)}`,
        `  ratio gateway/baseline: ${result.ratio}`,
        '',
      ].join('\n'),
    );
  }
} finally {
  watchdog.disarm();
  stopBaseline();
  await gateway.stop();
  await db.drop();
}
