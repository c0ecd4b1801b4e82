import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { testInfrastructure, waitFor } from '@docscreen/testing';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from './__fixtures__/webhook-receiver.js';
import { startWorkerProcess, type WorkerProcess } from './__fixtures__/worker-process.js';
import { verifyWebhook } from './signature.js';
import {
  WebhookDispatcher,
  deadLetterQueueName,
  type WebhookDispatcherOptions,
} from './webhook-dispatcher.js';
import { EVENT_TYPE_HEADER, USER_AGENT, type WebhookDelivery } from './webhook-request.js';
import type { WebhookLookup } from './webhook-target.js';

// Against the real Redis and a real HTTP receiver on the loopback: retries with backoff, dead letters,
// de-duplication, and a worker killed with SIGKILL in the middle of a delivery (in a child process).
// The receivers listen on 127.0.0.1, so these dispatchers allow private targets, as local development
// does (WEBHOOK_ALLOW_PRIVATE_TARGETS); the target policy's own tests below run without it.

const SECRET = 'whsec_int-spec-secret';
const SUBSCRIBER = 'nld-kmar';
// Every key of this run lives under its own prefix, removed at the end; each test has its own queue.
const PREFIX = `webhooks-int-${randomUUID().slice(0, 8)}`;
const HOOK_TIMEOUT_MS = 90_000;

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  const deliveryId = overrides.deliveryId ?? `d-${randomUUID()}`;
  return {
    deliveryId,
    subscriber: SUBSCRIBER,
    eventType: 'alert.raised.v1',
    body: JSON.stringify({ alertId: deliveryId, documentNumber: 'XA1234567' }),
    ...overrides,
  };
}

