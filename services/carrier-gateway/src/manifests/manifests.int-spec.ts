import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TOPICS } from '@docscreen/contracts';
import { openTopicReader } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// The gateway as its own process on the real broker, database and Redis: what a carrier sees when it
// resubmits, reuses a key or rotates its key, and what the archive keeps (the rate limit:
// rate-limit/carrier-rate-limit.int-spec.ts).

describe('carrier-gateway manifests', () => {
  let gw: GatewayUnderTest;
  let carrier: string;
  let apiKey: string;

  beforeAll(async () => {
    gw = await startGateway();
    carrier = 'QI';
    apiKey = await gw.registerCarrier(carrier);
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  function submit(manifest: unknown, headers: Record<string, string> = {}, key = apiKey) {
    return fetch(`${gw.service.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(manifest),
    });
  }

  function manifest(flightNumber: string, travellers = 2) {
    return {
      legs: [
        {
          carrierCode: carrier,
          flightNumber,
          departureAirport: 'LHR',
          arrivalAirport: 'ATH',
          scheduledDepartureLocal: '2026-12-02T07:40',
        },
      ],
      travellers: Array.from({ length: travellers }, (_, i) => ({
        travellerRef: `P${i + 1}`,
        surname: 'TRAVELLER',
        birthDate: '1990-01-01',
        sex: 'X',
        nationality: 'UTO',
        documents: [{ type: 'P', number: `X${i}0000001`, issuingState: 'UTO' }],
      })),
    };
  }

  it('answers a resubmission with the original receipt and publishes nothing twice', async () => {
    const body = manifest('4411');
    const key = randomUUID();
    const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
    const first = await submit(body, { 'idempotency-key': key });
    const second = await submit(body, { 'idempotency-key': key });
    const [a, b] = [await first.json(), await second.json()] as {
      submissionId: string;
      accepted: { eventId: string }[];
    }[];
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(b).toEqual(a);

    const eventIds = new Set(a!.accepted.map((t) => t.eventId));
    const events = await reader.read((seen) =>
      [...eventIds].every((id) => seen.some((e) => e.message.envelope?.eventId === id)),
    );
    const ours = events.filter((e) => eventIds.has(e.message.envelope?.eventId ?? ''));
    expect(ours).toHaveLength(2);
    expect(ours.every((e) => e.key === `${carrier}4411/2026-12-02`)).toBe(true);
  });

  it('accepts the valid travellers of a JSON manifest and rejects the invalid one with its problems', async () => {
    const body = manifest('4416', 2);
    body.travellers[1]!.birthDate = '1990-02-30';
    const response = await submit(body);
    const receipt = (await response.json()) as {
      accepted: { travellerRef: string }[];
      rejected: { travellerRef: string; reason: string }[];
    };
    expect(response.status).toBe(202);
    expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['P1']);
    expect(receipt.rejected).toEqual([
      { travellerRef: 'P2', reason: expect.stringContaining('travellers.1.birthDate') },
    ]);
  });

  it('refuses an idempotency key reused for a different message (422)', async () => {
    const key = randomUUID();
    expect((await submit(manifest('4412'), { 'idempotency-key': key })).status).toBe(202);
    const reused = await submit(manifest('4413'), { 'idempotency-key': key });
    expect(reused.status).toBe(422);
  });

  it('archives the raw message with its digest, receipt and scheduled departure', async () => {
    const response = await submit(manifest('4414', 1));
    const receipt = (await response.json()) as { submissionId: string };
    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT status, format, raw_message, raw_sha256, scheduled_departure_local, accepted_count, receipt, archive_expires_at > now() + interval '80 days' AS kept
         FROM manifest_submission WHERE id = $1`,
      [receipt.submissionId],
    );
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'accepted',
      format: 'json',
      scheduled_departure_local: '2026-12-02T07:40',
      accepted_count: 1,
      kept: true,
    });
    expect(JSON.parse((rows[0].raw_message as Buffer).toString('utf8'))).toEqual(manifest('4414', 1));
    expect(rows[0].receipt.submissionId).toBe(receipt.submissionId);
  });

  it('rotates a key: the old one stops working at once', async () => {
    const rotated = await gw.admin<{ apiKey: string }>('POST', `/v1/admin/carriers/${carrier}/keys`);
    expect(rotated.status).toBe(201);
    expect((await submit(manifest('4415', 1), {}, apiKey)).status).toBe(401);
    apiKey = rotated.body.apiKey;
    expect((await submit(manifest('4415', 1))).status).toBe(202);
    const listed = await gw.admin<{ iataCode: string; activeKeys: unknown[] }[]>('GET', '/v1/admin/carriers');
    expect(listed.body.find((c) => c.iataCode === carrier)?.activeKeys).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);
  });

  it('refuses the operators’ API without the operator token', async () => {
    const response = await fetch(`${gw.service.baseUrl}/v1/admin/carriers`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(401);
  });
});
