import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScreeningCompletedSchema, ScreeningOutcome, TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freePort,
  loadVisaMatrix,
  privatePostgres,
  privateRedis,
  startServiceProcess,
  throwawayBroker,
  WaitAborted,
  waitFor,
  type PrivatePostgres,
  type PrivateRedis,
  type RunningService,
  type TestDatabase,
  type ThrowawayBroker,
} from '@docscreen/testing';
import { call, listStolenPassport } from '../e2e/support/services.js';
import { table } from './support/chaos-table.js';
import { readTopic, tapTopic } from './support/chaos-topics.js';
import {
  agencyAlerts,
  diagnosis,
  followUp,
  progress,
  receiveWebhooks,
  requestsOf,
  rowsOf,
  traveller,
  type Delivery,
  type Sent,
  type Stack,
} from './support/follow-up.js';

/*
 * Chaos on the real stack: a steady stream of manifests (clean travellers and listed passports, so
 * that screenings, alerts, agency webhooks and directives all flow) while each part dies in turn. The
 * suite owns every server it breaks: a throwaway broker, a PostgreSQL cluster (initdb in a temporary
 * folder) and a redis-server with its append-only file on, as production runs it (libs/testing).
 *
 * 1. Each service SIGKILLed and started again (an orchestrator's restart); the broker stopped for 20 s;
 *    PostgreSQL restarted (`pg_ctl restart -m fast`: every session terminated); Redis restarted
 *    (SHUTDOWN, then a new process on the same port and data). Then, with the stream still running,
 *    every traveller the gateway acknowledged so far is followed end to end on that broker: one
 *    screening id, one directive id on the carrier's topic, every hit one alert id on the agency's
 *    topic and in its API and a webhook under one delivery id; no dead letters.
 * 2. The broker replaced by an empty one at the same address (its data deleted, a new cluster
 *    formatted), the services running on. Nobody re-imports or asks anything: the registry finds its
 *    topic behind its database and republishes, and the listed passports are hits again. A receipt is
 *    a promise only as durable as the broker that took the event: what the old broker acknowledged and
 *    nobody had consumed yet went with its data. So that row counts only travellers whose receipt came
 *    once the new broker was up (all followed end to end on it, as above), and the old broker's last
 *    receipts are shown on their own row with how many were still in flight when its data was deleted.
 *
 * The suite prints one table — fault, requests during it, 503s, recovery seconds, travellers
 * acknowledged, lost, duplicate ids — and fails on any lost traveller or duplicate id, any 5xx but a
 * 503 with Retry-After, any dead letter, or a listed passport screened clear after the replacement.
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
const BEFORE_REPLACED = 'old broker, last receipts';
const REPLACED = 'broker replaced by an empty one';
const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('chaos: nothing a carrier was told is lost when any part dies', () => {
  const dbs: TestDatabase[] = [];
  const services = new Map<Name, RunningService>();
  const ports = new Map<Name, number>();
  const env = new Map<Name, Record<string, string>>();
  const sent: Sent[] = [];
  const recovery = new Map<string, number>();
  const listed: string[] = [];
  const deliveries: Delivery[] = [];
  let broker: ThrowawayBroker;
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let receiver: Server;
  let runDir: string;
  let apiKey: string;
  let agencyToken: string;
  let phase = 'warm-up';
  /** Every phase in order, a fault during which no request happened to be sent included. */
  const phases = [phase];
  const enter = (name: string) => {
    phase = name;
    phases.push(name);
  };
  let streaming = false;
  let stream: Promise<void> | undefined;

  const gateway = () => services.get('carrier-gateway')!;
  const stack = (): Stack => ({
    broker: broker.address,
    agency: AGENCY,
    carrier: CARRIER,
    adminToken: ADMIN_TOKEN,
    services,
    deliveries,
  });

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
    const withListed = seq % 4 === 0;
    const travellers = Array.from({ length: TRAVELLERS_PER_MANIFEST }, (_, i) => {
      const number = i === 0 && withListed ? listed[seq % listed.length]! : `NC${hex(3)}1`;
      return traveller(`C${seq}T${i}`, number);
    });
    const entry: Sent = { phase, status: 'refused', retryAfter: null, accepted: [], answeredAt: 0 };
    if (withListed) entry.listedRef = `C${seq}T0`;
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
      else if (answer.status !== 503) entry.error = answer.text.slice(0, 500);
    } catch (error) {
      entry.status = 'refused'; // the gateway itself is down: nothing was acknowledged
      entry.error = String((error as Error).cause ?? error);
    }
    entry.answeredAt = Date.now();
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
    enter(name);
    progress(name);
    const injected = Date.now();
    await inject();
    await sleep(holdMs);
    await heal();
    await allReady();
    recovery.set(name, (Date.now() - injected - holdMs) / 1000);
    // Steady traffic on the healed stack before the next fault.
    enter(`after ${name}`);
    await sleep(3_000);
  }

  /** Whether screening's index lists every listed passport (what the registry's database lists). */
  async function everyListedPassportIndexed(): Promise<boolean> {
    for (const documentNumber of listed) {
      const lookup = await call(services.get('screening')!, 'POST', '/v1/admin/index/lookups', ADMIN_TOKEN, {
        issuingState: 'NLD',
        documentNumber,
      });
      if (lookup.body?.['listed'] !== true) return false;
    }
    return true;
  }

  beforeAll(async () => {
    runDir = await mkdtemp(path.join(tmpdir(), 'docscreen-chaos-'));
    [broker, postgres, redis] = await Promise.all([throwawayBroker(), privatePostgres(), privateRedis()]);
    await Promise.all([broker.start(), postgres.start(), redis.start()]);
    const webhookReceiver = await receiveWebhooks(deliveries);
    receiver = webhookReceiver.server;

    dbs.push(
      ...(await Promise.all(
        NAMES.map((name, i) =>
          createTestDatabase(
            postgres.url,
            path.join(ROOT, 'services', name, 'prisma/migrations'),
            `chaos_${i}`,
          ),
        ),
      )),
    );
    for (const name of NAMES) ports.set(name, await freePort());
    // The webhook receiver is on loopback over plain http; webhooks are sealed at rest with this key.
    const webhooks = {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      SECRETS_KEYS: `chaos:${randomBytes(32).toString('base64')}`,
    };
    const only: Record<Name, Record<string, string>> = {
      'carrier-gateway': { RATE_LIMIT_PER_MINUTE: '100000', ...webhooks },
      screening: {
        SLTD_SNAPSHOT_PATH: path.join(runDir, 'sltd.snapshot'),
        // Compared with the registry's watermark, as every deployment runs it (ADR 0012).
        REGISTRY_URL: `http://127.0.0.1:${ports.get('document-registry')}`,
        REGISTRY_WATERMARK_POLL_MS: '500',
      },
      'document-registry': {
        IMPORT_DIR: path.join(runDir, 'imports'),
        OUTBOX_POLL_MS: '50',
        // How soon the registry finds its topic behind its database (default 30 s).
        TOPIC_CHECK_MS: '1000',
      },
      'alert-dispatch': {
        WEBHOOK_QUEUE: `chaos-webhooks-${hex(4).toLowerCase()}`,
        WEBHOOK_BACKOFF_BASE_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '2000',
        ...webhooks,
      },
    };
    for (const [i, name] of NAMES.entries())
      env.set(name, {
        KAFKA_BROKERS: broker.address,
        DATABASE_URL: dbs[i]!.url,
        REDIS_URL: redis.url,
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        ...only[name],
      });
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
      webhookUrl: webhookReceiver.url,
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
    await Promise.all([broker?.destroy(), postgres?.destroy(), redis?.destroy()]);
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await rm(runDir, { recursive: true, force: true });
  }, 180_000);

  it('loses no acknowledged traveller and raises no duplicate id through every fault', async () => {
    progress('stack ready');
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
      'PostgreSQL restarted',
      () => postgres.restart(),
      0,
      async () => undefined,
    );
    await fault(
      'Redis restarted',
      () => redis.restart(),
      0,
      async () => undefined,
    );

    // 1. Everything acknowledged so far, followed end to end on this broker before its data is deleted.
    enter(BEFORE_REPLACED);
    const firstRequests = sent.filter((s) => s.phase !== BEFORE_REPLACED);
    await waitFor('the last request before the check answered', () =>
      firstRequests.every((s) => s.answeredAt > 0) ? true : undefined,
    );
    const firstRefs = acknowledgedRefs(firstRequests, (s) => s.phase);
    progress(`following ${firstRefs.size} travellers end to end`);
    const first = await followUp(stack(), firstRefs);
    const tap = await tapTopic([broker.address], TOPICS.SCREENING_COMPLETED, ScreeningCompletedSchema);
    await sleep(3_000);

    // 2. The broker replaced by an empty one; the services run on, and nobody imports or asks anything.
    enter(REPLACED);
    progress(REPLACED);
    // The tap read as the screenings were written; what it missed in the moment before the stop counts
    // as in flight (the count errs on the side of loss).
    await tap.close();
    await broker.replaceWithEmpty();
    const newBrokerUp = Date.now();
    const since = (s: Sent) => s.status === 202 && s.answeredAt >= newBrokerUp;
    await waitFor(
      'a listed passport acknowledged on the new broker screened as a hit, every one in screening’s index',
      async () => {
        const refs = new Set(sent.filter((s) => s.listedRef && since(s)).map((s) => s.listedRef));
        if (refs.size === 0 || !(await everyListedPassportIndexed())) return undefined;
        const screened = await readTopic(
          [broker.address],
          TOPICS.SCREENING_COMPLETED,
          ScreeningCompletedSchema,
        );
        return screened.some(
          (e) => refs.has(e.value.travellerRef) && e.value.outcome === ScreeningOutcome.HIT,
        )
          ? true
          : undefined;
      },
      180_000,
      1_000,
    ).catch(async (error: unknown) => {
      throw new Error(`${(error as Error).message}\n${await diagnosis(services, sent)}`);
    });
    await allReady();
    const levelAgain = Date.now();
    recovery.set(REPLACED, (levelAgain - newBrokerUp) / 1000);
    enter(`after ${REPLACED}`);
    await sleep(3_000);
    streaming = false;
    await stream;

    // A receipt given before the new broker was up came from the old one, whose data is gone.
    const later = sent.filter((s) => !firstRequests.includes(s));
    const oldReceipts = later.filter((s) => s.answeredAt < newBrokerUp).flatMap((s) => s.accepted);
    const tapped = new Set(tap.seen.map((e) => e.travellerRef));
    const inFlight = oldReceipts.filter((ref) => !tapped.has(ref));
    const secondRefs = acknowledgedRefs(later.filter(since), (s) =>
      s.phase === BEFORE_REPLACED ? REPLACED : s.phase,
    );
    progress(`following ${secondRefs.size} travellers end to end`);
    const second = await followUp(stack(), secondRefs);
    progress('followed');
    const context = {
      sent,
      inApi: await agencyAlerts(services.get('alert-dispatch')!, agencyToken),
      deliveries,
      recovery,
    };

    const rows = [
      ...rowsOf(phases.slice(0, phases.indexOf(BEFORE_REPLACED)), firstRefs, first, context),
      {
        fault: `${BEFORE_REPLACED} (data deleted)`,
        ...requestsOf(sent.filter((s) => s.phase === BEFORE_REPLACED)),
        recoverySeconds: null,
        acknowledged: oldReceipts.length,
        lost: `${inFlight.length} in flight`,
        duplicateIds: '-',
      },
      ...rowsOf([REPLACED, `after ${REPLACED}`], secondRefs, second, context),
    ];
    const hits = [...first.outcomes, ...second.outcomes].filter(([, o]) => o === ScreeningOutcome.HIT).length;
    process.stdout.write(
      `\nchaos table (${firstRefs.size + secondRefs.size} travellers acknowledged and followed, ${hits} hits)\n${table(rows)}\n` +
        `${REPLACED}: the old broker acknowledged ${oldReceipts.length} travellers after the last end-to-end check, ` +
        `${inFlight.length} of them not yet screened when it stopped (lost with its data; not counted as lost above). ` +
        `A listed passport was a hit again, every service ready, ${recovery.get(REPLACED)} s after the new broker was up.\n`,
    );

    expect([...first.deadLetters, ...second.deadLetters]).toEqual([]);
    expect(firstRefs.size).toBeGreaterThan(1_000);
    expect(secondRefs.size).toBeGreaterThan(50);
    expect(hits).toBeGreaterThan(0);
    expect(rows.filter((r) => typeof r.lost === 'number' && (r.lost > 0 || r.duplicateIds !== 0))).toEqual(
      [],
    );
    // After the replacement a listed passport is never screened clear (inconclusive while screening's
    // index is behind the registry), and once the index is level again it is a hit.
    const listedAfter = later.filter((s) => s.listedRef && since(s));
    const outcomeOf = (s: Sent) => second.outcomes.get(s.listedRef!);
    expect(
      listedAfter.filter((s) => outcomeOf(s) === ScreeningOutcome.CLEAR).map((s) => s.listedRef),
    ).toEqual([]);
    const afterLevel = listedAfter.filter((s) => s.answeredAt > levelAgain);
    expect(afterLevel.length).toBeGreaterThan(0);
    expect(afterLevel.filter((s) => outcomeOf(s) !== ScreeningOutcome.HIT).map((s) => s.listedRef)).toEqual(
      [],
    );
    // While the broker was down a carrier got 503 with Retry-After, or (once it was back) a receipt.
    for (const down of ['broker stopped 20 s', REPLACED]) {
      const during = sent.filter((s) => s.phase === down);
      expect(during.filter((s) => s.status === 503).length).toBeGreaterThan(0);
      expect(during.filter((s) => s.status !== 202 && s.status !== 503)).toEqual([]);
    }
    // Nothing ever answered a 5xx but a 503 with Retry-After (and if something did, the gateway says why).
    const unexpected = sent.filter(
      (s) => typeof s.status === 'number' && s.status >= 500 && (s.status !== 503 || !s.retryAfter),
    );
    if (unexpected.length > 0)
      process.stdout.write(
        `gateway, unhandled errors:\n${gateway()
          .output.join('')
          .split('\n')
          .filter((line) => line.includes('unhandled error'))
          .slice(-5)
          .join('\n')}\n`,
      );
    expect(unexpected).toEqual([]);
  }, 1_200_000);

  /** Every traveller these requests got a receipt for, with the phase it was sent in. */
  function acknowledgedRefs(requests: Sent[], row: (s: Sent) => string): Map<string, string> {
    return new Map(requests.flatMap((s) => s.accepted.map((ref) => [ref, row(s)] as const)));
  }
});
