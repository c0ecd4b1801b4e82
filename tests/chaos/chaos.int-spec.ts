import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import {
  agencyAlertTopic,
  AlertRaisedSchema,
  carrierDirectiveTopic,
  BoardingDirectiveSchema,
  ScreeningCompletedSchema,
  ScreeningOutcome,
  TOPICS,
} from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  startServiceProcess,
  tcpGate,
  td3Mrz,
  testInfrastructure,
  throwawayBroker,
  WaitAborted,
  waitFor,
  type RunningService,
  type TcpGate,
  type TestDatabase,
  type ThrowawayBroker,
} from '@docscreen/testing';
import { call, listStolenPassport } from '../e2e/support/services.js';

/*
 * Chaos on the real stack: a steady stream of manifests (clean travellers and listed passports, so
 * that screenings, alerts, agency webhooks and directives all flow) while each part dies in turn —
 * every service SIGKILLed and started again (an orchestrator's restart), the broker stopped for 20 s,
 * PostgreSQL and Redis gone for 10 s (every connection cut and new ones refused, through a gate in
 * front of the shared servers: what a restart looks like from a client). After the last fault the
 * pipeline drains, and every traveller the gateway acknowledged is followed end to end.
 *
 * The suite prints one table — fault, requests during it, 503s, recovery seconds, travellers
 * acknowledged, lost, duplicate ids — and fails on any lost traveller or duplicate id.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAMES = ['carrier-gateway', 'screening', 'document-registry', 'alert-dispatch'] as const;
type Name = (typeof NAMES)[number];
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const CARRIER = 'XK';
// Agency codes are lowercase letters only (they name a topic).
const AGENCY = `chaos-${Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const TRAVELLERS_PER_MANIFEST = 5;
const EVERY_MS = 400;
const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

interface Sent {
  phase: string;
  status: number | 'refused';
  retryAfter: string | null;
  accepted: string[];
}

interface Phase {
  fault: string;
  recoverySeconds: number;
}

/** Reads a whole topic of this test's own broker, from its start to its end as of now. */
async function readTopic<S extends DescMessage>(
  brokers: string[],
  topic: string,
  schema: S,
): Promise<{ value: MessageShape<S>; headers: Record<string, string> }[]> {
  const kafka = new Kafka({ clientId: 'chaos-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).catch(() => []); // no such topic: nothing on it
  const ends = new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
  const groupId = `chaos-reader-${hex(6)}`;
  const out: { value: MessageShape<S>; headers: Record<string, string> }[] = [];
  const next = new Map<number, bigint>();
  const done = () => [...ends].every(([partition, high]) => (next.get(partition) ?? 0n) >= high);
  if (!done()) {
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        next.set(partition, BigInt(message.offset) + 1n);
        if (!message.value) return;
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        out.push({ value: fromBinary(schema, message.value), headers });
      },
    });
    await waitFor(`the whole of ${topic}`, () => (done() ? true : undefined), 120_000);
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  await admin.disconnect();
  return out;
}

