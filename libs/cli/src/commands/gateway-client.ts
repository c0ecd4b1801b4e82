import { localAdminToken } from '../stack/admin-token.js';

export const DEFAULT_GATEWAY = process.env['DOCSCREEN_GATEWAY_URL'] ?? 'http://127.0.0.1:3000';

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`gateway answered ${status}: ${typeof body === 'object' ? JSON.stringify(body) : String(body)}`);
  }
}

/** One HTTP call to the carrier gateway; a non-2xx answer becomes a GatewayError carrying the body. */
export async function callGateway(
  url: string,
  init: {
    method: string;
    token: string;
    body?: string | Buffer;
    contentType?: string;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      authorization: `Bearer ${init.token}`,
      ...(init.contentType ? { 'content-type': init.contentType } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  if (!response.ok) throw new GatewayError(response.status, body);
  return { status: response.status, headers: response.headers, body };
}

export function adminToken(option: string | undefined): string {
  return option ?? localAdminToken();
}
