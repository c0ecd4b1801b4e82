import { createHmac } from 'node:crypto';
import {
  WEBHOOK_HEADERS,
  newWebhookSecret,
  retryDelayMs,
  signWebhook,
  verifyWebhook,
  type WebhookHeaderValues,
  type WebhookVerificationFailure,
} from './signature.js';

const SECRET = 'whsec_test-secret';
const OTHER_SECRET = 'whsec_other-secret';
const BODY = '{"alertId":"a-1","traveller":{"documentNumber":"X1234567"}}';
const NOW = 1_780_000_000;

function signed(overrides: { secret?: string; body?: string | Buffer; timestamp?: number } = {}) {
  return signWebhook({
    secret: overrides.secret ?? SECRET,
    deliveryId: 'delivery-1',
    body: overrides.body ?? BODY,
    timestamp: overrides.timestamp ?? NOW,
  });
}

describe('signWebhook', () => {
  it('signs "<delivery id>.<timestamp>.<body>" with HMAC-SHA256 as lowercase hex under the v1 scheme', () => {
    const headers = signed();
    const expected = createHmac('sha256', SECRET).update(`delivery-1.${NOW}.${BODY}`).digest('hex');
    expect(headers).toEqual({
      'x-docscreen-delivery': 'delivery-1',
      'x-docscreen-timestamp': String(NOW),
      'x-docscreen-signature': `v1=${expected}`,
    });
  });

  it('signs a Buffer body byte for byte, the same as its text', () => {
    expect(signed({ body: Buffer.from(BODY) })).toEqual(signed());
  });

  it('uses the current time when no timestamp is given', () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = signWebhook({ secret: SECRET, deliveryId: 'd', body: BODY });
    const timestamp = Number(headers[WEBHOOK_HEADERS.timestamp]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(before + 1);
  });
});

