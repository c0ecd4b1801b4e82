import { agencyAlertTopic, Severity, TOPICS } from '@docscreen/contracts';
import { HEADERS } from '@docscreen/kafka';
import { readAlertTopic } from '../__fixtures__/alert-topic-reader.js';
import { alertRaised, randomLetters, randomStateCode } from '../__fixtures__/alert-events.js';
import { DispatchUnderTest, type RegisteredAgency } from '../../test/dispatch-under-test.js';

// Routing end to end on the real broker and database: alerts published to screening.alert-raised.v1
// reach the responsible agencies' topics and lists (destination and transit states), an alert nobody is
// responsible for reaches the national desk, and a redelivered alert changes nothing.
//
// The broker is shared: other suites' alerts reach this service's group too. They match none of this
// run's states, so they are dead-lettered (cheap) — except while the desk exists, which takes them all;
// the desk is therefore registered only for the test that needs it.

interface AgencyAlertJson {
  alertId: string;
  agency: string;
  status: string;
  routedVia: string[];
  delivery: { kafka: string | null; webhook: unknown };
}

describe('alert routing', () => {
  const dispatch = new DispatchUnderTest();
  const run = randomLetters(6);
  // State codes of this run only: other suites' alerts (screening's tests) never route to these agencies.
  const destination = randomStateCode();
  const transit = randomStateCode();
  let destinationAgency: RegisteredAgency;
  let transitAgency: RegisteredAgency;

  const list = async (agency: RegisteredAgency): Promise<AgencyAlertJson[]> => {
    const response = await dispatch.call('GET', '/v1/alerts?limit=200', undefined, agency.token);
    expect(response.status).toBe(200);
    return ((await response.json()) as { alerts: AgencyAlertJson[] }).alerts;
  };

  beforeAll(async () => {
    await dispatch.setUp('dispatch_routing');
    destinationAgency = await dispatch.register({
      code: `dest-${run}`,
      name: 'Destination border police',
      states: [destination],
      kafka: true,
    });
    transitAgency = await dispatch.register({
      code: `transit-${run}`,
      name: 'Transit border police',
      states: [transit],
      kafka: true,
    });
  }, 180_000);

  afterAll(async () => {
    expect(await dispatch.tearDown()).toBe(0);
  }, 180_000);

  it('delivers an alert to the destination state’s agency: its topic and its list', async () => {
    const alert = alertRaised({ destinationState: destination });
    await dispatch.publish([alert]);

    const records = await readAlertTopic(dispatch.brokers, agencyAlertTopic(destinationAgency.code), (seen) =>
      seen.some((r) => r.message.alertId === alert.alertId),
    );
    const record = records.find((r) => r.message.alertId === alert.alertId)!;
    expect(record.key).toBe(alert.flightKey);
    expect(record.headers[HEADERS.EVENT_TYPE]).toBe('docscreen.screening.v1.AlertRaised');
    expect(record.headers[HEADERS.EVENT_ID]).toBe(alert.envelope!.eventId);
    expect(record.message.traveller?.maskedDocumentNumber).toBe('******2C3');

    const listed = (await list(destinationAgency)).find((a) => a.alertId === alert.alertId);
    expect(listed).toMatchObject({
      agency: destinationAgency.code,
      status: 'new',
      routedVia: ['destination-state'],
      delivery: { webhook: null },
    });
    expect(listed?.delivery.kafka).toEqual(expect.any(String));
    // The transit agency is not responsible for an alert that transits nowhere.
    expect((await list(transitAgency)).map((a) => a.alertId)).not.toContain(alert.alertId);
  }, 120_000);

  it('delivers to the agency of a transit state as well', async () => {
    const alert = alertRaised({ destinationState: destination, transitStates: [transit] });
    await dispatch.publish([alert]);

    for (const agency of [destinationAgency, transitAgency]) {
      const records = await readAlertTopic(dispatch.brokers, agencyAlertTopic(agency.code), (seen) =>
        seen.some((r) => r.message.alertId === alert.alertId),
      );
      expect(records.filter((r) => r.message.alertId === alert.alertId)).toHaveLength(1);
    }
    await dispatch.caughtUp();
    expect((await list(transitAgency)).find((a) => a.alertId === alert.alertId)?.routedVia).toEqual([
      'transit-state',
    ]);
  }, 120_000);

  it('delivers an alert nobody is responsible for to the national desk, and only such alerts', async () => {
    const desk = await dispatch.register({
      code: `desk-${run}`,
      name: 'National desk',
      fallback: true,
      kafka: true,
    });
    try {
      const unmatched = alertRaised(
        { destinationState: randomStateCode(), arrivalAirport: 'QQQ' },
        { severity: Severity.LOW },
      );
      const matched = alertRaised({ destinationState: destination });
      await dispatch.publish([unmatched, matched]);

      const records = await readAlertTopic(dispatch.brokers, agencyAlertTopic(desk.code), (seen) =>
        seen.some((r) => r.message.alertId === unmatched.alertId),
      );
      expect(records.filter((r) => r.message.alertId === unmatched.alertId)).toHaveLength(1);
      await dispatch.caughtUp();
      const deskAlerts = await list(desk);
      expect(deskAlerts.find((a) => a.alertId === unmatched.alertId)?.routedVia).toEqual(['fallback']);
      // The destination's agency is responsible for the other one: the desk does not get it.
      expect(deskAlerts.map((a) => a.alertId)).not.toContain(matched.alertId);
      expect((await list(destinationAgency)).map((a) => a.alertId)).toContain(matched.alertId);
    } finally {
      const off = await dispatch.call(
        'PATCH',
        `/v1/admin/agencies/${desk.code}`,
        { active: false },
        dispatch.adminToken,
      );
      expect(off.status).toBe(200);
    }
  }, 120_000);

  it('stores and publishes a redelivered alert once: one row and one Kafka record per agency', async () => {
    const alert = alertRaised({ destinationState: destination, transitStates: [transit] });
    await dispatch.publish([alert]);
    await dispatch.caughtUp();
    // The same alert_id again, as after a screening crash (ADR 0008): same id, same bytes.
    await dispatch.publish([alert]);
    await dispatch.caughtUp();

    expect(
      await dispatch.count('SELECT count(*)::int AS n FROM alert WHERE alert_id = $1', [alert.alertId]),
    ).toBe(1);
    expect(
      await dispatch.count('SELECT count(*)::int AS n FROM agency_alert WHERE alert_id = $1', [
        alert.alertId,
      ]),
    ).toBe(2);
    expect(
      await dispatch.count(
        `SELECT count(*)::int AS n FROM alert_audit WHERE alert_id = $1 AND action = 'raised'`,
        [alert.alertId],
      ),
    ).toBe(2);
    for (const agency of [destinationAgency, transitAgency]) {
      // Everything on the topic up to now is read, so a second copy would be seen.
      const records = await readAlertTopic(dispatch.brokers, agencyAlertTopic(agency.code), (seen) =>
        seen.some((r) => r.message.alertId === alert.alertId),
      );
      expect(records.filter((r) => r.message.alertId === alert.alertId)).toHaveLength(1);
    }
  }, 120_000);

  it('dead-letters an alert with reason no-agency when no agency and no fallback exist, instead of dropping it', async () => {
    // The desk is inactive again: nobody may receive this alert.
    const alert = alertRaised({ destinationState: randomStateCode() });
    await dispatch.publish([alert]);
    const dead = await readAlertTopic(
      dispatch.brokers,
      `${TOPICS.ALERT_RAISED}.dlq.${dispatch.groupId}`,
      (records) => records.some((r) => r.message.alertId === alert.alertId),
      110_000,
    );
    const record = dead.find((r) => r.message.alertId === alert.alertId)!;
    expect(record.headers[HEADERS.DLQ_REASON]).toBe('no-agency');
    expect(
      await dispatch.count('SELECT count(*)::int AS n FROM alert WHERE alert_id = $1', [alert.alertId]),
    ).toBe(0);
  }, 120_000);
});
