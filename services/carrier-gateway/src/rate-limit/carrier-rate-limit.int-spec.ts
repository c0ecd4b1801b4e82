import { tcpGate, testInfrastructure, waitFor, type TcpGate } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The per-carrier rate limit on the real gateway process and the real Redis, reached through a gate
// the test can close: request number RATE_LIMIT passes and the next is refused (429, Retry-After), for
// that carrier alone; with Redis unreachable every submission is refused with 503 and Retry-After —
// never let through uncounted — and the same process counts again once Redis is back.

/** Not a round number, so a test that passed for any limit would not pass here. */
const RATE_LIMIT = 7;
const RETRY_AFTER_SECONDS = 11;

describe('carrier rate limit', () => {
  let gate: TcpGate;
  let gw: GatewayUnderTest;
  let flight = 700;

  beforeAll(async () => {
    const redis = new URL((await testInfrastructure()).redisUrl);
    gate = await tcpGate({ host: redis.hostname, port: Number(redis.port || 6379) });
    await gate.open();
    gw = await startGateway({
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      BROKER_RETRY_AFTER_SECONDS: String(RETRY_AFTER_SECONDS),
      REDIS_URL: `redis://${gate.address}`,
    });
  }, 180_000);

  afterAll(async () => {
    await gate?.open();
    expect(await gw?.stop()).toBe(0);
    await gate?.close();
  });

  function manifest(carrier: string) {
    return {
      legs: [
        {
          carrierCode: carrier,
          flightNumber: String(flight++),
          departureAirport: 'LHR',
          arrivalAirport: 'ATH',
          scheduledDepartureLocal: '2026-12-02T07:40',
        },
      ],
      travellers: [
        {
          travellerRef: 'P1',
          surname: 'TRAVELLER',
          birthDate: '1990-01-01',
          sex: 'X',
          nationality: 'UTO',
          documents: [{ type: 'P', number: 'X10000001', issuingState: 'UTO' }],
        },
      ],
    };
  }

  /** A manifest (`/v1/manifests`) or a check-in query (`/v1/interactive`): one budget for both. */
  const post = (path: '/v1/manifests' | '/v1/interactive', apiKey: string, carrier: string) =>
    fetch(`${gw.service.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(manifest(carrier)),
    });

  it(`lets request ${RATE_LIMIT} of a carrier through and refuses request ${RATE_LIMIT + 1} with 429 and Retry-After; another carrier is not affected`, async () => {
    const [limited, other] = [await gw.registerCarrier('RL'), await gw.registerCarrier('RM')];
    // A new carrier's window starts with its first request and lasts a minute: these all fall in it.
    const statuses: number[] = [];
    for (let i = 1; i < RATE_LIMIT; i++) statuses.push((await post('/v1/manifests', limited, 'RL')).status);
    statuses.push((await post('/v1/interactive', limited, 'RL')).status);
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT - 1).fill(202), 200]);

    const refused = await post('/v1/manifests', limited, 'RL');
    const body = (await refused.json()) as { message: string; retryAfterSeconds: number };
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.retryAfterSeconds).toBe(retryAfter);
    expect(body.message).toContain(`rate limit of ${RATE_LIMIT} requests per minute`);
    expect(body.message).toContain('RL');
    // The interactive API shares the budget.
    expect((await post('/v1/interactive', limited, 'RL')).status).toBe(429);

    // The other carrier's budget is its own: all of it is still there.
    const others: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) others.push((await post('/v1/manifests', other, 'RM')).status);
    expect(others).toEqual(Array<number>(RATE_LIMIT).fill(202));
    expect((await post('/v1/manifests', other, 'RM')).status).toBe(429);
  });

  it('refuses submissions with 503 and Retry-After while Redis is unreachable, and counts again once it is back, without a restart', async () => {
    const apiKey = await gw.registerCarrier('RN');
    expect((await post('/v1/manifests', apiKey, 'RN')).status).toBe(202);
    const pid = gw.service.pid;

    await gate.close();
    try {
      for (const path of ['/v1/manifests', '/v1/interactive'] as const) {
        const refused = await post(path, apiKey, 'RN');
        const body = (await refused.json()) as { message: string; retryAfterSeconds: number };
        expect([path, refused.status]).toEqual([path, 503]);
        expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
        expect(body).toEqual(
          expect.objectContaining({
            message: expect.stringContaining('rate limit cannot be checked'),
            retryAfterSeconds: RETRY_AFTER_SECONDS,
          }),
        );
      }
      expect((await fetch(`${gw.service.baseUrl}/health/ready`)).status).toBe(503);
    } finally {
      await gate.open();
    }

    // The client reconnects by itself; the first submission it counts is accepted.
    await waitFor(
      'a submission accepted once Redis is reachable again',
      async () => ((await post('/v1/manifests', apiKey, 'RN')).status === 202 ? true : undefined),
      30_000,
      250,
    );
    expect(gw.service.pid).toBe(pid);
    expect(gw.service.alive()).toBe(true);
    // Counting again, not unlimited: a carrier's request after its limit is refused.
    const next = await gw.registerCarrier('RO');
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await post('/v1/manifests', next, 'RO')).status);
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(202), 429]);
  });
});
