import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { alertView } from '@docscreen/contracts';
import { testInfrastructure, waitFor } from '@docscreen/testing';
import { verifyWebhook, WEBHOOK_HEADERS } from '@docscreen/webhooks';
import { alertRaised, randomLetters, randomStateCode } from '../__fixtures__/alert-events.js';
import { DispatchUnderTest, type RegisteredAgency } from '../../test/dispatch-under-test.js';
import { startWebhookReceiver, type WebhookReceiver } from '../__fixtures__/webhook-receiver.js';

// Signed webhooks to agencies' real HTTP endpoints (node:http servers here), through BullMQ on the real
// Redis: retried until answered 2xx, dead-lettered after the last attempt, and not delivered twice in
// effect when the service is SIGKILLed in the middle of delivering.

interface Delivery {
  deliveredAt: string | null;
  attempts: number;
  deadLetteredAt: string | null;
  lastError: string | null;
}
interface AgencyAlertJson {
  alertId: string;
  delivery: { kafka: string | null; webhook: Delivery | null };
}

const run = randomLetters(6);
// A queue of this run's own on the shared Redis: no other process's worker takes these deliveries.
const QUEUE = `agency-webhooks-test-${run}`;

describe('agency webhooks', () => {
  const dispatch = new DispatchUnderTest({
    WEBHOOK_QUEUE: QUEUE,
    WEBHOOK_ATTEMPTS: '3',
    WEBHOOK_BACKOFF_BASE_MS: '200',
    WEBHOOK_BACKOFF_MAX_MS: '1000',
    WEBHOOK_TIMEOUT_MS: '5000',
    WEBHOOK_CONCURRENCY: '8',
    // The receivers listen on 127.0.0.1 (local development's switch); secrets are sealed at rest.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    SECRETS_KEYS: `test:${randomBytes(32).toString('base64')}`,
  });
  const receivers: WebhookReceiver[] = [];
  const agencies = new Map<string, RegisteredAgency>();

  /** An agency for a state of its own, whose webhook is a fresh receiver behaving as asked. */
  async function webhookAgency(
    name: string,
    behaviour: { answer?: (attempt: number) => number; delayMs?: number } = {},
  ): Promise<{ agency: RegisteredAgency; receiver: WebhookReceiver; state: string }> {
    const code = `${name}-${run}`;
    const receiver = await startWebhookReceiver({
      secret: () => agencies.get(code)?.webhookSecret ?? '',
      ...behaviour,
    });
    receivers.push(receiver);
    const state = randomStateCode();
    const agency = await dispatch.register({ code, name, states: [state], webhookUrl: receiver.url });
    agencies.set(code, agency);
    return { agency, receiver, state };
  }

  const delivery = async (agency: RegisteredAgency, alertId: string): Promise<Delivery | null> => {
    const response = await dispatch.call('GET', `/v1/alerts/${alertId}`, undefined, agency.token);
    return response.ok ? ((await response.json()) as AgencyAlertJson).delivery.webhook : null;
  };

  beforeAll(async () => {
    await dispatch.setUp('dispatch_webhooks');
  }, 180_000);

  afterAll(async () => {
    const code = await dispatch.tearDown();
    await Promise.all(receivers.map((r) => r.close()));
    await dropQueue();
    expect(code).toBe(0);
  }, 180_000);

  it('retries a failing endpoint and delivers on the third attempt, signed, and lists the alert once', async () => {
    const { agency, receiver, state } = await webhookAgency('flaky', {
      answer: (attempt) => (attempt <= 2 ? 503 : 200),
    });
    const alert = alertRaised({ destinationState: state });
    await dispatch.publish([alert]);

    await waitFor('the third attempt to be answered 200', () =>
      receiver.received.some((r) => r.status === 200) ? true : undefined,
    );
    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 200]);
    const delivered = receiver.received[2]!;
    const deliveryId = `${alert.alertId}.${agency.code}`;
    expect(delivered.deliveryId).toBe(deliveryId);
    // What an agency does with what it receives: verify against its secret and the raw body.
    expect(
      verifyWebhook({ secret: agency.webhookSecret!, headers: delivered.headers, body: delivered.body }),
    ).toMatchObject({ ok: true, deliveryId });
    expect(delivered.headers['x-docscreen-event-type']).toBe('alert.raised');
    expect(JSON.parse(delivered.body)).toEqual(alertView(alert));
    // The same delivery id on every attempt: a receiver de-duplicates on it.
    expect(new Set(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.id])).size).toBe(1);

    await waitFor('the delivery to be recorded', async () =>
      (await delivery(agency, alert.alertId))?.deliveredAt ? true : undefined,
    );
    expect(await delivery(agency, alert.alertId)).toMatchObject({
      attempts: 3,
      deadLetteredAt: null,
      lastError: null,
    });
    const list = await dispatch.call('GET', '/v1/alerts', undefined, agency.token);
    const { alerts } = (await list.json()) as { alerts: AgencyAlertJson[] };
    expect(alerts.filter((a) => a.alertId === alert.alertId)).toHaveLength(1);
  }, 120_000);

  it('dead-letters a delivery after the last attempt, visible on the alert and to operators', async () => {
    const { agency, receiver, state } = await webhookAgency('down', { answer: () => 500 });
    const alert = alertRaised({ destinationState: state });
    await dispatch.publish([alert]);

    await waitFor('the delivery to be dead-lettered', async () =>
      (await delivery(agency, alert.alertId))?.deadLetteredAt ? true : undefined,
    );
    expect(await delivery(agency, alert.alertId)).toMatchObject({
      deliveredAt: null,
      attempts: 3,
      lastError: 'HTTP 500',
    });
    expect(receiver.received).toHaveLength(3);

    const response = await dispatch.call(
      'GET',
      '/v1/admin/webhooks/dead-letters',
      undefined,
      dispatch.adminToken,
    );
    expect(response.status).toBe(200);
    const { deadLetters } = (await response.json()) as { deadLetters: { deliveryId: string }[] };
    expect(deadLetters).toContainEqual(
      expect.objectContaining({
        deliveryId: `${alert.alertId}.${agency.code}`,
        agency: agency.code,
        alertId: alert.alertId,
        attempts: 3,
        lastError: 'HTTP 500',
      }),
    );
  }, 120_000);

  it('delivers each alert once in effect when the service is SIGKILLed mid-delivery and restarted', async () => {
    // What is guaranteed (at least once, with a stable delivery id): every delivery reaches the receiver
    // and is recorded. A delivery the receiver answered 2xx whose outcome the killed process had not yet
    // recorded in PostgreSQL is sent again by the worker that takes it over — the receiver cannot be
    // told apart from one that never got it. A delivery recorded before the kill is never sent again
    // (isDelivered). So a receiver that de-duplicates by x-docscreen-delivery acts on each alert once;
    // resends are bounded by the deliveries in flight at the crash (WEBHOOK_CONCURRENCY).
    const ALERTS = 40;
    const { agency, receiver, state } = await webhookAgency('steady', { delayMs: 250 });
    const alerts = Array.from({ length: ALERTS }, () => alertRaised({ destinationState: state }));
    await dispatch.publish(alerts);
    await dispatch.caughtUp();

    await waitFor('some deliveries to be made', () => (receiver.processed.size >= 5 ? true : undefined));
    await dispatch.service.kill();
    const atCrash = receiver.processed.size;
    expect(atCrash).toBeLessThan(ALERTS);

    dispatch.service = await dispatch.start();
    await waitFor(
      'every alert to be delivered and recorded',
      async () =>
        (await dispatch.count(
          `SELECT count(*)::int AS n FROM agency_alert aa JOIN agency a ON a.id = aa.agency_id
            WHERE a.code = $1 AND aa.webhook_delivered_at IS NOT NULL`,
          [agency.code],
        )) === ALERTS
          ? true
          : undefined,
      120_000,
      500,
    );

    const expected = alerts.map((a) => `${a.alertId}.${agency.code}`).sort();
    expect([...receiver.processed.keys()].sort()).toEqual(expected);
    const successes = new Map<string, number>();
    for (const r of receiver.received.filter((r) => r.status === 200))
      successes.set(r.deliveryId, (successes.get(r.deliveryId) ?? 0) + 1);
    const resent = [...successes.values()].filter((n) => n > 1).length;
    process.stdout.write(
      `SIGKILL after ${atCrash}/${ALERTS} deliveries: ${resent} resent after the restart\n`,
    );
    expect(resent).toBeLessThanOrEqual(8);
    expect(Math.max(...successes.values())).toBeLessThanOrEqual(2);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  }, 240_000);
});

/** This run's queue keys on the shared Redis. */
async function dropQueue(): Promise<void> {
  const redis = new Redis((await testInfrastructure()).redisUrl);
  try {
    for (const pattern of [`bull:${QUEUE}:*`, `bull:${QUEUE}-dead-letter:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
