import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TOPICS } from '@docscreen/contracts';
import { openTopicReader, waitFor } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The broker goes down under a running gateway: the carrier gets 503 with Retry-After and no receipt,
// and its retry after the broker is back is accepted once — the failed attempt left nothing behind.
// This test stops and restarts the local broker, so it needs the script that controls it.

const KAFKA_CONTROL = process.env['DOCSCREEN_KAFKA_CONTROL'];

function kafka(command: 'start' | 'stop'): void {
  if (!KAFKA_CONTROL) {
    throw new Error(
      'This test stops and restarts the broker: run it through `npm test`, or set DOCSCREEN_KAFKA_CONTROL=infra/kafka/kafka.sh',
    );
  }
  execFileSync('bash', [KAFKA_CONTROL, command], { stdio: 'ignore', timeout: 150_000 });
}

describe('carrier-gateway when the broker is down', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway({
      KAFKA_PUBLISH_TIMEOUT_MS: '3000',
      BROKER_RETRY_AFTER_SECONDS: '7',
      LOG_LEVEL: 'fatal',
    });
  }, 180_000);

  afterAll(async () => {
    kafka('start');
    await gw?.stop();
  });

  it('answers 503 with Retry-After, acknowledges nothing, and accepts the retry once', async () => {
    const apiKey = await gw.registerCarrier('QO');
    const idempotencyKey = randomUUID();
    const submit = () =>
      fetch(`${gw.service.baseUrl}/v1/manifests`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify({
          legs: [
            {
              carrierCode: 'QO',
              flightNumber: '9',
              departureAirport: 'CDG',
              arrivalAirport: 'DXB',
              scheduledDepartureLocal: '2026-12-03T22:05',
            },
          ],
          travellers: [
            {
              travellerRef: 'A',
              surname: 'TRAVELLER',
              birthDate: '1985-05-05',
              sex: 'M',
              nationality: 'UTO',
              documents: [{ type: 'P', number: 'Q12345678', issuingState: 'UTO' }],
            },
          ],
        }),
      });

    const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
    kafka('stop');
    const refused = await submit();
    const body = (await refused.json()) as { message: string };
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(body.message).toContain('nothing was accepted');
    expect(JSON.stringify(body)).not.toContain('submissionId');
    const ready = await fetch(`${gw.service.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);

    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    const failed = await client.query('SELECT id, status FROM manifest_submission');
    expect(failed.rows).toEqual([{ id: expect.any(String), status: 'failed' }]);

    kafka('start');
    const accepted = await waitFor(
      'the gateway to take the retry',
      async () => {
        const response = await submit();
        return response.status === 202
          ? ((await response.json()) as { submissionId: string; accepted: { eventId: string }[] })
          : undefined;
      },
      60_000,
      1_000,
    );
    expect(accepted.submissionId).toBe(failed.rows[0].id);
    const after = await client.query('SELECT status FROM manifest_submission');
    await client.end();
    expect(after.rows).toEqual([{ status: 'accepted' }]);

    const eventId = accepted.accepted[0]!.eventId;
    const events = await reader.read((seen) => seen.some((e) => e.message.envelope?.eventId === eventId));
    expect(events.filter((e) => e.message.envelope?.eventId === eventId)).toHaveLength(1);
  });
});
