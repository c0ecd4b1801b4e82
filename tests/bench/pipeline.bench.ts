// Pipeline: travellers per second through the running screening service (every rule, the lost/stolen
// index as the registry topic holds it, the passport-index visa matrix) and the latency from publishing
// PassengerReported to reading its ScreeningCompleted; beside a baseline in the same run: a no-op relay
// with the same kafkajs settings that consumes the same bytes and produces them again (acks=all).
//
//   node --experimental-strip-types tests/bench/pipeline.bench.ts [--quick] [--json] [--travellers N] [--rate R]
//
// Needs `npm run build` and the infrastructure (`npx docscreen stack up --infra`). The index holds what
// the broker's registry topic holds (e.g. after `docscreen sltd import` of a generated list).
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { create } from '@bufbuild/protobuf';
import { decodeEvent, encodeEvent, newEnvelope, PassengerReportedSchema, TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
} from '@docscreen/testing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const countArg = argv.indexOf('--travellers');
const rateArg = argv.indexOf('--rate');
const parameters = {
  travellers: countArg >= 0 ? Number(argv[countArg + 1]) : quick ? 3_000 : 50_000,
  expiredShare: 0.01,
  travellersPerFlight: 200,
  /** Travellers published per second; 0 publishes all at once (throughput; latency is then queueing). */
  rate: rateArg >= 0 ? Number(argv[rateArg + 1]) : 0,
  partitions: 12,
};
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const postgres = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const kafka = new Kafka({ clientId: 'bench-pipeline', brokers, logLevel: logLevel.NOTHING });

function events(runId: string): { key: string; value: Buffer; id: string }[] {
  // Realistic flights of `travellersPerFlight`: the flight key is the partition key, so the load
  // spreads over the topic's partitions as a day's manifests do (one flight is one partition's work).
  const firstFlight = 1 + Math.floor(Math.random() * 5000);
  return Array.from({ length: parameters.travellers }, (_, i) => {
    const flightKey = `QP${firstFlight + Math.floor(i / parameters.travellersPerFlight)}/2026-12-05`;
    const expired = i % Math.round(1 / parameters.expiredShare) === 0;
    const passport = {
      state: 'NLD',
      number: `NB${String(i).padStart(7, '0')}`,
      birthDate: '1981-07-04',
      sex: 'F' as const,
      expiryDate: expired ? '2025-06-30' : '2031-06-30',
      surname: 'BENCH',
      givenNames: 'LOAD',
    };
    const message = create(PassengerReportedSchema, {
      envelope: newEnvelope({ producer: { name: 'bench', version: runId } }),
      carrierCode: 'QP',
      flightKey,
      submissionId: runId,
      submissionTravellerCount: parameters.travellers,
      legs: [
        {
          carrierCode: 'QP',
          flightNumber: flightKey.slice(2, flightKey.indexOf('/')),
          departureAirport: 'AMS',
          arrivalAirport: 'JFK',
          scheduledDepartureLocal: '2026-12-05T09:00',
        },
      ],
      traveller: {
        travellerRef: `T${i}`,
        surname: passport.surname,
        givenNames: passport.givenNames,
        birthDate: passport.birthDate,
        nationality: 'NLD',
        portOfEmbarkation: 'AMS',
        portOfDisembarkation: 'JFK',
        documents: [
          {
            code: 'P',
            type: 1,
            number: passport.number,
            issuingState: 'NLD',
            expiryDate: passport.expiryDate,
            mrzLines: td3Mrz(passport),
          },
        ],
      },
    });
    return {
      key: flightKey,
      value: Buffer.from(encodeEvent(TOPICS.PASSENGER_REPORTED, message)),
      id: message.envelope!.eventId,
    };
  });
}

interface Run {
  seconds: number;
  latencies: number[];
}

