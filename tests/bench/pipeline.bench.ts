// Pipeline: travellers per second through the running screening service (every rule, the lost/stolen
// index at 1M and at 10M records, the passport-index visa matrix) and the latency from publishing
// PassengerReported to reading its ScreeningCompleted; beside a baseline in the same run: a no-op relay
// with the same kafkajs settings and the same batching as screening (a partition's consecutive events,
// at most BATCH_MAX_EVENTS, one produce request), which consumes the same bytes and produces them again
// (acks=all).
//
//   node --experimental-strip-types tests/bench/pipeline.bench.ts [--quick] [--json]
//        [--travellers N] [--index 1000000,10000000] [--rate R] [--replicas N]
//
// Travellers are realistic: passports of many states in their real number formats, valid MRZs, flights
// of 200 to New York, Delhi and Dubai (the visa matrix requires a visa of some of them: all carry an
// entry visa of their destination but one in fifty), 1% of them holding a passport the index lists. The index is the real
// SltdIndex, filled with generated entries of a national list (tests/bench/support) plus those 1%, and
// handed to screening as a snapshot (SLTD_SNAPSHOT_PATH) positioned at the registry topic's end: the
// benchmark measures screening at that index size, not the index's rebuild (`npm run bench -- index`).
//
// Needs `npm run build` and the infrastructure (`npx docscreen stack up --infra`). Re-runs itself with
// a larger heap (10M generated entries are built here before they become a snapshot).
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { create } from '@bufbuild/protobuf';
import {
  decodeEvent,
  DocumentType,
  encodeEvent,
  newEnvelope,
  PassengerReportedSchema,
  ScreeningOutcome,
  TOPICS,
  VisaKind,
} from '@docscreen/contracts';
import { SltdIndex } from '@docscreen/sltd-index';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
} from '@docscreen/testing';
import { FORMATS, generate, numberOf, random } from './support/listed-documents.ts';
import { BenchWatchdog, rerunWith } from './support/watchdog.ts';

if (!process.execArgv.some((flag) => flag.startsWith('--max-old-space-size')))
  await rerunWith(import.meta.filename, [
    '--max-old-space-size=6144',
    '--experimental-strip-types',
    '--no-warnings',
  ]);

const ROOT = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const parameters = {
  travellers: Number(option('--travellers') ?? (quick ? 4_000 : 200_000)),
  indexRecords: (option('--index') ?? (quick ? '100000' : '1000000,10000000')).split(',').map(Number),
  listedShare: 0.01,
  travellersPerFlight: 200,
  /** Travellers published per second; 0 publishes all at once (throughput; latency is then queueing). */
  rate: Number(option('--rate') ?? 0),
  partitions: 12,
  /** Screening processes in one consumer group. */
  replicas: Number(option('--replicas') ?? 1),
  /** As screening's BATCH_MAX_EVENTS default: the relay batches alike. */
  batchMaxEvents: 500,
};
const target = 0.6;
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const postgres = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const kafka = new Kafka({ clientId: 'bench-pipeline', brokers, logLevel: logLevel.NOTHING });
const watchdog = new BenchWatchdog('pipeline', { brokers: brokers.join(',') });

/** Routes of the day's flights: destination airport and state. */
const ROUTES = [
  { from: 'AMS', to: 'JFK' },
  { from: 'FRA', to: 'DEL' },
  { from: 'LHR', to: 'DXB' },
];
/** Passport formats only (TD3, at most 9 characters): the travellers' documents. */
const PASSPORTS = FORMATS.filter((f) => f.type === 'P' && f.state !== 'XXA');

interface Passport {
  state: string;
  number: string;
}

/** The travellers' passports; every `1 / listedShare`-th of them is listed in the index. */
function passports(count: number): Passport[] {
  return Array.from({ length: count }, () => {
    const format = PASSPORTS[Math.floor(random() * PASSPORTS.length)]!;
    // `D` (Germany) is the MRZ's one-letter code; nationality is written the same way.
    return { state: format.state, number: numberOf(format.format) };
  });
}

