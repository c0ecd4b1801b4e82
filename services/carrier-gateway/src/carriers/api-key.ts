import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A key reads `dsk_<prefix>_<secret>`: the prefix finds the stored row without scanning, the secret is
// 32 random bytes. A fast hash (SHA-256) is enough because the secret has full entropy; slow hashes
// (scrypt, argon2) exist for guessable passwords and would cost CPU on every carrier request.
const KEY_PATTERN = /^dsk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  /** Shown once to the carrier, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function issueApiKey(): IssuedApiKey {
  const prefix = randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 8);
  const key = `dsk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function apiKeyPrefix(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