describe('WebhookDispatcher on the real Redis', () => {
  let redisUrl: string;
  let redis: Redis;
  let workDir: string;
  const dispatchers: WebhookDispatcher[] = [];
  const receivers: WebhookReceiver[] = [];
  const processes: WorkerProcess[] = [];

  beforeAll(async () => {
    redisUrl = (await testInfrastructure()).redisUrl;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    workDir = mkdtempSync(path.join(tmpdir(), 'webhooks-int-'));
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill()));
    await Promise.all(dispatchers.splice(0).map((d) => d.close()));
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    if (redis) {
      // Only this run's keys: everything under its prefix.
      for (let cursor = '0'; ;) {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
        if (cursor === '0') break;
      }
      redis.disconnect();
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT_MS);

  function newQueueName(): string {
    return `webhooks-${randomUUID()}`;
  }

  async function receiver(answer: Answer): Promise<WebhookReceiver> {
    const started = await startWebhookReceiver(answer);
    receivers.push(started);
    return started;
  }

  function dispatcher(
    options: Partial<WebhookDispatcherOptions> & { receiver: WebhookReceiver },
  ): WebhookDispatcher {
    const { receiver: target, ...rest } = options;
    const created = new WebhookDispatcher({
      queueName: newQueueName(),
      prefix: PREFIX,
      connection: { url: redisUrl },
      resolveEndpoint: async (subscriber) =>
        subscriber === SUBSCRIBER ? { url: target.url, secret: SECRET } : undefined,
      backoff: { baseMs: 100, maxMs: 400 },
      allowPrivateTargets: true,
      ...rest,
    });
    dispatchers.push(created);
    return created;
  }

  async function countsReach(
    d: WebhookDispatcher,
    state: string,
    expected: number,
  ): Promise<Record<string, number>> {
    return waitFor(
      `${expected} ${state}`,
      async () => {
        const counts = await d.counts();
        return counts[state] === expected ? counts : undefined;
      },
      60_000,
      100,
    );
  }

  /** The retries BullMQ scheduled with a delay, read from the queue's own event stream in Redis. */
  async function delayedRetries(queueName: string, deliveryId: string): Promise<number> {
    const entries = await redis.xrange(`${PREFIX}:${queueName}:events`, '-', '+');
    return entries.filter(([, fields]) => {
      const event = Object.fromEntries(fields.flatMap((v, i) => (i % 2 === 0 ? [[v, fields[i + 1]]] : [])));
      return event['event'] === 'delayed' && event['jobId'] === deliveryId;
    }).length;
  }

  it('retries a receiver that fails twice with backoff, then delivers exactly once, signed', async () => {
    const target = await receiver((_request, nth) => (nth <= 2 ? 500 : 200));
    const delivered: unknown[] = [];
    const failures: Array<{ attempt: number; error: string; willRetry: boolean }> = [];
    const queueName = newQueueName();
    const d = dispatcher({
      receiver: target,
      queueName,
      onDelivered: async (event) => void delivered.push(event),
      onAttemptFailed: async ({ attempt, error, willRetry }) =>
        void failures.push({ attempt, error, willRetry }),
    });
    d.startWorker();
    const sent = delivery();

    await d.enqueue([sent]);
    await countsReach(d, 'completed', 1);

    expect(target.requests).toHaveLength(3);
    for (const request of target.requests) {
      expect(request.deliveryId).toBe(sent.deliveryId);
      expect(request.body).toBe(sent.body);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers[EVENT_TYPE_HEADER]).toBe('alert.raised.v1');
      expect(request.headers['user-agent']).toBe(USER_AGENT);
      expect(verifyWebhook({ secret: SECRET, headers: request.headers, body: request.body })).toMatchObject({
        ok: true,
        deliveryId: sent.deliveryId,
      });
    }
    const [first, second, third] = target.requests.map((r) => r.at);
    expect(second! - first!).toBeGreaterThan(0);
    expect(third! - second!).toBeGreaterThan(0);
    expect(await delayedRetries(queueName, sent.deliveryId)).toBe(2);
    expect(failures).toEqual([
      { attempt: 1, error: 'HTTP 500', willRetry: true },
      { attempt: 2, error: 'HTTP 500', willRetry: true },
    ]);
    expect(delivered).toEqual([
      { deliveryId: sent.deliveryId, subscriber: SUBSCRIBER, attempts: 3, status: 200 },
    ]);
    expect(await d.counts()).toMatchObject({ completed: 1, failed: 0, delayed: 0, 'dead-lettered': 0 });
  }, 120_000);

  it('dead-letters a delivery after its last attempt, once, with the reason', async () => {
    const target = await receiver(() => 503);
    const deadLettered: unknown[] = [];
    const failures: boolean[] = [];
    const d = dispatcher({
      receiver: target,
      attempts: 3,
      onAttemptFailed: async ({ willRetry }) => void failures.push(willRetry),
      onDeadLettered: async (event) => void deadLettered.push(event),
    });
    d.startWorker();
    const sent = delivery();
    const enqueuedAt = Date.now();

    await d.enqueue([sent]);
    await countsReach(d, 'dead-lettered', 1);
    await countsReach(d, 'failed', 1);

    expect(target.requests.map((r) => r.deliveryId)).toEqual([
      sent.deliveryId,
      sent.deliveryId,
      sent.deliveryId,
    ]);
    expect(failures).toEqual([true, true, false]);
    expect(deadLettered).toEqual([
      { deliveryId: sent.deliveryId, subscriber: SUBSCRIBER, attempts: 3, error: 'HTTP 503' },
    ]);
    const [letter, ...others] = await d.deadLetters();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      deliveryId: sent.deliveryId,
      subscriber: SUBSCRIBER,
      attempts: 3,
      error: 'HTTP 503',
    });
    // The time of this failure (whole seconds at least), not of an earlier one.
    expect(Date.parse(letter!.failedAt)).toBeGreaterThanOrEqual(Math.floor(enqueuedAt / 1000) * 1000);
    // Nothing more arrives once it is dead-lettered: a later delivery goes through the same attempts
    // and backoff, and by the time it is dead-lettered too a stray retry of the first would have come.
    const sentinel = delivery();
    await d.enqueue([sentinel]);
    await countsReach(d, 'dead-lettered', 2);
    expect(target.requests.filter((r) => r.deliveryId === sent.deliveryId)).toHaveLength(3);
    expect(deadLettered).toHaveLength(2);
  }, 120_000);

  it('dead-letters a delivery to an unknown subscriber at once, without sending anything', async () => {
    const target = await receiver(() => 200);
    const deadLettered: unknown[] = [];
    const d = dispatcher({
      receiver: target,
      onDeadLettered: async (event) => void deadLettered.push(event),
    });
    d.startWorker();
    const sent = delivery({ subscriber: 'nobody' });

    await d.enqueue([sent]);
    await countsReach(d, 'dead-lettered', 1);

    expect(target.requests).toEqual([]);
    expect(deadLettered).toEqual([
      { deliveryId: sent.deliveryId, subscriber: 'nobody', attempts: 1, error: 'unknown subscriber' },
    ]);
    expect(await d.counts()).toMatchObject({ failed: 1, delayed: 0, waiting: 0 });

    // deadLetters() lists the newest first, up to its limit.
    const later = delivery({ subscriber: 'nobody-either' });
    await d.enqueue([later]);
    await countsReach(d, 'dead-lettered', 2);
    expect((await d.deadLetters()).map((l) => l.deliveryId)).toEqual([later.deliveryId, sent.deliveryId]);
    expect((await d.deadLetters(1)).map((l) => l.deliveryId)).toEqual([later.deliveryId]);
  }, 120_000);

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const target = await receiver(() => new Promise((resolve) => setTimeout(() => resolve(200), 5_000)));
    const deadLettered: Array<{ error: string }> = [];
    const d = dispatcher({
      receiver: target,
      attempts: 1,
      requestTimeoutMs: 300,
      onDeadLettered: async (event) => void deadLettered.push(event),
    });
    d.startWorker();

    await d.enqueue([delivery()]);
    await countsReach(d, 'dead-lettered', 1);

    expect(deadLettered.map((e) => e.error)).toEqual(['timeout after 300 ms']);
  }, 120_000);

  it('counts a receiver that is not listening as a failed attempt', async () => {
    const gone = await startWebhookReceiver(() => 200);
    await gone.close();
    const deadLettered: Array<{ error: string }> = [];
    const d = dispatcher({
      receiver: gone,
      attempts: 1,
      onDeadLettered: async (event) => void deadLettered.push(event),
    });
    d.startWorker();

    await d.enqueue([delivery()]);
    await countsReach(d, 'dead-lettered', 1);

    expect(deadLettered.map((e) => e.error)).toEqual(['network error: ECONNREFUSED']);
  }, 120_000);

  it('delivers a delivery id enqueued twice only once (a shared ioredis connection)', async () => {
    const target = await receiver(() => 200);
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    try {
      const d = dispatcher({ receiver: target, connection });
      const sent = delivery();

      await d.enqueue([sent]);
      await d.enqueue([sent, { ...sent }]);
      expect(await d.counts()).toMatchObject({ waiting: 1 });
      d.startWorker();
      await countsReach(d, 'completed', 1);
      // An enqueue after it was delivered is still a no-op while BullMQ keeps the completed job.
      await d.enqueue([sent]);
      // A delivery enqueued after it shows when the queue has moved past: a duplicate job would be
      // counted (waiting, active or completed) beside the two.
      const sentinel = delivery();
      await d.enqueue([sentinel]);
      await countsReach(d, 'completed', 2);

      expect(target.requests.map((r) => r.deliveryId)).toEqual([sent.deliveryId, sentinel.deliveryId]);
      expect(await d.counts()).toMatchObject({ completed: 2, waiting: 0, active: 0, delayed: 0 });
      await d.close();
      // The caller's connection is the caller's: close() leaves it open.
      expect(await connection.ping()).toBe('PONG');
    } finally {
      connection.disconnect();
    }
  }, 120_000);

  it('refuses to start a worker on a shared connection that BullMQ cannot block on', async () => {
    const target = await receiver(() => 200);
    const connection = new Redis(redisUrl); // ioredis' default maxRetriesPerRequest is 20
    try {
      const d = dispatcher({ receiver: target, connection });
      expect(() => d.startWorker()).toThrow('maxRetriesPerRequest: null');
      // Enqueue-only use of such a connection is fine.
      await d.enqueue([delivery()]);
      expect(await d.counts()).toMatchObject({ waiting: 1 });
      await d.close();
    } finally {
      connection.disconnect();
    }
  }, 120_000);

  it('close() lets an in-flight delivery finish before it resolves', async () => {
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const target = await receiver(async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return 200;
    });
    const delivered: string[] = [];
    const queueName = newQueueName();
    const d = dispatcher({
      receiver: target,
      queueName,
      onDelivered: async (e) => void delivered.push(e.deliveryId),
    });
    d.startWorker();
    const sent = delivery();

    await d.enqueue([sent]);
    await inFlight;
    await d.close();

    expect(delivered).toEqual([sent.deliveryId]);
    const observer = dispatcher({ receiver: target, queueName });
    expect(await observer.counts()).toMatchObject({ completed: 1, active: 0, waiting: 0 });
  }, 120_000);

  describe('a worker killed with SIGKILL in the middle of a delivery', () => {
    const LOCK_MS = 2_000;
    const STALLED_MS = 1_000;

    function worker(queueName: string, target: WebhookReceiver, recordFile: string, hang = false) {
      const started = startWorkerProcess({
        REDIS_URL: redisUrl,
        QUEUE_NAME: queueName,
        PREFIX,
        RECEIVER_URL: target.url,
        SECRET,
        RECORD_FILE: recordFile,
        LOCK_MS: String(LOCK_MS),
        STALLED_MS: String(STALLED_MS),
        HANG_AFTER_RECORD: hang ? '1' : '0',
      });
      processes.push(started);
      return started;
    }

    function recordedDeliveries(recordFile: string): string[] {
      if (!existsSync(recordFile)) return [];
      return readFileSync(recordFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { deliveryId: string }).deliveryId);
    }

    it('after the 2xx was recorded: the next worker takes it over and does not send it again', async () => {
      const target = await receiver(() => 200);
      const queueName = newQueueName();
      const recordFile = path.join(workDir, `${queueName}.jsonl`);
      const producer = dispatcher({ receiver: target, queueName });
      const sent = delivery();
      const first = worker(queueName, target, recordFile, true);

      await producer.enqueue([sent]);
      // The receiver answered 200 and the worker recorded it; BullMQ has not completed the job yet.
      await first.waitForEvent('the first worker to record the 2xx', (e) => e['event'] === 'hanging');
      await first.kill();
      expect(await producer.counts()).toMatchObject({ active: 1, completed: 0 });

      const second = worker(queueName, target, recordFile);
      await countsReach(producer, 'completed', 1);
      await second.stop();

      expect(target.requests.map((r) => r.deliveryId)).toEqual([sent.deliveryId]);
      expect(recordedDeliveries(recordFile)).toEqual([sent.deliveryId]);
      expect(second.events).toContainEqual(
        expect.objectContaining({
          msg: 'webhook already delivered; not sent again',
          deliveryId: sent.deliveryId,
        }),
      );
      expect(second.events).toContainEqual(
        expect.objectContaining({ msg: 'webhook delivery stalled; taken over', deliveryId: sent.deliveryId }),
      );
    }, 180_000);

    it('before the 2xx reached it: the next worker sends it again under the same delivery id', async () => {
      // The honest race: the receiver has answered 200, but the worker died before it read the answer
      // and recorded it, so nothing durable says "delivered". The next worker must send again; what
      // keeps this from being a second delivery is the receiver de-duplicating by delivery id, which the
      // second request carries unchanged. Exactly one 2xx is recorded per delivery id.
      let firstArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
      let answerFirst!: () => void;
      const answerReleased = new Promise<void>((resolve) => (answerFirst = resolve));
      const target = await receiver(async (_request, nth) => {
        if (nth === 1) {
          firstArrived();
          await answerReleased;
        }
        return 200;
      });
      const queueName = newQueueName();
      const recordFile = path.join(workDir, `${queueName}.jsonl`);
      const producer = dispatcher({ receiver: target, queueName });
      const sent = delivery();
      const first = worker(queueName, target, recordFile);

      await producer.enqueue([sent]);
      await arrived;
      await first.kill();
      answerFirst(); // the 200 goes to a dead socket

      const second = worker(queueName, target, recordFile);
      await countsReach(producer, 'completed', 1);
      await second.stop();

      const ids = target.requests.map((r) => r.deliveryId);
      expect(ids).toEqual([sent.deliveryId, sent.deliveryId]);
      expect(new Set(ids)).toEqual(new Set([sent.deliveryId]));
      for (const request of target.requests)
        expect(verifyWebhook({ secret: SECRET, headers: request.headers, body: request.body }).ok).toBe(true);
      expect(recordedDeliveries(recordFile)).toEqual([sent.deliveryId]);
      expect(await producer.counts()).toMatchObject({ completed: 1, failed: 0, 'dead-lettered': 0 });
    }, 180_000);
  });

  it('names the dead-letter queue after the delivery queue', () => {
    expect(deadLetterQueueName('agency-webhooks')).toBe('agency-webhooks-dead-letter');
  });

  describe('where a delivery may go', () => {
    /** A resolver answering `answers[n]` at its n-th call (the last one after that), counting calls. */
    function dnsAnswering(...answers: string[][]): WebhookLookup & { calls: number } {
      const lookup = Object.assign(
        async () => {
          const addresses = answers[Math.min(lookup.calls, answers.length - 1)] ?? [];
          lookup.calls++;
          return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
        },
        { calls: 0 },
      );
      return lookup;
    }

    it('connects to the address it checked, under the registered name, resolving it once', async () => {
      const target = await receiver(() => 200);
      const port = new URL(target.url).port;
      // The first answer is the receiver; any later one a closed address. A client that resolved the name
      // again to connect (after the check) would be refused there, or fail to resolve it at all.
      const lookup = dnsAnswering(['127.0.0.1'], ['127.0.0.2']);
      const delivered: number[] = [];
      const d = dispatcher({
        receiver: target,
        attempts: 1,
        lookup,
        resolveEndpoint: async () => ({ url: `http://receiver.docscreen.test:${port}/hook`, secret: SECRET }),
        onDelivered: async ({ status }) => void delivered.push(status),
      });
      d.startWorker();

      await d.enqueue([delivery()]);
      await countsReach(d, 'completed', 1);

      expect(delivered).toEqual([200]);
      expect(lookup.calls).toBe(1);
      expect(target.requests.map((r) => r.headers.host)).toEqual([`receiver.docscreen.test:${port}`]);
    }, 120_000);

    it.each([
      [
        'resolves to the loopback at delivery (DNS rebinding)',
        [['127.0.0.1']],
        '127.0.0.1, a loopback address',
      ],
      [
        'answers a public and a private address',
        [['93.184.215.14', '10.0.0.7']],
        '10.0.0.7, a private-network address',
      ],
      [
        'answers the metadata service as IPv4-mapped IPv6',
        [['::ffff:169.254.169.254']],
        'IPv4-mapped IPv6 address (of 169.254.169.254',
      ],
    ])(
      'dead-letters at once, without a request, a name that %s',
      async (_case, answers, reason) => {
        const target = await receiver(() => 200);
        const port = new URL(target.url).port;
        const lookup = dnsAnswering(...answers);
        const deadLettered: Array<{ attempts: number; error: string }> = [];
        const d = dispatcher({
          receiver: target,
          attempts: 3,
          allowPrivateTargets: false,
          lookup,
          // Registered while the name pointed elsewhere: as written, the URL passes the policy.
          resolveEndpoint: async () => ({ url: `https://hooks.docscreen.test:${port}/hook`, secret: SECRET }),
          onDeadLettered: async ({ attempts, error }) => void deadLettered.push({ attempts, error }),
        });
        d.startWorker();

        await d.enqueue([delivery()]);
        await countsReach(d, 'dead-lettered', 1);

        expect(deadLettered).toEqual([{ attempts: 1, error: expect.stringContaining(reason) }]);
        expect(deadLettered[0]?.error).toMatch(/^refused target: the host resolves to /);
        expect(lookup.calls).toBe(1);
        expect(target.requests).toEqual([]);
      },
      120_000,
    );

    it('dead-letters at once a URL stored before the policy: plain http to 127.0.0.1', async () => {
      const target = await receiver(() => 200);
      const deadLettered: string[] = [];
      const d = dispatcher({
        receiver: target,
        attempts: 3,
        allowPrivateTargets: false,
        onDeadLettered: async ({ error }) => void deadLettered.push(error),
      });
      d.startWorker();

      await d.enqueue([delivery()]);
      await countsReach(d, 'dead-lettered', 1);

      expect(deadLettered).toEqual(['refused target: the URL must be https (got http:)']);
      expect(target.requests).toEqual([]);
    }, 120_000);
  });
});
