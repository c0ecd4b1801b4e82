import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Webhook signing secrets must be readable again (every delivery is signed with them), so they cannot be
// hashed like API keys: they are stored sealed with AES-256-GCM under a key from configuration
// (SECRETS_KEYS), never in clear. A sealed value names the key that sealed it, so keys can rotate
// without downtime: the first key of the ring seals, every key opens, and a value sealed under an older
// key is sealed again under the first when read (`SealedSecret.current`).

/** One key of the ring: an id (stored with every value it seals) and 32 bytes. */
export interface SecretKey {
  id: string;
  key: Uint8Array;
}

/** `v1:<key id>:<12-byte IV>:<ciphertext and 16-byte tag>`, both base64url. */
const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: its key is not in the ring, or it was altered or moved. */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}

/** An opened secret; `current` is false when it was sealed under another key than the first. */
export interface OpenedSecret {
  secret: string;
  keyId: string;
  current: boolean;
}

/** 32 random bytes, base64: a new key for SECRETS_KEYS (`<id>:<this>`). */
export function newSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export class SecretKeyRing {
  private readonly keys = new Map<string, Buffer>();
  /** The key that seals; the others only open. */
  readonly primaryKeyId: string;

  constructor(keys: readonly SecretKey[]) {
    if (keys.length === 0) throw new RangeError('a secret key ring needs at least one key');
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new RangeError(`key id ${JSON.stringify(id)}: 1-32 of A-Z a-z 0-9 _ -`);
      if (key.byteLength !== KEY_BYTES) throw new RangeError(`key ${id}: ${KEY_BYTES} bytes are required`);
      if (this.keys.has(id)) throw new RangeError(`key id ${id} appears twice`);
      this.keys.set(id, Buffer.from(key));
    }
    this.primaryKeyId = (keys[0] as SecretKey).id;
  }

  /**
   * Seals `secret` under the first key. `context` (e.g. `agency:<id>:webhook`) is authenticated with it:
   * a sealed value copied to another row does not open there.
   */
  seal(secret: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.primaryKeyId) as Buffer, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.primaryKeyId, iv.toString('base64url'), sealed.toString('base64url')].join(':');
  }

  /** Opens a value `seal` made with any key of the ring, for the same context; throws SealedSecretError otherwise. */
  open(sealed: string, context: string): OpenedSecret {
    const [version, keyId = '', iv = '', data = '', ...rest] = sealed.split(':');
    if (version !== VERSION || rest.length > 0 || !iv || !data)
      throw new SealedSecretError('not a sealed secret (v1:<key id>:<iv>:<data>)');
    const key = this.keys.get(keyId);
    if (!key)
      throw new SealedSecretError(`sealed with key ${JSON.stringify(keyId)}, which is not in the key ring`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const bytes = Buffer.from(data, 'base64url');
    if (ivBytes.byteLength !== IV_BYTES || bytes.byteLength < TAG_BYTES)
      throw new SealedSecretError('not a sealed secret (bad length)');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.byteLength - TAG_BYTES));
      const secret = Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.byteLength - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return { secret, keyId, current: keyId === this.primaryKeyId };
    } catch {
      throw new SealedSecretError(`does not open with key ${keyId} (altered, or sealed for another row)`);
    }
  }

  /** Whether `sealed` is under the first key: what a re-encryption sweep leaves alone. */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`${VERSION}:${this.primaryKeyId}:`);
  }

  /** The prefix of values sealed under the first key (for a query finding the others). */
  get currentPrefix(): string {
    return `${VERSION}:${this.primaryKeyId}:`;
  }
}

/** A webhook secret as a row stores it: sealed, or (rows from before sealing) in clear. */
export interface StoredSecret {
  sealed: string | null;
  legacyClear: string | null;
}

/**
 * The secret of a row, and the sealed value to write back when it should be sealed again: a value in
 * clear (from before sealing) or sealed under an older key. `ring` undefined: SECRETS_KEYS is not
 * configured, so only values in clear can be read (and none is sealed).
 */
export function openStoredSecret(
  ring: SecretKeyRing | undefined,
  stored: StoredSecret,
  context: string,
): { secret: string; reseal: string | undefined } | undefined {
  if (stored.sealed) {
    if (!ring) throw new SealedSecretError('the secret is sealed and SECRETS_KEYS is not configured');
    const opened = ring.open(stored.sealed, context);
    return { secret: opened.secret, reseal: opened.current ? undefined : ring.seal(opened.secret, context) };
  }
  if (stored.legacyClear)
    return { secret: stored.legacyClear, reseal: ring?.seal(stored.legacyClear, context) };
  return undefined;
}
