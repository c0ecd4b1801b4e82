import { waitFor, type RunningService } from '@docscreen/testing';

/** What a running service answered: the body as text, and parsed when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

/** One request to a running service with a bearer token; an object body is sent as JSON, a string as is. */
export async function call(
  service: RunningService,
  method: string,
  url: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${service.baseUrl}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, text, body: json as Record<string, unknown> };
}

async function expectStatus(what: string, answer: Promise<Answer>, status: number): Promise<void> {
  const { status: got, text } = await answer;
  if (got !== status) throw new Error(`${what}: expected ${status}, got ${got} ${text}`);
}

/**
 * Registers `authority` (issuing state `issuingState`) at the registry, lists the passport
 * `documentNumber` as stolen on its behalf, and waits until screening's lost/stolen index has it.
 */
export async function listStolenPassport(
  services: { registry: RunningService; screening: RunningService; adminToken: string },
  passport: { authority: string; issuingState: string; documentNumber: string },
): Promise<void> {
  const { registry, screening, adminToken } = services;
  const { authority, issuingState, documentNumber } = passport;
  await expectStatus(
    'registering the authority',
    call(registry, 'POST', '/v1/admin/authorities', adminToken, {
      code: authority,
      name: issuingState,
      issuingState,
    }),
    201,
  );
  await expectStatus(
    'listing the passport',
    call(
      registry,
      'POST',
      '/v1/records',
      adminToken,
      { issuingState, documentType: 'P', documentNumber, status: 'stolen', reportedOn: '2026-10-01' },
      { 'x-docscreen-authority': authority },
    ),
    200,
  );
  await waitFor('the listed passport in screening’s index', async () => {
    const lookup = await call(screening, 'POST', '/v1/admin/index/lookups', adminToken, {
      issuingState,
      documentNumber,
    });
    return lookup.body['listed'] ? true : undefined;
  });
}
