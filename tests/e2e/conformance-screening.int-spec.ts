import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecommendedAction, TOPICS } from '@docscreen/contracts';
import { parsePaxlst } from '@docscreen/edifact';
import {
  conformanceDir,
  createTestDatabase,
  freshGroupAtEnd,
  freePort,
  loadVisaMatrix,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// Real, published PAXLST messages (US-CBP GTAS test resources, read from the conformance corpus) go
// through the whole stack as real processes: submitted to the carrier gateway, screened by screening
// against an index built from the registry's compacted topic, where the test listed one passport of
// each message through the registry's API. Every traveller is screened; each listed passport raises
// exactly one do-not-board alert, read back from Kafka.

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const FILES = ['gtas-loader__apis-messages__Test1.txt', 'gtas-loader__apis-messages__airline2.edi'];

interface Listed {
  file: string;
  carrier: string;
  issuingState: string;
  number: string;
  /** Travellers of the message presenting that passport (GTAS's Test1 gives all 8 the same one). */
  holders: number;
}

describe('conformance PAXLST through the running stack', () => {
  const dbs: TestDatabase[] = [];
  const services: RunningService[] = [];
  let gateway: RunningService;
  let screening: RunningService;
  let registry: RunningService;
  let workDir: string;
  const listed: Listed[] = [];
  const texts = new Map<string, string>();

  const post = async (service: RunningService, url: string, body: unknown, token: string, headers = {}) => {
    const response = await fetch(`${service.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    const brokers = infra.kafkaBrokers;
    workDir = await mkdtemp(path.join(tmpdir(), 'conformance-e2e-'));
    const [gatewayDb, screeningDb, registryDb] = await Promise.all(
      (['carrier-gateway', 'screening', 'document-registry'] as const).map((service, i) =>
        createTestDatabase(
          infra.databaseUrl,
          path.join(ROOT, 'services', service, 'prisma/migrations'),
          `e2e_conf_${i}`,
        ),
      ),
    );
    dbs.push(gatewayDb!, screeningDb!, registryDb!);
    const common = {
      KAFKA_BROKERS: brokers.join(','),
      REDIS_URL: infra.redisUrl,
      ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    const group = `screening-conformance-${randomUUID()}`;
    await positionGroupAtEnd(brokers, group, TOPICS.PASSENGER_REPORTED);
    [gateway, screening, registry] = await Promise.all([
      startServiceProcess({
        name: 'carrier-gateway',
        serviceDir: path.join(ROOT, 'services/carrier-gateway'),
        port: await freePort(),
        env: {
          ...common,
          DATABASE_URL: gatewayDb!.url,
          ...(await freshGroupAtEnd(brokers, 'carrier-gateway', TOPICS.BOARDING_DIRECTIVE)),
        },
      }),
      startServiceProcess({
        name: 'screening',
        serviceDir: path.join(ROOT, 'services/screening'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: screeningDb!.url, KAFKA_GROUP_ID: group },
      }),
      startServiceProcess({
        name: 'document-registry',
        serviceDir: path.join(ROOT, 'services/document-registry'),
        port: await freePort(),
        env: { ...common, DATABASE_URL: registryDb!.url, IMPORT_DIR: workDir, OUTBOX_POLL_MS: '20' },
      }),
    ]);
    services.push(gateway!, screening!, registry!);
    await loadVisaMatrix(screening!.baseUrl, ADMIN_TOKEN);

    // List the first passport of each message, as its issuing state's authority would.
    for (const file of FILES) {
      const text = await readFile(path.join(conformanceDir(), 'paxlst/gtas', file), 'utf8');
      texts.set(file, text);
      const message = parsePaxlst(text).messages[0]!;
      const passport = message.travellers
        .flatMap((t) => t.documents)
        .find((d) => d.type === 'P' && d.issuingState)!;
      listed.push({
        file,
        carrier: message.flights[0]!.carrierCode,
        issuingState: passport.issuingState!,
        number: passport.number,
        holders: message.travellers.filter((t) => t.documents.some((d) => d.number === passport.number))
          .length,
      });
    }
    for (const state of new Set(listed.map((l) => l.issuingState))) {
      const code = `conformance-${state.toLowerCase()}`;
      const created = await post(
        registry,
        '/v1/admin/authorities',
        { code, name: code, issuingState: state },
        ADMIN_TOKEN,
      );
      expect([201, 409]).toContain(created.status);
    }
    for (const entry of listed) {
      const reported = await post(
        registry,
        '/v1/records',
        {
          issuingState: entry.issuingState,
          documentType: 'P',
          documentNumber: entry.number,
          status: 'stolen',
          reportedOn: '2016-01-01',
        },
        ADMIN_TOKEN,
        { 'x-docscreen-authority': `conformance-${entry.issuingState.toLowerCase()}` },
      );
      expect(reported.status).toBe(200);
      await waitFor('the listed passport in screening’s index', async () => {
        const { body } = await post(
          screening,
          '/v1/admin/index/lookups',
          { issuingState: entry.issuingState, documentNumber: entry.number },
          ADMIN_TOKEN,
        );
        return body['listed'] ? true : undefined;
      });
    }
  }, 180_000);

  afterAll(async () => {
    // Leave the shared broker's registry topic as it was: withdraw what the test listed.
    for (const entry of listed)
      await post(
        registry,
        '/v1/records/withdraw',
        {
          issuingState: entry.issuingState,
          documentType: 'P',
          documentNumber: entry.number,
          reason: 'reported-in-error',
        },
        ADMIN_TOKEN,
        { 'x-docscreen-authority': `conformance-${entry.issuingState.toLowerCase()}` },
      ).catch(() => undefined);
    const codes = await Promise.all(services.map((s) => s.stop()));
    await Promise.all(dbs.map((db) => db.drop()));
    await rm(workDir, { recursive: true, force: true });
    expect(codes).toEqual(services.map(() => 0));
  }, 180_000);

  it.each(FILES)(
    '%s: every traveller screened, the listed passport alerted once',
    async (file) => {
      const entry = listed.find((l) => l.file === file)!;
      const registered = await post(
        gateway,
        '/v1/admin/carriers',
        { iataCode: entry.carrier, name: 'GTAS', contactEmail: 'ops@example.org' },
        ADMIN_TOKEN,
      );
      const apiKey = registered.body['apiKey'] as string;
      const { kafkaBrokers } = await testInfrastructure();
      const completed = await openTopicReader(kafkaBrokers, TOPICS.SCREENING_COMPLETED);
      const alerts = await openTopicReader(kafkaBrokers, TOPICS.ALERT_RAISED);
      const response = await fetch(`${gateway.baseUrl}/v1/manifests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/edifact' },
        body: texts.get(file)!,
      });
      const receipt = (await response.json()) as {
        accepted: { eventId: string }[];
        flightKey: string;
        submissionId: string;
      };
      expect(response.status).toBe(202);
      const eventIds = new Set(receipt.accepted.map((a) => a.eventId));
      const screened = (
        await completed.read(
          (seen) => [...eventIds].every((id) => seen.some((e) => e.message.passengerEventId === id)),
          60_000,
        )
      ).filter((e) => eventIds.has(e.message.passengerEventId));
      expect(new Set(screened.map((e) => e.message.passengerEventId)).size).toBe(eventIds.size);

      const masked = '*'.repeat(entry.number.length - 3) + entry.number.slice(-3);
      const raised = (
        await alerts.read(
          (seen) =>
            new Set(
              seen
                .filter(
                  (e) =>
                    e.message.flightKey === receipt.flightKey &&
                    e.message.reasons.some((r) => r.code === 'DOCUMENT_LISTED'),
                )
                .map((e) => e.message.traveller?.travellerRef),
            ).size >= entry.holders,
          60_000,
        )
      ).filter((e) => e.message.flightKey === receipt.flightKey);
      const listedAlerts = raised.filter((e) => e.message.reasons.some((r) => r.code === 'DOCUMENT_LISTED'));
      // One alert per traveller presenting the listed passport, each raised once (redeliveries share its id).
      const alertIds = new Map<string, Set<string>>();
      for (const e of listedAlerts)
        alertIds.set(
          e.message.traveller!.travellerRef,
          (alertIds.get(e.message.traveller!.travellerRef) ?? new Set()).add(e.message.alertId),
        );
      expect(alertIds.size).toBe(entry.holders);
      expect([...alertIds.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(listedAlerts[0]!.message.recommendedAction).toBe(RecommendedAction.DO_NOT_BOARD);
      expect(listedAlerts[0]!.message.traveller?.maskedDocumentNumber).toBe(masked);
      // Reasons are readable, and never carry the number itself.
      for (const e of raised)
        for (const r of e.message.reasons) expect(r.message).not.toContain(entry.number);
    },
    180_000,
  );
});