/** Publishes the events to `input` and waits until `done(id)` has been seen for all of them on `output`. */
async function drive(
  input: string,
  output: string,
  batch: { key: string; value: Buffer; id: string }[],
  idOf: (value: Buffer) => string | undefined,
): Promise<Run> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const reader: Consumer = kafka.consumer({ groupId: `bench-reader-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await reader.connect();
  await reader.subscribe({ topic: output, fromBeginning: false });
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await reader.run({
    eachBatch: async ({ batch: b }) => {
      const now = performance.now();
      for (const m of b.messages) {
        const id = m.value ? idOf(m.value) : undefined;
        const t0 = id ? sentAt.get(id) : undefined;
        if (id && t0 !== undefined) {
          latencies.push(now - t0);
          sentAt.delete(id);
        }
      }
      if (latencies.length >= batch.length) finish();
    },
  });
  await new Promise((r) => setTimeout(r, 3_000)); // the reader has its partitions before the first event
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const started = performance.now();
  // At a steady rate, slices of 50 every 50/rate seconds; otherwise everything at once, 500 a send.
  const slice = parameters.rate > 0 ? 50 : 500;
  for (let i = 0; i < batch.length; i += slice) {
    const part = batch.slice(i, i + slice);
    if (parameters.rate > 0) {
      const due = started + (i / parameters.rate) * 1000;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    }
    const t = performance.now();
    for (const e of part) sentAt.set(e.id, t);
    await producer.send({
      topic: input,
      acks: -1,
      messages: part.map((e) => ({ key: e.key, value: e.value })),
    });
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await reader.disconnect();
  return { seconds, latencies: latencies.sort((a, b) => a - b) };
}

/** The no-op relay: same kafkajs consumer settings as screening, produces the same bytes, acks=all. */
async function startRelay(input: string, output: string): Promise<() => Promise<void>> {
  const consumer = kafka.consumer({
    groupId: `bench-relay-${randomUUID()}`,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: input, fromBeginning: false });
  await consumer.run({
    partitionsConsumedConcurrently: 12, // as screening's PARTITIONS_CONSUMED_CONCURRENTLY
    eachMessage: async ({ message }) => {
      await producer.send({
        topic: output,
        acks: -1,
        messages: [{ key: message.key, value: message.value }],
      });
    },
  });
  await new Promise((r) => setTimeout(r, 3_000));
  return async () => {
    await consumer.disconnect();
    await producer.disconnect();
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const admin = kafka.admin();
await admin.connect();
const relayIn = 'bench.relay-in.v1';
const relayOut = 'bench.relay-out.v1';
await admin.createTopics({
  topics: [relayIn, relayOut].map((topic) => ({
    topic,
    numPartitions: parameters.partitions,
    replicationFactor: 1,
  })),
});
await admin.disconnect();

const db = await createTestDatabase(
  postgres,
  path.join(ROOT, 'services/screening/prisma/migrations'),
  'bench_pipeline',
);
const group = `screening-bench-${randomUUID()}`;
await positionGroupAtEnd(brokers, group, TOPICS.PASSENGER_REPORTED);
const screening = await startServiceProcess({
  name: 'screening',
  serviceDir: path.join(ROOT, 'services/screening'),
  port: await freePort(),
  env: {
    KAFKA_BROKERS: brokers.join(','),
    DATABASE_URL: db.url,
    KAFKA_GROUP_ID: group,
    ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
  },
  readyTimeoutMs: 600_000,
});
try {
  await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN).catch(() => undefined);
  const index = (await (
    await fetch(`${screening.baseUrl}/v1/admin/index`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
  ).json()) as { records: number; series: number };
  const runId = randomUUID();
  const batch = events(runId);
  const measured = await drive(TOPICS.PASSENGER_REPORTED, TOPICS.SCREENING_COMPLETED, batch, (value) => {
    const completed = decodeEvent(TOPICS.SCREENING_COMPLETED, value);
    return completed.submissionId === runId ? completed.passengerEventId : undefined;
  });
  const stopRelay = await startRelay(relayIn, relayOut);
  const relayBatch = events(randomUUID());
  const baseline = await drive(
    relayIn,
    relayOut,
    relayBatch,
    (value) => decodeEvent(TOPICS.PASSENGER_REPORTED, value).envelope?.eventId,
  );
  await stopRelay();
  const figures = {
    travellersPerSecond: Math.round(parameters.travellers / measured.seconds),
    p50Ms: Math.round(percentile(measured.latencies, 50)),
    p99Ms: Math.round(percentile(measured.latencies, 99)),
    indexRecords: index.records,
    indexSeries: index.series,
  };
  const base = {
    travellersPerSecond: Math.round(parameters.travellers / baseline.seconds),
    p50Ms: Math.round(percentile(baseline.latencies, 50)),
    p99Ms: Math.round(percentile(baseline.latencies, 99)),
  };
  const ratio = Number((figures.travellersPerSecond / base.travellersPerSecond).toFixed(3));
  const result = {
    name: 'pipeline',
    parameters,
    figures,
    baseline: base,
    ratio,
    target: 0.6,
    met: ratio >= 0.6,
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `pipeline: ${parameters.travellers} travellers (${parameters.expiredShare * 100}% expired passports), index ${index.records} records / ${index.series} series`,
        `                        travellers/s   p50 ms   p99 ms`,
        `  screening service     ${String(figures.travellersPerSecond).padStart(12)}   ${String(figures.p50Ms).padStart(6)}   ${String(figures.p99Ms).padStart(6)}`,
        `  no-op relay baseline  ${String(base.travellersPerSecond).padStart(12)}   ${String(base.p50Ms).padStart(6)}   ${String(base.p99Ms).padStart(6)}`,
        `  ratio screening/relay: ${ratio} (target ≥ 0.6: ${result.met ? 'met' : 'missed'})`,
        '',
      ].join('\n'),
    );
} finally {
  await screening.stop();
  await db.drop();
}