const DESTINATION_STATE: Record<string, string> = { JFK: 'USA', DEL: 'IND', DXB: 'ARE' };
const SEXES = ['F', 'M'] as const;

/**
 * The day's reported travellers, pre-encoded: flights of `travellersPerFlight` (the flight key is the
 * partition key, so the load spreads over the topic's partitions as a day's manifests do). Travellers
 * headed for a state that is not their own carry an entry visa of it, whether or not the matrix
 * requires one, but one in fifty: some who need a visa have none.
 */
function events(
  runId: string,
  travellers: readonly Passport[],
): { key: string; value: Buffer; id: string }[] {
  const firstFlight = 1 + Math.floor(Math.random() * 5000);
  return travellers.map((document, i) => {
    const flight = Math.floor(i / parameters.travellersPerFlight);
    const route = ROUTES[flight % ROUTES.length]!;
    const flightKey = `QP${firstFlight + flight}/2026-12-05`;
    const destination = DESTINATION_STATE[route.to]!;
    const passport = {
      state: document.state,
      number: document.number,
      birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      sex: SEXES[i % 2]!,
      expiryDate: `203${i % 10}-06-30`,
      surname: 'BENCH',
      givenNames: 'LOAD',
    };
    const visa =
      document.state !== destination && i % 50 !== 3
        ? [
            {
              code: 'V',
              type: DocumentType.VISA,
              number: `V${String(i).padStart(8, '0')}`,
              issuingState: destination,
              visaKind: VisaKind.ENTRY,
              validFrom: '2026-06-01',
              validUntil: '2027-05-31',
            },
          ]
        : [];
    const message = create(PassengerReportedSchema, {
      envelope: newEnvelope({ producer: { name: 'bench', version: runId } }),
      carrierCode: 'QP',
      flightKey,
      submissionId: runId,
      submissionTravellerCount: travellers.length,
      legs: [
        {
          carrierCode: 'QP',
          flightNumber: flightKey.slice(2, flightKey.indexOf('/')),
          departureAirport: route.from,
          arrivalAirport: route.to,
          scheduledDepartureLocal: '2026-12-05T09:00',
        },
      ],
      traveller: {
        travellerRef: `T${i}`,
        surname: passport.surname,
        givenNames: passport.givenNames,
        birthDate: passport.birthDate,
        nationality: document.state,
        portOfEmbarkation: route.from,
        portOfDisembarkation: route.to,
        documents: [
          {
            code: 'P',
            type: DocumentType.PASSPORT,
            number: passport.number,
            issuingState: document.state,
            expiryDate: passport.expiryDate,
            mrzLines: td3Mrz(passport),
          },
          ...visa,
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
      watchdog.progress();
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
    watchdog.progress();
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await reader.disconnect();
  return { seconds, latencies: latencies.sort((a, b) => a - b) };
}

/**
 * The no-op relay: screening's kafkajs consumer settings and batching (a partition's consecutive
 * events, at most `batchMaxEvents`, one produce request, then the offset), no work: produces the same
 * bytes again, acks=all.
 */
async function startRelay(input: string, output: string): Promise<() => Promise<void>> {
  const consumer = kafka.consumer({
    groupId: `bench-relay-${randomUUID()}`,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    rebalanceTimeout: 30_000,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: input, fromBeginning: false });
  await consumer.run({
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 12, // as screening's PARTITIONS_CONSUMED_CONCURRENTLY
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (let i = 0; i < batch.messages.length; i += parameters.batchMaxEvents) {
        const slice = batch.messages.slice(i, i + parameters.batchMaxEvents);
        await producer.send({
          topic: output,
          acks: -1,
          messages: slice.map((m) => ({ key: m.key, value: m.value })),
        });
        resolveOffset(slice[slice.length - 1]!.offset);
        await heartbeat();
      }
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

/**
 * A snapshot of an index of `records` generated list entries plus `listed`, positioned at the
 * registry topic's end (screening then reads nothing older from it).
 */
async function indexSnapshot(file: string, records: number, listed: readonly Passport[]): Promise<number> {
  const index = SltdIndex.withCapacity(records + listed.length);
  const chunk = 1_000_000; // generated a million at a time: 10M entries as strings would not fit
  for (let done = 0; done < records; done += chunk) {
    watchdog.progress();
    const inputs = generate(Math.min(chunk, records - done));
    for (let i = 0; i < inputs.numbers.length; i++) {
      index.upsert({
        issuingState: inputs.states[i]!,
        documentType: inputs.types[i]!,
        documentNumber: inputs.numbers[i]!,
        status: inputs.statuses[i]!,
      });
    }
  }
  for (const p of listed) {
    index.upsert({ issuingState: p.state, documentType: 'P', documentNumber: p.number, status: 'stolen' });
  }
  const admin = kafka.admin();
  await admin.connect();
  // No registry topic yet (a fresh broker): nothing to skip.
  const positions = (await admin.listTopics()).includes(TOPICS.DOCUMENT_STATUS_CHANGED)
    ? Object.fromEntries(
        (await admin.fetchTopicOffsets(TOPICS.DOCUMENT_STATUS_CHANGED)).map((o) => [
          String(o.partition),
          o.high,
        ]),
      )
    : {};
  await admin.disconnect();
  const size = index.size;
  await writeFile(file, index.snapshot({ topic: TOPICS.DOCUMENT_STATUS_CHANGED, positions }));
  return size;
}

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

const travellers = passports(parameters.travellers);
const listed = travellers.filter((_, i) => i % Math.round(1 / parameters.listedShare) === 7);
const workDir = await mkdtemp(path.join(tmpdir(), 'docscreen-bench-pipeline-'));
watchdog.cleanup(() => rm(workDir, { recursive: true, force: true }));
const say = (line: string) => {
  if (!argv.includes('--json')) process.stderr.write(`${line}\n`);
};

interface Measured {
  indexRecords: number;
  travellersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  outcomes: Record<string, number>;
  ratio: number;
}
const figures: Record<string, Measured> = {};
try {
  const results: { indexRecords: number; run: Run; outcomes: Record<string, number> }[] = [];
  for (const records of parameters.indexRecords) {
    const snapshot = path.join(workDir, `index-${records}.snapshot`);
    let started = performance.now();
    watchdog.phase(`index snapshot of ${records} records`);
    const indexRecords = await indexSnapshot(snapshot, records, listed);
    say(`index of ${indexRecords} records built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Screening loads the whole index before it is ready (readyTimeoutMs below): a phase of its own length.
    watchdog.phase(`screening start-up, index ${records}`, { stallSeconds: 600 });
    const db = watchdog.database(
      await createTestDatabase(
        postgres,
        path.join(ROOT, 'services/screening/prisma/migrations'),
        'bench_pipeline',
      ),
    );
    const group = `screening-bench-${randomUUID()}`;
    await positionGroupAtEnd(brokers, group, TOPICS.PASSENGER_REPORTED);
    started = performance.now();
    // Replicas share the consumer group (and the database), each with its own copy of the index.
    const replicas = await Promise.all(
      Array.from({ length: parameters.replicas }, async (_, r) => {
        const own = `${snapshot}.${r}`;
        await copyFile(snapshot, own);
        const replica = await startServiceProcess({
          name: `screening-${r}`,
          serviceDir: path.join(ROOT, 'services/screening'),
          port: await freePort(),
          env: {
            KAFKA_BROKERS: brokers.join(','),
            DATABASE_URL: db.url,
            KAFKA_GROUP_ID: group,
            ADMIN_TOKEN,
            LOG_LEVEL: 'warn',
            SLTD_SNAPSHOT_PATH: own,
            SLTD_SNAPSHOT_INTERVAL_MS: '0',
            REFERENCE_DATA_POLL_MS: '500',
          },
          readyTimeoutMs: 600_000,
        });
        return watchdog.service(replica);
      }),
    );
    const screening = replicas[0]!;
    say(`screening ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    try {
      await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
      // Every replica re-reads the reference data within REFERENCE_DATA_POLL_MS.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const index = (await (
        await fetch(`${screening.baseUrl}/v1/admin/index`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).json()) as { records: number };
      watchdog.phase(`screening, index ${records}`);
      const runId = randomUUID();
      const outcomes: Record<string, number> = {};
      const run = await drive(
        TOPICS.PASSENGER_REPORTED,
        TOPICS.SCREENING_COMPLETED,
        events(runId, travellers),
        (value) => {
          const completed = decodeEvent(TOPICS.SCREENING_COMPLETED, value);
          if (completed.submissionId !== runId) return undefined;
          const outcome = ScreeningOutcome[completed.outcome];
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          return completed.passengerEventId;
        },
      );
      results.push({ indexRecords: index.records, run, outcomes });
      say(`screened ${parameters.travellers} travellers against ${index.records} records`);
    } finally {
      // Screening writes its snapshot again at shutdown; the folder goes at the end.
      replicas.forEach((replica) => watchdog.release(replica));
      await Promise.all(replicas.map((replica) => replica.stop()));
      await db.drop();
      await rm(snapshot, { force: true });
    }
  }

  watchdog.phase('no-op relay baseline');
  const stopRelay = await startRelay(relayIn, relayOut);
  const baseline = await drive(
    relayIn,
    relayOut,
    events(randomUUID(), travellers),
    (value) => decodeEvent(TOPICS.PASSENGER_REPORTED, value).envelope?.eventId,
  );
  await stopRelay();
  const base = {
    travellersPerSecond: Math.round(parameters.travellers / baseline.seconds),
    p50Ms: Math.round(percentile(baseline.latencies, 50)),
    p99Ms: Math.round(percentile(baseline.latencies, 99)),
  };
  for (const { indexRecords, run, outcomes } of results) {
    const travellersPerSecond = Math.round(parameters.travellers / run.seconds);
    figures[`${indexRecords}`] = {
      indexRecords,
      travellersPerSecond,
      p50Ms: Math.round(percentile(run.latencies, 50)),
      p99Ms: Math.round(percentile(run.latencies, 99)),
      outcomes,
      ratio: Number((travellersPerSecond / base.travellersPerSecond).toFixed(3)),
    };
  }
  // The ratio at the largest index: the figure the target is judged by.
  const ratio = Object.values(figures).at(-1)!.ratio;
  const result = {
    name: 'pipeline',
    parameters: { ...parameters, listedTravellers: listed.length },
    figures,
    baseline: base,
    ratio,
    target: `>= ${target} of the relay's travellers/s at every index size`,
    met: Object.values(figures).every((f) => f.ratio >= target),
  };
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      [
        `pipeline: ${parameters.travellers} travellers on flights of ${parameters.travellersPerFlight}, ${listed.length} with a listed passport, ${parameters.replicas} screening replica(s)${parameters.rate ? `, published at ${parameters.rate}/s` : ', published at once'}`,
        `                                   travellers/s   p50 ms   p99 ms   ratio   outcomes`,
        ...Object.values(figures).map(
          (f) =>
            `  screening, index ${String(f.indexRecords).padStart(9)}  ${String(f.travellersPerSecond).padStart(12)}   ${String(f.p50Ms).padStart(6)}   ${String(f.p99Ms).padStart(6)}   ${String(f.ratio).padStart(5)}   ${Object.entries(
              f.outcomes,
            )
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
        ),
        `  no-op relay baseline             ${String(base.travellersPerSecond).padStart(12)}   ${String(base.p50Ms).padStart(6)}   ${String(base.p99Ms).padStart(6)}`,
        `  target: ${result.target} — ${result.met ? 'met' : 'not met'}`,
        '',
      ].join('\n'),
    );
} finally {
  watchdog.disarm();
  await rm(workDir, { recursive: true, force: true });
}
