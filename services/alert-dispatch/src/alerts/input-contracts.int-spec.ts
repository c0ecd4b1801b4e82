import { alertRaised, randomLetters, randomStateCode } from '../__fixtures__/alert-events.js';
import { DispatchUnderTest, type RegisteredAgency } from '../../test/dispatch-under-test.js';
import { waitFor } from '@docscreen/testing';

// What alert dispatch refuses, on the real service and database (issue 14, input contracts): control
// characters in the names, actors and notes it stores for ever (PostgreSQL error 22021 was a 500) —
// a note may span lines, nothing else may —, a NUL in a URL parameter, bodies that are not UTF-8, and
// bodies in a media type a route does not read (415). Each with the field named; nothing changes.

interface Problems {
  message: string;
  problems?: { path: string; message: string }[];
}

describe('alert-dispatch input contracts', () => {
  const dispatch = new DispatchUnderTest();
  const run = randomLetters(6);
  const state = randomStateCode();
  const alert = alertRaised({ destinationState: state });
  let agency: RegisteredAgency;

  const send = (method: string, url: string, body: string | Buffer, contentType: string, token: string) =>
    fetch(`${dispatch.service.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
  const statusOf = async (alertId: string) =>
    (await (await dispatch.call('GET', `/v1/alerts/${alertId}`, undefined, agency.token)).json()) as {
      status: string;
      history: { note?: string }[];
    };

  beforeAll(async () => {
    await dispatch.setUp('dispatch_input');
    agency = await dispatch.register({ code: `input-${run}`, name: 'Agency I', states: [state] });
    await dispatch.publish([alert]);
    await dispatch.caughtUp();
    await waitFor('the alert stored', async () =>
      (await dispatch.count('SELECT count(*)::int AS n FROM agency_alert', [])) >= 1 ? true : undefined,
    );
  }, 180_000);

  afterAll(async () => {
    expect(await dispatch.tearDown()).toBe(0);
  }, 180_000);

  it('refuses control characters in an agency name with 400 naming the field, registering nothing', async () => {
    for (const name of ['Agency\u0000N', 'Agency\tN', 'Agency\u009bN']) {
      const response = await dispatch.call(
        'POST',
        '/v1/admin/agencies',
        { code: `ctl-${run}`, name, states: [state] },
        dispatch.adminToken,
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problems).problems?.[0]?.path).toBe('name');
    }
    expect(
      await dispatch.count('SELECT count(*)::int AS n FROM agency WHERE code = $1', [`ctl-${run}`]),
    ).toBe(0);
    const rename = await dispatch.call(
      'PATCH',
      `/v1/admin/agencies/${agency.code}`,
      { name: 'Agency\u0000I' },
      dispatch.adminToken,
    );
    expect(rename.status).toBe(400);
  });

  it('refuses a NUL in the actor or note of a step (400, the alert unchanged), and takes a note over several lines', async () => {
    const id = alert.alertId;
    for (const [body, field] of [
      [{ actor: 'officer\u00001' }, 'actor'],
      [{ actor: 'officer-1\n' }, 'actor'],
      [{ actor: 'officer-1', note: 'seen\u0000' }, 'note'],
      [{ actor: 'officer-1', note: 'bell\u0007' }, 'note'],
    ] as const) {
      const response = await dispatch.call('POST', `/v1/alerts/${id}/acknowledge`, body, agency.token);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as Problems;
      expect(answer.problems?.[0]).toEqual({
        path: field,
        message: expect.stringMatching(/^contains the control character U\+00(00|0A|07) at position \d+/),
      });
    }
    expect((await statusOf(id)).status).toBe('new');
    const note = 'passport kept at gate 4\r\n\tsee the case file';
    const acknowledged = await dispatch.call(
      'POST',
      `/v1/alerts/${id}/acknowledge`,
      { actor: 'officer-1', note },
      agency.token,
    );
    expect(acknowledged.status).toBe(200);
    expect((await statusOf(id)).history.at(-1)?.note).toBe(note);
  });

  it('answers 400, not 500, to a URL parameter with a NUL', async () => {
    const get = await dispatch.call('GET', '/v1/alerts/%00', undefined, agency.token);
    expect(get.status).toBe(400);
    expect(((await get.json()) as Problems).problems?.[0]?.path).toBe('alertId');
    const patch = await dispatch.call(
      'PATCH',
      '/v1/admin/agencies/a%00b',
      { active: true },
      dispatch.adminToken,
    );
    expect(patch.status).toBe(400);
  });

  it('refuses a body that is not UTF-8 with 400 rather than storing U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from(`{"code":"utf-${run}","name":"Polic`),
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate: not UTF-8
      Buffer.from(`a","states":["${state}"]}`),
    ]);
    const response = await send('POST', '/v1/admin/agencies', body, 'application/json', dispatch.adminToken);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).message).toMatch(
      /^the body is not valid UTF-8 \(at byte \d+\)/,
    );
    expect(
      await dispatch.count('SELECT count(*)::int AS n FROM agency WHERE code = $1', [`utf-${run}`]),
    ).toBe(0);
  });

  it('answers 415 for a body in a media type its route does not read', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const registered = await send('POST', '/v1/admin/agencies', 'code=x', contentType, dispatch.adminToken);
      expect(registered.status).toBe(415);
      const step = await send(
        'POST',
        `/v1/alerts/${alert.alertId}/resolve`,
        'actor=x',
        contentType,
        agency.token,
      );
      expect(step.status).toBe(415);
    }
    expect((await statusOf(alert.alertId)).status).toBe('acknowledged');
  });

  it('documents the limits of what it stores in OpenAPI', async () => {
    const openapi = (await (await fetch(`${dispatch.service.baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: unknown }> } } }>;
    };
    const schemaOf = (route: string) =>
      openapi.paths[route]?.post?.requestBody?.content['application/json']?.schema as {
        properties: Record<string, { maxLength?: number }>;
      };
    expect(schemaOf('/v1/admin/agencies').properties['code']?.maxLength).toBe(32);
    expect(schemaOf('/v1/admin/agencies').properties['name']?.maxLength).toBe(200);
    expect(schemaOf('/v1/alerts/{alertId}/acknowledge').properties['actor']?.maxLength).toBe(200);
    expect(schemaOf('/v1/alerts/{alertId}/acknowledge').properties['note']?.maxLength).toBe(2_000);
  });
});
