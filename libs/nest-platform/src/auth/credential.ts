import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A credential reads `<kind>_<prefix>_<secret>`: the kind says whose it is, so a leaked one is told
// apart at a glance (and by secret scanners) and a credential of another kind is refused before any
// lookup; the prefix finds the stored row without scanning; the secret is 32 random bytes. A fast hash
// (SHA-256) is enough because the secret has full entropy; slow hashes (scrypt, argon2) exist for
// guessable passwords and would cost CPU on every request.

/**
 * `dsk_` a carrier's API key (carrier-gateway), `dsa_` a national authority's (document-registry),
 * `dsb_` a border agency's token (alert-dispatch; agencies were issued `dsa_` before, still accepted there).
 */
export type CredentialKind = 'dsk' | 'dsa' | 'dsb';

export interface IssuedCredential {
  /** Shown once to its holder, never stored. */
  secret: string;
  prefix: string;
  hash: string;
}

export function issueCredential(kind: CredentialKind): IssuedCredential {
  const prefix = randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 8);
  const secret = `${kind}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: hashCredential(secret) };
}

export function hashCredential(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The lookup prefix of a well-formed credential of that kind, else undefined (no database lookup). */
export function credentialPrefix(kind: CredentialKind, secret: string): string | undefined {
  return new RegExp(`^${kind}_([a-z0-9]{8})_[A-Za-z0-9_-]{43}$`).exec(secret)?.[1];
}

export function credentialMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashCredential(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** `Authorization: Bearer <token>` → the token. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}
