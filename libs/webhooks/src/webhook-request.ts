import { signWebhook } from './signature.js';

/** One webhook to deliver: what the producing service hands over. */
export interface WebhookDelivery {
  /** Stable across attempts and enqueues: the BullMQ job id and the receiver's de-duplication key. */
  deliveryId: string;
  /** Whom it goes to (an agency or carrier code); resolved to an endpoint at delivery time. */
  subscriber: string;
  eventType: string;
  body: string;
  /** `application/json` by default. */
  contentType?: string;
}

/** Where a subscriber receives webhooks and the secret they are signed with. */
export interface WebhookEndpoint {
  url: string;
  secret: string;
}

export const EVENT_TYPE_HEADER = 'x-docscreen-event-type';
export const USER_AGENT = 'docscreen-webhooks/1';
const DEFAULT_CONTENT_TYPE = 'application/json';
// Enough to read a receiver's usual short answer so the keep-alive connection can be reused.
const MAX_DRAINED_BYTES = 64 * 1024;

/** A failed attempt, with a message safe to log and store: no URL, secret or body in it. */
export class DeliveryAttemptError extends Error {
  override readonly name = 'DeliveryAttemptError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * POSTs one signed attempt and resolves with the receiver's 2xx status; anything else (another status,
 * a timeout, a network error) rejects with a DeliveryAttemptError. Redirects are not followed: a
 * signed body carrying personal data goes only to the registered URL.
 */
export async function postWebhook(
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  timeoutMs: number,
): Promise<number> {
  const url = parseEndpointUrl(endpoint.url);
  const headers = {
    ...signWebhook({ secret: endpoint.secret, deliveryId: delivery.deliveryId, body: delivery.body }),
    'content-type': delivery.contentType ?? DEFAULT_CONTENT_TYPE,
    [EVENT_TYPE_HEADER]: delivery.eventType,
    'user-agent': USER_AGENT,
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DeliveryAttemptError(describeFetchFailure(error, timeoutMs));
  }
  await discardBody(response);
  if (response.status < 200 || response.status > 299)
    throw new DeliveryAttemptError(`HTTP ${response.status}`, response.status);
  return response.status;
}

function parseEndpointUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The URL itself stays out of the message: some receivers put a token in it.
    throw new DeliveryAttemptError('invalid endpoint URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DeliveryAttemptError(`unsupported endpoint protocol ${url.protocol}`);
  return url;
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  // By shape, not instanceof: fetch's DOMException and causes come from another realm under some runners.
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail ? `network error: ${detail}` : 'network error';
}

/** Reads and drops the answer (it may echo personal data, so it is never kept), up to a bound. */
async function discardBody(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  try {
    for (let read = 0; read < MAX_DRAINED_BYTES;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The status decides the attempt; a body cut short (or timed out) changes nothing.
  }
}