describe('verifyWebhook', () => {
  const signature = signed()[WEBHOOK_HEADERS.signature]!;
  const otherSignature = signed({ secret: OTHER_SECRET })[WEBHOOK_HEADERS.signature]!;

  type Case = {
    name: string;
    headers?: WebhookHeaderValues;
    body?: string | Buffer;
    now?: number;
    toleranceSeconds?: number;
    secret?: string;
    expected: true | WebhookVerificationFailure;
  };
  const cases: Case[] = [
    { name: 'a round trip', expected: true },
    { name: 'a Buffer body', body: Buffer.from(BODY), expected: true },
    {
      name: 'headers in another case',
      headers: Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), v])),
      expected: true,
    },
    { name: 'a tampered body', body: BODY.replace('X1234567', 'X1234568'), expected: 'bad-signature' },
    {
      name: 'a tampered timestamp (a replay with a fresh time)',
      headers: { ...signed(), [WEBHOOK_HEADERS.timestamp]: String(NOW + 60) },
      now: NOW + 60,
      expected: 'bad-signature',
    },
    {
      name: 'a replay under another delivery id (to slip past de-duplication)',
      headers: { ...signed(), [WEBHOOK_HEADERS.id]: 'delivery-2' },
      expected: 'bad-signature',
    },
    { name: 'the wrong secret', secret: OTHER_SECRET, expected: 'bad-signature' },
    { name: 'a timestamp at the edge of the tolerance', now: NOW + 300, expected: true },
    { name: 'a stale timestamp', now: NOW + 301, expected: 'stale-timestamp' },
    { name: 'a future timestamp', now: NOW - 301, expected: 'stale-timestamp' },
    { name: 'a narrower tolerance', now: NOW + 31, toleranceSeconds: 30, expected: 'stale-timestamp' },
    {
      name: 'no delivery id',
      headers: { ...signed(), [WEBHOOK_HEADERS.id]: undefined },
      expected: 'missing-header',
    },
    {
      name: 'no timestamp',
      headers: { ...signed(), [WEBHOOK_HEADERS.timestamp]: undefined },
      expected: 'missing-header',
    },
    {
      name: 'no signature',
      headers: { [WEBHOOK_HEADERS.id]: 'delivery-1', [WEBHOOK_HEADERS.timestamp]: String(NOW) },
      expected: 'missing-header',
    },
    {
      name: 'an empty signature',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: ' ' },
      expected: 'missing-header',
    },
    {
      name: 'a signature of another scheme only',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: signature.replace('v1=', 'v2=') },
      expected: 'malformed-signature',
    },
    {
      name: 'a truncated signature',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: signature.slice(0, -2) },
      expected: 'malformed-signature',
    },
    {
      name: 'a timestamp that is not unix seconds',
      headers: { ...signed(), [WEBHOOK_HEADERS.timestamp]: '2026-06-01T00:00:00Z' },
      expected: 'malformed-signature',
    },
    {
      name: 'rotation: the old and the new secret, the receiver holding the new one',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: `${otherSignature}, ${signature}` },
      expected: true,
    },
    {
      name: 'rotation: the old and the new secret, the receiver still holding the old one',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: `${otherSignature},${signature}` },
      secret: OTHER_SECRET,
      expected: true,
    },
    {
      name: 'rotation: repeated headers handed over as an array',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: [otherSignature, signature] },
      expected: true,
    },
    {
      name: 'rotation: two signatures, neither of them ours',
      headers: { ...signed(), [WEBHOOK_HEADERS.signature]: `${otherSignature},${otherSignature}` },
      expected: 'bad-signature',
    },
  ];

  it.each(cases)('$name', ({ headers, body, now, toleranceSeconds, secret, expected }) => {
    const result = verifyWebhook({
      secret: secret ?? SECRET,
      headers: headers ?? signed(),
      body: body ?? BODY,
      now: now ?? NOW,
      ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
    });
    expect(result).toEqual(
      expected === true
        ? { ok: true, deliveryId: 'delivery-1', timestamp: NOW }
        : { ok: false, reason: expected },
    );
  });

  it('accepts a fresh signature against the real clock', () => {
    const headers = signWebhook({ secret: SECRET, deliveryId: 'd-now', body: BODY });
    expect(verifyWebhook({ secret: SECRET, headers, body: BODY })).toMatchObject({
      ok: true,
      deliveryId: 'd-now',
    });
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and 32 random bytes in base64url, different every time', () => {
    const secrets = Array.from({ length: 50 }, newWebhookSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});

describe('retryDelayMs', () => {
  const backoff = { baseMs: 1_000, maxMs: 300_000 };

  it.each([
    // attemptsMade, random, expected: random × min(maxMs, baseMs × 2^(attemptsMade − 1)), at least 1
    { attemptsMade: 1, random: 0.999_999, expected: 999 },
    { attemptsMade: 2, random: 0.5, expected: 1_000 },
    { attemptsMade: 3, random: 0.25, expected: 1_000 },
    { attemptsMade: 9, random: 0.999_999, expected: 255_999 },
    { attemptsMade: 10, random: 0.5, expected: 150_000 },
    { attemptsMade: 60, random: 0.999_999, expected: 299_999 },
    { attemptsMade: 2_000, random: 0.5, expected: 150_000 },
    { attemptsMade: 1, random: 0, expected: 1 },
    { attemptsMade: 0, random: 0.5, expected: 500 },
  ])('attempt $attemptsMade with random $random → $expected ms', ({ attemptsMade, random, expected }) => {
    expect(retryDelayMs(attemptsMade, backoff, () => random)).toBe(expected);
  });

  it('stays within [1, min(maxMs, baseMs·2^(n−1))) with the real random source', () => {
    for (let attemptsMade = 1; attemptsMade <= 12; attemptsMade++) {
      const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attemptsMade - 1));
      const delays = Array.from({ length: 500 }, () => retryDelayMs(attemptsMade, backoff));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...delays)).toBeLessThan(ceiling);
      // Full jitter: the delays spread over the whole range, not around one value.
      expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(ceiling / 2);
    }
  });

  it('is never below 1 ms, even for a tiny base', () => {
    expect(retryDelayMs(1, { baseMs: 1, maxMs: 1 }, () => 0.3)).toBe(1);
  });
});
