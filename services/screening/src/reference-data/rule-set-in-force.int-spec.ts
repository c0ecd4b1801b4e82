import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import {
  newEnvelope,
  PassengerReportedSchema,
  ScreeningOutcome,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { EventPublisher, ensureTopics } from '@docscreen/kafka';
import { DEFAULT_RULE_SET } from '@docscreen/screening-rules';
import {
  createTestDatabase,
  freePort,
  openTopicReader,
  positionGroupAtEnd,
  startServiceProcess,
  td3Mrz,
  testInfrastructure,
  waitFor,
  type RunningService,
  type TestDatabase,
} from '@docscreen/testing';

// Fail closed on the rules in force: a rule set with no enabled rule for a required check makes the
// running screening service not ready (saying which check) and every traveller it screens meanwhile
// inconclusive, on the interactive API and on Kafka alike; a complete rule set makes it ready again.

const SERVICE_DIR = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = randomBytes(24).toString('base64url');
const INTERACTIVE_TOKEN = randomBytes(24).toString('base64url');
// The passport's number is random: the shared registry topic lists nothing under it.
const NUMBER = `NR${randomBytes(4).readUInt32BE(0).toString().padStart(7, '0').slice(0, 7)}`;
const MRZ = td3Mrz({
  state: 'NLD',
  number: NUMBER,
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2032-04-15',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
});

function reported(flightKey: string): PassengerReported {
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer: { name: 'rule-set-in-force-int-spec', version: '0' } }),
    carrierCode: 'XQ',
    flightKey,
    submissionId: randomUUID(),
    traveller: {
      travellerRef: 'T1',
      nationality: 'NLD',
      documents: [
        { code: 'P', number: NUMBER, issuingState: 'NLD', expiryDate: '2032-04-15', mrzLines: MRZ },
      ],
    },
  });
}

describe('screening with the rule set in force', () => {
  let db: TestDatabase;
  let service: RunningService;
  let publisher: EventPublisher;
  let brokers: string[];
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  const ready = async () => {
    const response = await fetch(`${service.baseUrl}/health/ready`);
    const body = (await response.json()) as { details: Record<string, { status: string; message?: string }> };
    return { status: response.status, referenceData: body.details['reference-data'] };
  };

  /** One traveller through the interactive API: its outcome. */
  const screenNow = async () => {
    const response = await fetch(`${service.baseUrl}/v1/screenings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INTERACTIVE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          Buffer.from(toBinary(PassengerReportedSchema, reported('XQ90/2026-12-01'))).toString('base64'),
        ],
      }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { screenings: { outcome: string }[] }).screenings[0]!.outcome;
  };

  /** One traveller through Kafka: the outcome of its ScreeningCompleted. */
  const screenThroughKafka = async () => {
    const event = reported('XQ91/2026-12-01');
    const reader = await openTopicReader(brokers, TOPICS.SCREENING_COMPLETED);
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: event.flightKey, message: event }]);
    const id = event.envelope!.eventId;
    const events = await reader.read((read) => read.some((e) => e.message.passengerEventId === id));
    return events.find((e) => e.message.passengerEventId === id)!.message.outcome;
  };

  const activate = async (version: string, rules: readonly object[]) => {
    const stored = await fetch(`${service.baseUrl}/v1/admin/rule-sets`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version, rules }),
    });
    expect(stored.status).toBe(201);
    const activated = await fetch(`${service.baseUrl}/v1/admin/rule-sets/${version}/activate`, {
      method: 'POST',
      headers: admin,
    });
    expect(await activated.json()).toEqual({ active: version });
  };

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    db = await createTestDatabase(
      infra.databaseUrl,
      path.join(SERVICE_DIR, 'prisma/migrations'),
      'screening_rules',
    );
    const kafka = new Kafka({ clientId: 'rule-set-in-force-int-spec', brokers, logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
    const groupId = `screening-rules-${randomUUID()}`;
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    service = await startServiceProcess({
      name: 'screening',
      serviceDir: SERVICE_DIR,
      port: await freePort(),
      env: {
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: db.url,
        KAFKA_GROUP_ID: groupId,
        ADMIN_TOKEN,
        INTERACTIVE_TOKEN,
        LOG_LEVEL: 'error',
      },
    });
    // A visa matrix of one line: the traveller (no itinerary) needs nothing of it, but it is in force.
    const matrix = await fetch(
      `${service.baseUrl}/v1/admin/visa-matrices?version=rules-test-${randomUUID()}`,
      {
        method: 'POST',
        headers: { ...admin, 'content-type': 'text/csv' },
        body: 'Passport,Destination,Requirement\nNLD,GBR,visa free\n',
      },
    );
    expect(matrix.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    const code = await service?.stop();
    await publisher?.disconnect();
    await db?.drop();
    expect(code).toBe(0);
  });

  it('clears a clean traveller with the default rule set', async () => {
    expect((await ready()).status).toBe(200);
    expect(await screenNow()).toBe('CLEAR');
  });

  it('is not ready and clears no one while a rule set without visa rules is in force, then recovers', async () => {
    const withoutVisaRules = DEFAULT_RULE_SET.rules.map((rule) =>
      rule.check === 'visa-scrutiny' ? { ...rule, enabled: false } : rule,
    );
    const incomplete = `no-visa-${randomUUID().slice(0, 8)}`;
    await activate(incomplete, withoutVisaRules);

    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.referenceData).toMatchObject({
      status: 'down',
      message: `rule set ${incomplete} in force has no enabled rule for visa-scrutiny: travellers are inconclusive until a complete rule set is activated`,
    });
    expect(await screenNow()).toBe('INCONCLUSIVE');
    expect(await screenThroughKafka()).toBe(ScreeningOutcome.INCONCLUSIVE);

    await activate(`complete-${randomUUID().slice(0, 8)}`, DEFAULT_RULE_SET.rules);
    await waitFor('ready again', async () => ((await ready()).status === 200 ? true : undefined));
    expect(await screenNow()).toBe('CLEAR');
    expect(await screenThroughKafka()).toBe(ScreeningOutcome.CLEAR);
  });
});
