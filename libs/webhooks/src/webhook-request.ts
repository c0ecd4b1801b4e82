import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { signWebhook } from './signature.js';
import { checkWebhookUrl, type WebhookTargetOptions } from './target-policy.js';
import {
  RefusedTargetError,
  resolveWebhookTarget,
  type ResolvedAddress,
  type WebhookLookup,
} from './webhook-target.js';

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

/** The connections of one dispatcher: kept alive between deliveries, destroyed when it closes. */
export interface WebhookAgents {
  http: http.Agent;
  https: https.Agent;
}

export function newWebhookAgents(): WebhookAgents {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

export interface PostWebhookOptions extends WebhookTargetOptions {
  timeoutMs: number;
  agents: WebhookAgents;
  lookup?: WebhookLookup;
}

/**
 * POSTs one signed attempt and resolves with the receiver's 2xx status; anything else (another status,
 * a timeout, a network error) rejects with a DeliveryAttemptError, and a target the policy refuses with
 * a RefusedTargetError, before any connection. The URL is checked again (it may predate the policy),
 * its host resolved once, every address checked, and the connection made to the checked address.
 * Redirects are not followed: a signed body carrying personal data goes only to the registered URL.
 */
export async function postWebhook(
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  options: PostWebhookOptions,
): Promise<number> {
  const verdict = checkWebhookUrl(endpoint.url, options);
  if (!verdict.ok) throw new RefusedTargetError(`refused target: the URL ${verdict.reason}`);
  const headers = {
    ...signWebhook({ secret: endpoint.secret, deliveryId: delivery.deliveryId, body: delivery.body }),
    'content-type': delivery.contentType ?? DEFAULT_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(delivery.body)),
    [EVENT_TYPE_HEADER]: delivery.eventType,
    'user-agent': USER_AGENT,
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    const target = await untilAborted(resolveWebhookTarget(verdict.url, options), deadline.signal);
    const status = await send(verdict.url, target, headers, delivery.body, options.agents, deadline.signal);
    if (status < 200 || status > 299) throw new DeliveryAttemptError(`HTTP ${status}`, status);
    return status;
  } catch (error) {
    if (error instanceof RefusedTargetError || error instanceof DeliveryAttemptError) throw error;
    if (deadline.signal.aborted) throw new DeliveryAttemptError(`timeout after ${options.timeoutMs} ms`);
    throw new DeliveryAttemptError(describeNetworkError(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Connects to `target` only (the address checked), whatever the name would resolve to now. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/** One request; resolves with the status once the answer is read (and dropped) up to a bound. */
function send(
  url: URL,
  target: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  agents: WebhookAgents,
  signal: AbortSignal,
): Promise<number> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      {
        method: 'POST',
        // The name, not the address: the Host header and TLS (SNI, certificate) are the URL's.
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers,
        agent: secure ? agents.https : agents.http,
        lookup: pinnedLookup(target),
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The answer may echo personal data: read and dropped, never kept. The status decides the
        // attempt; a body cut short (or timed out) changes nothing.
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.byteLength;
          if (read >= MAX_DRAINED_BYTES) response.destroy();
        });
        response.on('error', () => resolve(status));
        response.on('close', () => resolve(status));
        response.on('end', () => resolve(status));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(new Error('aborted'));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function describeNetworkError(error: unknown): string {
  // By shape, not instanceof: errors may come from another realm under some runners.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const detail = typeof code === 'string' ? code : typeof message === 'string' ? message : '';
  return detail ? `network error: ${detail}` : 'network error';
}
