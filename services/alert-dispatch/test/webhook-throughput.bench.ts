// Webhook deliveries per second: N alerts for one webhook agency, published to
// screening.alert-raised.v1, taken by the running alert-dispatch process (store, route, enqueue) and
// delivered to a local node:http receiver that answers 200 at once. Times come from BullMQ's own job
// timestamps (enqueued, finished) and from the receiver.
//
//   node --experimental-strip-types services/alert-dispatch/test/webhook-throughput.bench.ts \
//     [--alerts 2000] [--concurrency 20] [--drain] [--json]
//
// Default (pipelined): the worker delivers while the consumer is still taking alerts in, as in
// production; first enqueue → last delivery is then bounded by whichever is slower. --drain separates
// the two: the service first takes every alert in with no worker (WEBHOOK_CONCURRENCY=0), then is
// restarted with the worker, which drains the full queue — the worker's own rate.
//
// Needs `npx nx run alert-dispatch:build` and Kafka, PostgreSQL and Redis (KAFKA_BROKERS,
// DATABASE_URL as a server URL, REDIS_URL; local defaults otherwise). Uses its own database, consumer
// group and queue, and removes them afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import {
  createEvent,
  DocumentType,
  newEnvelope,
  RecommendedAction,
  Severity,
  TOPICS,
  TravellerRole,
  type AlertRaised,
} from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import {
  createTestDatabase,
  freePort,
  freshGroupAtEnd,
  startServiceProcess,
  waitFor,
  type RunningService,
} from '@docscreen/testing';

const SERVICE_DIR = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const ALERTS = option('alerts', 2_000);
const CONCURRENCY = option('concurrency', 20);
const DRAIN = argv.includes('--drain');
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const postgres = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const run = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
const agencyCode = `bench-${run}`;
const queue = `agency-webhooks-bench-${run}`;
const adminToken = randomBytes(24).toString('base64url');
const state = `Q${run.slice(0, 2).toUpperCase()}`;

// The receiver: 200 at once; the arrival of each delivery id's first request.
const arrivals = new Map<string, number>();
let requests = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    requests++;
    const id = String(request.headers['x-docscreen-delivery'] ?? '');
    if (!arrivals.has(id)) arrivals.set(id, Date.now());
    response.writeHead(200).end();
  });
});
receiver.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const db = await createTestDatabase(postgres, path.join(SERVICE_DIR, 'prisma/migrations'), 'dispatch_bench');
const group = await freshGroupAtEnd(brokers, 'dispatch-bench', TOPICS.ALERT_RAISED);
const secretsKeys = `bench:${randomBytes(32).toString('base64')}`;
const start = async (concurrency: number): Promise<RunningService> =>
  startServiceProcess({
    name: 'alert-dispatch',
    serviceDir: SERVICE_DIR,
    port: await freePort(),
    env: {
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      WEBHOOK_QUEUE: queue,
      WEBHOOK_CONCURRENCY: String(concurrency),
      // The receiver listens on 127.0.0.1; webhook secrets are sealed at rest.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      SECRETS_KEYS: secretsKeys,
      ...group,
    },
    readyTimeoutMs: 120_000,
  });

function alerts(): AlertRaised[] {
  // Flights of 100 alerts: the flight key spreads them over the topic's partitions as a day's do.
  return Array.from({ length: ALERTS }, (_, i) => {
    const envelope = newEnvelope({ producer: { name: 'bench-webhooks', version: run } });
    const flightKey = `QW${1000 + Math.floor(i / 100)}/2026-12-07`;
    return createEvent(TOPICS.ALERT_RAISED, {
      envelope,
      alertId: envelope.eventId,
      screeningId: randomUUID(),
      severity: Severity.HIGH,
      recommendedAction: RecommendedAction.CONTACT_AUTHORITY,
      reasons: [
        {
          code: 'DOCUMENT_EXPIRED',
          message: 'the document has expired',
          field: '',
          check: 'document-validity',
        },
      ],
      traveller: {
        travellerRef: `T${i}`,
        role: TravellerRole.PASSENGER,
        nationality: 'UTO',
        documentType: DocumentType.PASSPORT,
        issuingState: 'UTO',
        maskedDocumentNumber: '******123',
      },
      flightKey,
      legs: [
        {
          carrierCode: 'QW',
          flightNumber: flightKey.slice(2, 6),
          departureAirport: 'AMS',
          arrivalAirport: 'LHR',
          scheduledDepartureLocal: '2026-12-07T09:00',
        },
      ],
      routing: { destinationState: state, transitStates: [], arrivalAirport: 'LHR' },
    });
  });
}

