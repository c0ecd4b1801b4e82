import { alertRaised, randomLetters, randomStateCode } from '../__fixtures__/alert-events.js';
import { DispatchUnderTest, type RegisteredAgency } from '../../test/dispatch-under-test.js';
import { waitFor } from '@docscreen/testing';

// The agencies' API on the real service: an agency sees and works only its own alerts (another
// agency's alert is a 404, exactly like one that does not exist), lists page newest first, and each
// step of the lifecycle lands in an audit trail the database itself refuses to change.

interface HistoryEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  resolution?: string;
  actor: string;
  note?: string;
  at: string;
}
interface AgencyAlertJson {
  alertId: string;
  agency: string;
  status: string;
  resolution?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  history?: HistoryEntry[];
}

describe('agency API', () => {
  const dispatch = new DispatchUnderTest();
  const run = randomLetters(6);
  const stateA = randomStateCode();
  const stateB = randomStateCode();
  let agencyA: RegisteredAgency;
  let agencyB: RegisteredAgency;
  const alertsOfA = Array.from({ length: 5 }, () => alertRaised({ destinationState: stateA }));
  const alertOfB = alertRaised({ destinationState: stateB });

  const as = (agency: RegisteredAgency) => ({
    get: (path: string) => dispatch.call('GET', path, undefined, agency.token),
    post: (path: string, body: unknown) => dispatch.call('POST', path, body, agency.token),
  });

  beforeAll(async () => {
    await dispatch.setUp('dispatch_api');
    agencyA = await dispatch.register({ code: `alpha-${run}`, name: 'Agency A', states: [stateA] });
    agencyB = await dispatch.register({ code: `bravo-${run}`, name: 'Agency B', states: [stateB] });
    // One at a time, so "newest first" has a defined order.
    for (const alert of [...alertsOfA, alertOfB]) {
      await dispatch.publish([alert]);
      await dispatch.caughtUp();
    }
    await waitFor('every alert stored', async () =>
      (await dispatch.count('SELECT count(*)::int AS n FROM agency_alert', [])) >= 6 ? true : undefined,
    );
  }, 180_000);

  afterAll(async () => {
    expect(await dispatch.tearDown()).toBe(0);
  }, 180_000);

  describe('isolation', () => {
    it('answers 404 to agency A for agency B’s alert, on GET, acknowledge and resolve, as for an unknown id', async () => {
      const a = as(agencyA);
      const unknown = crypto.randomUUID();
      for (const id of [alertOfB.alertId, unknown]) {
        const get = await a.get(`/v1/alerts/${id}`);
        const acknowledge = await a.post(`/v1/alerts/${id}/acknowledge`, { actor: 'officer-a1' });
        const resolve = await a.post(`/v1/alerts/${id}/resolve`, {
          actor: 'officer-a1',
          resolution: 'other',
        });
        expect([get.status, acknowledge.status, resolve.status]).toEqual([404, 404, 404]);
        // The same answer, word for word, whether the alert is another agency's or nobody's.
        expect(await get.json()).toEqual({ statusCode: 404, error: 'Not Found', message: `no alert ${id}` });
      }
      // B's alert is untouched, and B still sees it.
      const b = await as(agencyB).get(`/v1/alerts/${alertOfB.alertId}`);
      expect(b.status).toBe(200);
      expect(((await b.json()) as AgencyAlertJson).status).toBe('new');
    });

    it('never lists another agency’s alerts', async () => {
      const page = (await (await as(agencyA).get('/v1/alerts?limit=200')).json()) as {
        alerts: AgencyAlertJson[];
      };
      expect(page.alerts.map((a) => a.alertId).sort()).toEqual(alertsOfA.map((a) => a.alertId).sort());
      expect(page.alerts.every((a) => a.agency === agencyA.code)).toBe(true);
    });

    it('refuses a missing or unknown token with 401', async () => {
      expect((await dispatch.call('GET', '/v1/alerts', undefined, 'nope')).status).toBe(401);
      const response = await fetch(`${dispatch.service.baseUrl}/v1/alerts`);
      expect(response.status).toBe(401);
    });
  });

  it('pages newest first with a cursor, every alert once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const response = await as(agencyA).get(`/v1/alerts${query}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { alerts: AgencyAlertJson[]; nextCursor: string | null };
      expect(page.alerts.length).toBeLessThanOrEqual(2);
      seen.push(...page.alerts.map((a) => a.alertId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(alertsOfA.map((a) => a.alertId).reverse());
    expect((await as(agencyA).get('/v1/alerts?cursor=not*valid')).status).toBe(400);
  });

  describe('lifecycle', () => {
    it('acknowledges, then resolves, with who and when in the history', async () => {
      const id = alertsOfA[0]!.alertId;
      const acknowledged = await as(agencyA).post(`/v1/alerts/${id}/acknowledge`, {
        actor: 'officer-1234',
        note: 'checking with the gate',
      });
      expect(acknowledged.status).toBe(200);
      expect(((await acknowledged.json()) as AgencyAlertJson).status).toBe('acknowledged');

      const resolved = await as(agencyA).post(`/v1/alerts/${id}/resolve`, {
        actor: 'officer-5678',
        resolution: 'not-boarded',
      });
      expect(resolved.status).toBe(200);
      const alert = (await resolved.json()) as AgencyAlertJson;
      expect(alert).toMatchObject({ status: 'resolved', resolution: 'not-boarded' });
      expect(
        alert.history?.map(({ action, fromStatus, toStatus, resolution, actor, note }) => ({
          action,
          fromStatus,
          toStatus,
          resolution,
          actor,
          note,
        })),
      ).toEqual([
        {
          action: 'raised',
          fromStatus: null,
          toStatus: 'new',
          actor: 'alert-dispatch',
          note: 'routed via destination-state',
        },
        {
          action: 'acknowledged',
          fromStatus: 'new',
          toStatus: 'acknowledged',
          actor: 'officer-1234',
          note: 'checking with the gate',
        },
        {
          action: 'resolved',
          fromStatus: 'acknowledged',
          toStatus: 'resolved',
          resolution: 'not-boarded',
          actor: 'officer-5678',
        },
      ]);
      const [, ackStep, resolveStep] = alert.history!;
      expect(ackStep!.at).toBe(alert.acknowledgedAt);
      expect(resolveStep!.at).toBe(alert.resolvedAt);
      expect(Date.parse(resolveStep!.at)).toBeGreaterThanOrEqual(Date.parse(ackStep!.at));
    });

    it('answers 409 with the reason for a step the status does not allow', async () => {
      const id = alertsOfA[0]!.alertId;
      const acknowledge = await as(agencyA).post(`/v1/alerts/${id}/acknowledge`, { actor: 'officer-1' });
      expect(acknowledge.status).toBe(409);
      expect(((await acknowledge.json()) as { message: string }).message).toBe(
        `alert ${id} is resolved (not-boarded) and can no longer be acknowledged; only new alerts can`,
      );
      const resolve = await as(agencyA).post(`/v1/alerts/${id}/resolve`, {
        actor: 'officer-1',
        resolution: 'other',
      });
      expect(resolve.status).toBe(409);
      expect(((await resolve.json()) as { message: string }).message).toBe(
        `alert ${id} is already resolved (not-boarded)`,
      );
    });

    it('resolves a new alert directly', async () => {
      const response = await as(agencyA).post(`/v1/alerts/${alertsOfA[1]!.alertId}/resolve`, {
        actor: 'officer-9',
        resolution: 'false-positive',
        note: 'document seen at the gate',
      });
      expect(response.status).toBe(200);
      const alert = (await response.json()) as AgencyAlertJson;
      expect(alert.history?.at(-1)).toMatchObject({ fromStatus: 'new', toStatus: 'resolved' });
      expect(alert.acknowledgedAt).toBeUndefined();
    });

    it('lets exactly one of two simultaneous acknowledgements through', async () => {
      const id = alertsOfA[2]!.alertId;
      const answers = await Promise.all(
        ['officer-x', 'officer-y', 'officer-z'].map((actor) =>
          as(agencyA).post(`/v1/alerts/${id}/acknowledge`, { actor }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(
        await dispatch.count(
          `SELECT count(*)::int AS n FROM alert_audit WHERE alert_id = $1 AND action = 'acknowledged'`,
          [id],
        ),
      ).toBe(1);
    });

    it('validates the request: an unknown resolution is a 400 naming the field', async () => {
      const response = await as(agencyA).post(`/v1/alerts/${alertsOfA[3]!.alertId}/resolve`, {
        actor: 'officer-1',
        resolution: 'went-home',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { problems: { path: string }[] }).problems[0]?.path).toBe(
        'resolution',
      );
    });

    it('filters the list by status', async () => {
      const page = (await (await as(agencyA).get('/v1/alerts?status=resolved')).json()) as {
        alerts: AgencyAlertJson[];
      };
      expect(page.alerts.map((a) => a.alertId).sort()).toEqual(
        [alertsOfA[0]!.alertId, alertsOfA[1]!.alertId].sort(),
      );
      expect((await as(agencyA).get('/v1/alerts?status=closed')).status).toBe(400);
    });

    it('keeps the audit trail append-only in the database itself: UPDATE, DELETE and TRUNCATE fail', async () => {
      const where = [alertsOfA[0]!.alertId];
      await expect(
        dispatch.sql.query(`UPDATE alert_audit SET actor = 'someone else' WHERE alert_id = $1`, where),
      ).rejects.toThrow(/alert_audit is append-only: UPDATE is not allowed/);
      await expect(dispatch.sql.query('DELETE FROM alert_audit WHERE alert_id = $1', where)).rejects.toThrow(
        /alert_audit is append-only: DELETE is not allowed/,
      );
      await expect(dispatch.sql.query('TRUNCATE alert_audit CASCADE')).rejects.toThrow(
        /alert_audit is append-only: TRUNCATE is not allowed/,
      );
      expect(
        await dispatch.count('SELECT count(*)::int AS n FROM alert_audit WHERE alert_id = $1', where),
      ).toBe(3);
    });
  });

  it('rotates an agency’s token: the old one stops working at once, the new one sees the same alerts', async () => {
    const response = await dispatch.call(
      'PATCH',
      `/v1/admin/agencies/${agencyB.code}`,
      { rotateToken: true },
      dispatch.adminToken,
    );
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(token).not.toBe(agencyB.token);
    expect((await as(agencyB).get(`/v1/alerts/${alertOfB.alertId}`)).status).toBe(401);
    agencyB = { ...agencyB, token };
    expect((await as(agencyB).get(`/v1/alerts/${alertOfB.alertId}`)).status).toBe(200);
  });
});
