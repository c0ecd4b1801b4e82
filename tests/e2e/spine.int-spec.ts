import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { ScreeningOutcome, TOPICS } from '@docscreen/contracts';
import {
  createTestDatabase,
  freshGroupAtEnd,
  freePort,
  openTopicReader,
  positionGroupAtEnd,
  startOtlpReceiver,
  loadVisaMatrix,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type InventedPassport,
  type OtlpReceiver,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// The spine end to end, as real processes on the real broker, database and Redis: a carrier's JSON
// manifest → PassengerReported → screening → ScreeningCompleted, with one trace across both services.

const ROOT = path.resolve(import.meta.dirname, '../..');
// An invented Dutch passport (not the ICAO specimen: a UTO document presented for travel is a hit).
const PASSPORT: InventedPassport = {
  state: 'NLD',
  number: 'NW4X2K7P1',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2032-04-15',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
};
const SPECIMEN = td3Mrz(PASSPORT);
const TAMPERED = [SPECIMEN[0], SPECIMEN[1].replace('7408122F', '7408132F')];
const CARRIER = 'XQ';
const ADMIN_TOKEN = randomBytes(24).toString('base64url');

describe('spine: carrier → gateway → Kafka → screening', () => {
  let gatewayDb: TestDatabase;
  let screeningDb: TestDatabase;
  let otlp: OtlpReceiver;
  let gateway: RunningService;
  let screening: RunningService;
  let brokers: string[];
  let apiKey: string;

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    [gatewayDb, screeningDb] = await Promise.all([
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/carrier-gateway/prisma/migrations'),
        'e2e_gateway',
      ),
      createTestDatabase(
        infra.databaseUrl,
        path.join(ROOT, 'services/screening/prisma/migrations'),
        'e2e_screening',
      ),
    ]);
    otlp = await startOtlpReceiver();
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: infra.redisUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      LOG_LEVEL: 'info',
    };
    // A new group starts at the earliest offset (no traveller missed); this one skips earlier runs' events.
    const screeningGroup = `screening-e2e-${randomUUID()}`;
    await positionGroupAtEnd(brokers, screeningGroup, TOPICS.PASSENGER_REPORTED);
    [gateway, screening] = await Promise.all([
      startServiceProcess({
        name: 'carrier-gateway',
        serviceDir: path.join(ROOT, 'services/carrier-gateway'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: gatewayDb.url,
          ADMIN_TOKEN,
          ...(await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
        },
      }),
      startServiceProcess({
        name: 'screening',
        serviceDir: path.join(ROOT, 'services/screening'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: screeningDb.url, KAFKA_GROUP_ID: screeningGroup, ADMIN_TOKEN },
      }),
    ]);
    apiKey = await registerCarrier(gateway.baseUrl, CARRIER);
    // With no visa matrix the visa check says "no reference data" and nobody is clear.
    await loadVisaMatrix(screening.baseUrl, ADMIN_TOKEN);
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all([gateway?.stop(), screening?.stop()]);
    await otlp?.close();
    await Promise.all([gatewayDb?.drop(), screeningDb?.drop()]);
    // A clean SIGTERM shutdown (drain, commit, flush spans) exits 0.
    expect(codes).toEqual([0, 0]);
  });

  it('screens each reported traveller once, in one trace from the HTTP request to screening', async () => {
    const correlationId = randomUUID();
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    const response = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify(manifest([SPECIMEN, TAMPERED])),
    });
    const receipt = (await response.json()) as {
      accepted: { travellerRef: string; eventId: string }[];
      flightKey: string;
    };
    expect(response.status).toBe(202);
    expect(receipt.flightKey).toBe(`${CARRIER}123/2026-12-01`);
    expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['T1', 'T2']);

    const eventIds = new Set(receipt.accepted.map((t) => t.eventId));
    const completed = await reader.read((events) =>
      [...eventIds].every((id) => events.some((e) => e.message.passengerEventId === id)),
    );
    const ours = completed.filter((e) => eventIds.has(e.message.passengerEventId));
    const byRef = new Map(ours.map((e) => [e.message.travellerRef, e.message]));
    expect(ours).toHaveLength(2);
    expect(byRef.get('T1')?.outcome).toBe(ScreeningOutcome.CLEAR);
    expect(byRef.get('T2')?.outcome).toBe(ScreeningOutcome.HIT);
    expect(byRef.get('T2')?.hits.flatMap((h) => h.reasons.map((r) => r.field))).toContain(
      'documents[0].mrz.birthDate',
    );
    expect(byRef.get('T1')?.envelope?.correlationId).toBe(correlationId);
    expect(ours.every((e) => e.key === receipt.flightKey)).toBe(true);

    // One trace: the gateway's server span for the request and screening's processing span share it.
    const requestSpan = await waitFor('the gateway request span', () =>
      otlp.spans.find(
        (s) =>
          s.service === 'carrier-gateway' &&
          s.kind === 2 &&
          /manifests/.test(String(s.attributes['http.route'] ?? s.attributes['url.path'] ?? s.name)),
      ),
    );
    const screeningSpans = await waitFor('screening spans in the same trace', () => {
      const found = otlp.spans.filter((s) => s.service === 'screening' && s.traceId === requestSpan.traceId);
      return found.some((s) => s.name.includes(TOPICS.PASSENGER_REPORTED)) ? found : undefined;
    });
    expect(screeningSpans.length).toBeGreaterThan(0);
    expect(otlp.spans.filter((s) => s.traceId === requestSpan.traceId).map((s) => s.service)).toEqual(
      expect.arrayContaining(['carrier-gateway', 'screening']),
    );

    // Personal data never leaves in clear: not in exported spans, not in either service's logs.
    const exported = otlp.rawBodies.join('\n');
    const logs = gateway.output.join('') + screening.output.join('');
    for (const secret of ['ERIKSSON', PASSPORT.number, '1974-08-12']) {
      expect(exported).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  it('rejects a request without an API key (401) and a flight of another carrier (403)', async () => {
    const anonymous = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(manifest([SPECIMEN])),
    });
    expect(anonymous.status).toBe(401);
    const foreign = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(manifest([SPECIMEN], 'LH')),
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { message: string }).message).toContain('LH');
  });

  it('refuses a body in another media type (415) and one over the size limit (413)', async () => {
    const xml = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/xml' },
      body: '<manifest/>',
    });
    expect(xml.status).toBe(415);
    expect(((await xml.json()) as { message: string }).message).toContain('application/xml');

    const huge = manifest([SPECIMEN]);
    huge.messageRef = 'x'.repeat(6 * 1024 * 1024);
    const oversize = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(huge),
    });
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as { statusCode: number }).statusCode).toBe(413);
  });

  it('answers an invalid manifest with 400 and the path of every problem', async () => {
    const bad = manifest([SPECIMEN]);
    bad.travellers[0]!.birthDate = '1974-13-40';
    bad.travellers[0]!.documents[0]!.number = '';
    const response = await fetch(`${gateway.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    const body = (await response.json()) as { problems: { path: string; message: string }[] };
    expect(response.status).toBe(400);
    expect(body.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['travellers.0.birthDate', 'travellers.0.documents.0.number']),
    );
  });
});

function manifest(mrzs: string[][], carrier = CARRIER) {
  return {
    messageRef: `e2e-${randomUUID().slice(0, 8)}`,
    legs: [
      {
        carrierCode: carrier,
        flightNumber: '123',
        departureAirport: 'FRA',
        arrivalAirport: 'JFK',
        scheduledDepartureLocal: '2026-12-01T10:15',
      },
    ],
    travellers: mrzs.map((mrz, index) => ({
      travellerRef: `T${index + 1}`,
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1974-08-12',
      sex: 'F',
      nationality: 'NLD',
      documents: [{ type: 'P', number: PASSPORT.number, issuingState: 'NLD', expiryDate: '2032-04-15', mrz }],
    })),
  };
}

/** Registers a carrier through the operators' API, as `docscreen carriers add` does. */
async function registerCarrier(gatewayUrl: string, iataCode: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/v1/admin/carriers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ iataCode, name: 'E2E Air', contactEmail: 'ops@example.org' }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { apiKey: string }).apiKey;
}
