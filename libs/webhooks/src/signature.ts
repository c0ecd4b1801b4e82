import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers every delivery carries; receivers look them up case-insensitively. */
export const WEBHOOK_HEADERS = {
  id: 'x-docscreen-delivery',
  timestamp: 'x-docscreen-timestamp',
  signature: 'x-docscreen-signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SCHEME = 'v1';
const SECRET_PREFIX = 'whsec_';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export interface SignWebhookInput {
  secret: string;
  deliveryId: string;
  body: string | Buffer;
  /** Unix seconds; now by default. */
  timestamp?: number;
}

export type WebhookHeaderValues = Record<string, string | string[] | undefined>;

export interface VerifyWebhookInput {
  secret: string;
  headers: WebhookHeaderValues;
  /** The raw body exactly as received: a re-serialised JSON object will not verify. */
  body: string | Buffer;
  /** Unix seconds; now by default. */
  now?: number;
  toleranceSeconds?: number;
}

export type WebhookVerificationFailure =
  'missing-header' | 'malformed-signature' | 'stale-timestamp' | 'bad-signature';

export type WebhookVerification =
  { ok: true; deliveryId: string; timestamp: number } | { ok: false; reason: WebhookVerificationFailure };

/**
 * The three signature headers for one attempt. The MAC covers `<delivery id>.<timestamp>.<body>`: the
 * timestamp so that a captured request cannot be replayed later with a fresh one, the delivery id —
 * the receiver's de-duplication key, the same on every attempt — so that a replay inside the time
 * window cannot pass for a new delivery under another id (the Standard Webhooks construction).
 */
export function signWebhook(input: SignWebhookInput): Record<string, string> {
  const timestamp = input.timestamp ?? nowSeconds();
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError('timestamp must be a non-negative integer of unix seconds');
  const mac = hmac(input.secret, input.deliveryId, timestamp, input.body).toString('hex');
  return {
    [WEBHOOK_HEADERS.id]: input.deliveryId,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: `${SCHEME}=${mac}`,
  };
}

/**
 * Checks a received delivery. Several `v1=` signatures may arrive comma-separated (one per secret
 * while a secret is being rotated); one match is enough. Signatures of other schemes are ignored so a
 * future scheme can be added beside v1 without breaking today's receivers.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerification {
  const deliveryId = header(input.headers, WEBHOOK_HEADERS.id);
  const timestampText = header(input.headers, WEBHOOK_HEADERS.timestamp);
  const signatureText = header(input.headers, WEBHOOK_HEADERS.signature);
  if (!deliveryId || !timestampText || !signatureText) return { ok: false, reason: 'missing-header' };

  const candidates = parseSignatures(signatureText);
  if (!UNIX_SECONDS.test(timestampText) || candidates.length === 0)
    return { ok: false, reason: 'malformed-signature' };

  const timestamp = Number(timestampText);
  const expected = hmac(input.secret, deliveryId, timestamp, input.body);
  // Compare against every candidate (no early exit) so timing says nothing about which one matched.
  let matched = false;
  for (const candidate of candidates) matched = timingSafeEqual(candidate, expected) || matched;
  if (!matched) return { ok: false, reason: 'bad-signature' };

  // Checked after the MAC: an authentic but old (or future) delivery is a replay or a skewed clock.
  const now = input.now ?? nowSeconds();
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: 'stale-timestamp' };
  return { ok: true, deliveryId, timestamp };
}

/** A new signing secret: 32 random bytes, base64url, with a prefix that makes a leaked one recognisable. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface RetryBackoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: a uniformly random delay below min(maxMs, baseMs·2^(n−1)).
 * The jitter spreads the retries of many deliveries that failed together (a receiver's outage) so they
 * do not all come back at the same instant. Never below 1 ms, which BullMQ would read as "no delay".
 */
export function retryDelayMs(
  attemptsMade: number,
  backoff: RetryBackoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.floor(attemptsMade) - 1);
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.max(1, Math.floor(random() * ceiling));
}

function hmac(secret: string, deliveryId: string, timestamp: number, body: string | Buffer): Buffer {
  // Fed in two parts so a Buffer body is signed byte for byte, never decoded as text first.
  return createHmac('sha256', secret).update(`${deliveryId}.${timestamp}.`).update(body).digest();
}

function parseSignatures(value: string): Buffer[] {
  const signatures: Buffer[] = [];
  for (const part of value.split(',')) {
    const [scheme, mac, ...rest] = part.trim().split('=');
    if (scheme === SCHEME && mac !== undefined && rest.length === 0 && HEX_SHA256.test(mac))
      signatures.push(Buffer.from(mac, 'hex'));
  }
  return signatures;
}

function header(headers: WebhookHeaderValues, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    // Node joins repeated custom headers with ", "; other frameworks hand over an array.
    const text = (Array.isArray(value) ? value.join(',') : value).trim();
    return text === '' ? undefined : text;
  }
  return undefined;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