describe('chaos: nothing a carrier was told is lost when any part dies', () => {
  const dbs: TestDatabase[] = [];
  const services = new Map<Name, RunningService>();
  const ports = new Map<Name, number>();
  const env = new Map<Name, Record<string, string>>();
  const sent: Sent[] = [];
  const phases: Phase[] = [];
  const listed: string[] = [];
  const deliveries: { deliveryId: string; alertId: string }[] = [];
  let broker: ThrowawayBroker;
  let postgres: TcpGate;
  let redis: TcpGate;
  let receiver: Server;
  let runDir: string;
  let apiKey: string;
  let agencyToken: string;
  let phase = 'warm-up';
  let streaming = false;
  let stream: Promise<void> | undefined;

  const gateway = () => services.get('carrier-gateway')!;

  async function start(name: Name): Promise<RunningService> {
    const service = await startServiceProcess({
      name,
      serviceDir: path.join(ROOT, 'services', name),
      port: ports.get(name)!,
      env: env.get(name)!,
      readyTimeoutMs: 180_000,
    });
    services.set(name, service);
    return service;
  }

  async function allReady(): Promise<void> {
    for (const [name, service] of services)
      await waitFor(
        `${name} ready again`,
        async () => {
          if (!service.alive())
            throw new WaitAborted(`${name} exited:\n${service.output.join('').slice(-3000)}`);
          const response = await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined);
          return response?.ok ? true : undefined;
        },
        180_000,
        250,
      );
  }

  /** One manifest of five travellers; every fourth carries a listed passport. */
  async function sendOne(seq: number): Promise<void> {
    const travellers = Array.from({ length: TRAVELLERS_PER_MANIFEST }, (_, i) => {
      const ref = `C${seq}T${i}`;
      const number = i === 0 && seq % 4 === 0 ? listed[seq % listed.length]! : `NC${hex(3)}1`;
      return traveller(ref, number);
    });
    const entry: Sent = { phase, status: 'refused', retryAfter: null, accepted: [] };
    sent.push(entry);
    try {
      const answer = await call(gateway(), 'POST', '/v1/manifests', apiKey, {
        legs: [
          {
            carrierCode: CARRIER,
            flightNumber: String(1 + (seq % 9000)),
            departureAirport: 'DXB',
            arrivalAirport: 'FRA',
            scheduledDepartureLocal: '2026-12-20T08:00',
          },
        ],
        travellers,
      });
      entry.status = answer.status;
      entry.retryAfter = answer.headers.get('retry-after');
      if (answer.status === 202)
        entry.accepted = (answer.body['accepted'] as { travellerRef: string }[]).map((t) => t.travellerRef);
    } catch {
      entry.status = 'refused'; // the gateway itself is down: nothing was acknowledged
    }
  }

  function startStream(): void {
    streaming = true;
    stream = (async () => {
      for (let seq = 0; streaming; seq++) {
        const next = sleep(EVERY_MS);
        await sendOne(seq);
        await next;
      }
    })();
  }

  /** Injects a fault, holds it, heals it, and times how long until every service is ready again. */
  async function fault(name: string, inject: () => Promise<void>, holdMs: number, heal: () => Promise<void>) {
    phase = name;
    const began = Date.now();
    await inject();
    await sleep(holdMs);
    await heal();
    await allReady();
    phases.push({ fault: name, recoverySeconds: (Date.now() - began - holdMs) / 1000 });
    // Steady traffic on the healed stack before the next fault.
    phase = `after ${name}`;
    await sleep(3_000);
  }

  beforeAll(async () => {
    const infra = await testInfrastructure();
    runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-chaos-'));
    broker = await throwawayBroker();
    await broker.start();
    postgres = await tcpGate({ host: '127.0.0.1', port: Number(new URL(infra.databaseUrl).port || 5432) });
    redis = await tcpGate({ host: '127.0.0.1', port: Number(new URL(infra.redisUrl).port || 6379) });
    await Promise.all([postgres.open(), redis.open()]);
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        deliveries.push({
          deliveryId: String(request.headers['x-docscreen-delivery']),
          alertId: (JSON.parse(body) as { alertId: string }).alertId,
        });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    const receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/alerts`;

    dbs.push(
      ...(await Promise.all(
        NAMES.map((name, i) =>
          createTestDatabase(
            infra.databaseUrl,
            path.join(ROOT, 'services', name, 'prisma/migrations'),
            `chaos_${i}`,
          ),
        ),
      )),
    );
    const through = (url: string, gate: TcpGate) => {
      const moved = new URL(url);
      moved.host = gate.address;
      return moved.toString();
    };
    const only: Record<Name, Record<string, string>> = {
      'carrier-gateway': { RATE_LIMIT_PER_MINUTE: '100000' },
      screening: { SLTD_SNAPSHOT_PATH: path.join(runDir, 'sltd.snapshot') },
      'document-registry': { IMPORT_DIR: path.join(runDir, 'imports'), OUTBOX_POLL_MS: '50' },
      'alert-dispatch': {
        WEBHOOK_QUEUE: `chaos-webhooks-${hex(4).toLowerCase()}`,
        WEBHOOK_BACKOFF_BASE_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '2000',
      },
    };
    for (const [i, name] of NAMES.entries()) {
      ports.set(name, await freePort());
      env.set(name, {
        KAFKA_BROKERS: broker.address,
        DATABASE_URL: through(dbs[i]!.url, postgres),
        REDIS_URL: through(infra.redisUrl, redis),
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        ...only[name],
      });
    }
    await Promise.all(NAMES.map((name) => start(name)));

    await loadVisaMatrix(services.get('screening')!.baseUrl, ADMIN_TOKEN);
    const carrier = await call(gateway(), 'POST', '/v1/admin/carriers', ADMIN_TOKEN, {
      iataCode: CARRIER,
      name: 'Chaos Air',
      contactEmail: 'ops@example.org',
    });
    apiKey = carrier.body['apiKey'] as string;
    const agency = await call(services.get('alert-dispatch')!, 'POST', '/v1/admin/agencies', ADMIN_TOKEN, {
      code: AGENCY,
      name: 'Chaos border police',
      states: ['D'],
      kafka: true,
      webhookUrl: receiverUrl,
    });
    if (agency.status !== 201) throw new Error(`registering the agency: ${agency.status} ${agency.text}`);
    agencyToken = agency.body['token'] as string;
    for (let i = 0; i < 4; i++) {
      const number = `NL${hex(3)}${i}`;
      await listStolenPassport(
        {
          registry: services.get('document-registry')!,
          screening: services.get('screening')!,
          adminToken: ADMIN_TOKEN,
        },
        { authority: `chaos-nld-${i}`, issuingState: 'NLD', documentNumber: number },
      );
      listed.push(number);
    }
  }, 420_000);

  afterAll(async () => {
    streaming = false;
    await stream;
    await Promise.all([...services.values()].map((s) => s.stop()));
    await Promise.all([postgres?.close(), redis?.close()]);
    await broker?.destroy();
    await Promise.all(dbs.map((db) => db.drop()));
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await rm(runDir, { recursive: true, force: true });
  }, 180_000);

  it('loses no acknowledged traveller and raises no duplicate id through every fault', async () => {
    startStream();
    await sleep(5_000);
    for (const name of NAMES) {
      await fault(
        `SIGKILL ${name}`,
        () => services.get(name)!.kill(),
        1_000,
        async () => void (await start(name)),
      );
    }
    await fault(
      'broker stopped 20 s',
      () => broker.stop(),
      20_000,
      () => broker.start(),
    );
    await fault(
      'PostgreSQL gone 10 s',
      () => postgres.close(),
      10_000,
      () => postgres.open(),
    );
    await fault(
      'Redis gone 10 s',
      () => redis.close(),
      10_000,
      () => redis.open(),
    );
    streaming = false;
    await stream;

    // Drain: every acknowledged traveller screened and its directive forwarded.
    const acknowledged = new Map(sent.flatMap((s) => s.accepted.map((ref) => [ref, s.phase] as const)));
    const brokers = [broker.address];
    const screenings = await waitFor(
      'every acknowledged traveller screened',
      async () => {
        const all = await readTopic(brokers, TOPICS.SCREENING_COMPLETED, ScreeningCompletedSchema);
        const seen = new Set(all.map((e) => e.value.travellerRef));
        return [...acknowledged.keys()].every((ref) => seen.has(ref)) ? all : undefined;
      },
      240_000,
      3_000,
    ).catch(() => readTopic(brokers, TOPICS.SCREENING_COMPLETED, ScreeningCompletedSchema));
    const screeningIds = group(screenings.map((e) => [e.value.travellerRef, e.value.screeningId]));
    const hits = new Set(
      screenings.filter((e) => e.value.outcome === ScreeningOutcome.HIT).map((e) => e.value.travellerRef),
    );

    const onAgencyTopic = await waitFor(
      'an alert on the agency’s topic for every hit',
      async () => {
        const all = await readTopic(brokers, agencyAlertTopic(AGENCY), AlertRaisedSchema);
        const seen = new Set(all.map((e) => e.value.traveller?.travellerRef));
        return [...hits].every((ref) => seen.has(ref)) ? all : undefined;
      },
      120_000,
      3_000,
    ).catch(() => readTopic(brokers, agencyAlertTopic(AGENCY), AlertRaisedSchema));
    const alertIds = group(
      onAgencyTopic.map((e) => [e.value.traveller?.travellerRef ?? '', e.value.alertId]),
    );
    const inApi = group((await agencyAlerts()).map((a) => [a.traveller.travellerRef, a.alertId]));
    const delivered = await waitFor(
      'a webhook delivery of every alert',
      () => {
        const ids = new Set(deliveries.map((d) => d.alertId));
        return [...alertIds.values()].every((set) => [...set].every((id) => ids.has(id)))
          ? deliveries
          : undefined;
      },
      120_000,
    ).catch(() => deliveries);
    const directives = await waitFor(
      'a directive on the carrier’s topic for every traveller',
      async () => {
        const all = await readTopic(brokers, carrierDirectiveTopic(CARRIER), BoardingDirectiveSchema);
        const seen = new Set(all.map((e) => e.value.travellerRef));
        return [...acknowledged.keys()].every((ref) => seen.has(ref)) ? all : undefined;
      },
      120_000,
      3_000,
    ).catch(() => readTopic(brokers, carrierDirectiveTopic(CARRIER), BoardingDirectiveSchema));
    const directiveIds = group(directives.map((e) => [e.value.travellerRef, e.value.directiveId]));
    const deliveryIdsOf = group(delivered.map((d) => [d.alertId, d.deliveryId]));

    // Per fault: what the carrier sent and was told, and what became of what it was told.
    const rows = [...new Set(sent.map((s) => s.phase))].map((name) => {
      const during = sent.filter((s) => s.phase === name);
      const refs = [...acknowledged].filter(([, p]) => p === name).map(([ref]) => ref);
      const lost = refs.filter(
        (ref) =>
          !screeningIds.has(ref) ||
          !directiveIds.has(ref) ||
          (hits.has(ref) && (!alertIds.has(ref) || !inApi.has(ref))) ||
          [...(alertIds.get(ref) ?? [])].some((id) => !deliveryIdsOf.has(id)),
      );
      const duplicates = refs.filter(
        (ref) =>
          (screeningIds.get(ref)?.size ?? 0) > 1 ||
          (directiveIds.get(ref)?.size ?? 0) > 1 ||
          (alertIds.get(ref)?.size ?? 0) > 1 ||
          (inApi.get(ref)?.size ?? 0) > 1 ||
          [...(alertIds.get(ref) ?? [])].some((id) => (deliveryIdsOf.get(id)?.size ?? 0) > 1),
      );
      return {
        fault: name,
        requests: during.length,
        '503s': during.filter((s) => s.status === 503).length,
        refused: during.filter((s) => s.status === 'refused').length,
        other:
          [...new Set(during.map((s) => s.status).filter((x) => ![202, 503, 'refused'].includes(x)))].join(
            ' ',
          ) || '-',
        recoverySeconds: phases.find((p) => p.fault === name)?.recoverySeconds ?? null,
        acknowledged: refs.length,
        lost: lost.length,
        duplicateIds: duplicates.length,
      };
    });
    // Nothing was dead-lettered: a fault of seconds costs a delay, never an unscreened traveller.
    const deadLetters: { service: string; topic: string; count: number; byReason: unknown }[] = [];
    for (const [name, service] of services) {
      const answer = await call(service, 'GET', '/v1/admin/dead-letters', ADMIN_TOKEN);
      for (const t of answer.body['topics'] as { topic: string; count: number; byReason: unknown }[])
        if (t.count > 0)
          deadLetters.push({ service: name, topic: t.topic, count: t.count, byReason: t.byReason });
    }
    process.stdout.write(
      `\nchaos table (${acknowledged.size} travellers acknowledged, ${hits.size} hits)\n${table(rows)}\n`,
    );
    expect(deadLetters).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(1_000);
    expect(hits.size).toBeGreaterThan(0);
    expect(rows.filter((r) => r.lost > 0 || r.duplicateIds > 0)).toEqual([]);
    // While the broker was down a carrier got 503 with Retry-After, or (once it was back) a receipt.
    const brokerDown = sent.filter((s) => s.phase === 'broker stopped 20 s');
    expect(brokerDown.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(brokerDown.filter((s) => s.status !== 202 && s.status !== 503)).toEqual([]);
    expect(brokerDown.filter((s) => s.status === 503 && !s.retryAfter)).toEqual([]);
    // Nothing else ever answered a 5xx but a 503 with Retry-After.
    expect(
      sent.filter(
        (s) => typeof s.status === 'number' && s.status >= 500 && (s.status !== 503 || !s.retryAfter),
      ),
    ).toEqual([]);
  }, 1_200_000);

  async function agencyAlerts(): Promise<{ alertId: string; traveller: { travellerRef: string } }[]> {
    const all: { alertId: string; traveller: { travellerRef: string } }[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        services.get('alert-dispatch')!,
        'GET',
        `/v1/alerts?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        agencyToken,
      );
      all.push(...(page.body['alerts'] as typeof all));
      cursor = page.body['nextCursor'] as string | undefined;
    } while (cursor);
    return all;
  }
});

/** The rows as a plain text table, one column per field. */
function table(rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? '-')))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

/** Values by key, without repeats: one id per traveller is `size === 1`. */
function group(pairs: (readonly [string, string])[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of pairs) {
    const set = out.get(key) ?? new Set<string>();
    set.add(value);
    out.set(key, set);
  }
  return out;
}