/** BullMQ's clock: `timestamp` is when the consumer enqueued a job, `finishedOn` when it completed. */
async function jobTimes(redis: Redis, alertIds: readonly string[]) {
  const pipeline = redis.pipeline();
  for (const id of alertIds) pipeline.hmget(`bull:${queue}:${id}.${agencyCode}`, 'timestamp', 'finishedOn');
  const times = ((await pipeline.exec()) ?? []).map(([, value]) => (value as (string | null)[]).map(Number));
  return {
    firstEnqueue: Math.min(...times.map(([enqueued]) => enqueued ?? Infinity)),
    lastEnqueue: Math.max(...times.map(([enqueued]) => enqueued ?? 0)),
    lastFinish: Math.max(...times.map(([, finished]) => finished ?? 0)),
  };
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
const redis = new Redis(redisUrl);
const publisher = new EventPublisher(
  new Kafka({ clientId: 'bench-webhooks', brokers, logLevel: logLevel.NOTHING }),
);
let service = await start(DRAIN ? 0 : CONCURRENCY);
try {
  const registered = await fetch(`${service.baseUrl}/v1/admin/agencies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      code: agencyCode,
      name: 'Bench agency',
      states: [state],
      webhookUrl: receiverUrl,
    }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);

  const batch = alerts();
  await publisher.connect();
  const loadAtStart = loadavg()[0] ?? 0;
  const published = Date.now();
  for (let i = 0; i < batch.length; i += 500)
    await publisher.publish(
      TOPICS.ALERT_RAISED,
      batch.slice(i, i + 500).map((message) => ({ key: message.flightKey, message })),
    );
  let workerStarted = published;
  if (DRAIN) {
    await waitFor(
      'every alert to be queued',
      async () => ((await redis.llen(`bull:${queue}:wait`)) >= ALERTS ? true : undefined),
      600_000,
      100,
    );
    await service.stop();
    service = await start(CONCURRENCY);
    workerStarted = Date.now();
  }
  await waitFor(
    'every delivery to reach the receiver',
    () => (arrivals.size >= ALERTS ? true : undefined),
    600_000,
    50,
  );
  await waitFor(
    'every job to complete',
    async () => ((await redis.zcard(`bull:${queue}:completed`)) >= ALERTS ? true : undefined),
    60_000,
    100,
  );
  const { firstEnqueue, lastEnqueue, lastFinish } = await jobTimes(
    redis,
    batch.map((a) => a.alertId),
  );
  const firstArrival = Math.min(...arrivals.values());
  const lastArrival = Math.max(...arrivals.values());
  const result = {
    mode: DRAIN ? 'drain' : 'pipelined',
    alerts: ALERTS,
    concurrency: CONCURRENCY,
    requests,
    firstEnqueueToLastDeliverySeconds: seconds(lastFinish - firstEnqueue),
    // Intake: the consumer storing, routing and enqueuing (one transaction per alert).
    intakeSeconds: seconds(lastEnqueue - firstEnqueue),
    intakeAlertsPerSecond: Math.round(ALERTS / ((lastEnqueue - firstEnqueue) / 1000)),
    // The worker: from its first request (drain: a full queue) to the last delivery recorded.
    deliverySeconds: seconds(lastFinish - firstArrival),
    deliveriesPerSecond: Math.round(ALERTS / ((lastFinish - firstArrival) / 1000)),
    receiverFirstToLastSeconds: seconds(lastArrival - firstArrival),
    workerStartToFirstDeliverySeconds: seconds(firstArrival - workerStarted),
    machine: {
      cpus: cpus().length,
      loadAverage1mAtStart: Number(loadAtStart.toFixed(2)),
      loadAverage1mAtEnd: Number((loadavg()[0] ?? 0).toFixed(2)),
    },
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      `webhooks (${result.mode}, ${ALERTS} alerts, concurrency ${CONCURRENCY}): first enqueue → last delivery ` +
        `${result.firstEnqueueToLastDeliverySeconds} s; intake ${result.intakeSeconds} s (${result.intakeAlertsPerSecond} alerts/s); ` +
        `deliveries ${result.deliverySeconds} s (${result.deliveriesPerSecond}/s); ${requests} requests; ` +
        `${result.machine.cpus} cores, load ${result.machine.loadAverage1mAtStart} → ${result.machine.loadAverage1mAtEnd}\n`,
    );
} finally {
  await service.stop();
  await publisher.disconnect();
  for (const pattern of [`bull:${queue}:*`, `bull:${queue}-dead-letter:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  redis.disconnect();
  receiver.close();
  await db.drop();
}
