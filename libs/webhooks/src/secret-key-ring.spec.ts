import { randomBytes } from 'node:crypto';
import { SealedSecretError, SecretKeyRing, newSecretKey, openStoredSecret } from './secret-key-ring.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
const SECRET = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const CONTEXT = 'agency:9a1f2c3e-0000-4000-8000-000000000001:webhook';

describe('SecretKeyRing', () => {
  it('seals under the first key without the secret in clear, and opens it again', () => {
    const ring = new SecretKeyRing([key('k2'), key('k1')]);
    const sealed = ring.seal(SECRET, CONTEXT);
    expect(sealed).toMatch(/^v1:k2:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url').slice(0, 12));
    expect(ring.open(sealed, CONTEXT)).toEqual({ secret: SECRET, keyId: 'k2', current: true });
    // A fresh IV each time: the same secret never seals to the same value.
    expect(ring.seal(SECRET, CONTEXT)).not.toBe(sealed);
  });

  it('opens what an older key sealed after a rotation, and says it is not current', () => {
    const old = key('k1');
    const sealedBefore = new SecretKeyRing([old]).seal(SECRET, CONTEXT);
    const rotated = new SecretKeyRing([key('k2'), old]);
    expect(rotated.open(sealedBefore, CONTEXT)).toEqual({ secret: SECRET, keyId: 'k1', current: false });
    expect(rotated.isCurrent(sealedBefore)).toBe(false);
    expect(rotated.isCurrent(rotated.seal(SECRET, CONTEXT))).toBe(true);
  });

  it('refuses a value whose key left the ring, that was altered, or that belongs to another row', () => {
    const ring = new SecretKeyRing([key('k1')]);
    const sealed = ring.seal(SECRET, CONTEXT);
    expect(() => new SecretKeyRing([key('k2')]).open(sealed, CONTEXT)).toThrow(
      new SealedSecretError('sealed with key "k1", which is not in the key ring'),
    );
    // Same id, another key: as good as altered.
    expect(() => new SecretKeyRing([key('k1')]).open(sealed, CONTEXT)).toThrow(/does not open with key k1/);
    const [v, id, iv, data] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => ring.open([v, id, iv, flipped.toString('base64url')].join(':'), CONTEXT)).toThrow(
      SealedSecretError,
    );
    expect(() => ring.open(sealed, 'agency:another-row:webhook')).toThrow(/does not open/);
    expect(() => ring.open(SECRET, CONTEXT)).toThrow(/not a sealed secret/);
  });

  it('refuses a ring that is empty, has a short key, a bad or repeated id', () => {
    expect(() => new SecretKeyRing([])).toThrow(/at least one key/);
    expect(() => new SecretKeyRing([{ id: 'k1', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new SecretKeyRing([{ id: 'k:1', key: randomBytes(32) }])).toThrow(/key id/);
    expect(() => new SecretKeyRing([key('k1'), key('k1')])).toThrow(/appears twice/);
    expect(Buffer.from(newSecretKey(), 'base64')).toHaveLength(32);
  });
});

describe('openStoredSecret', () => {
  const ring = new SecretKeyRing([key('k2'), key('k1')]);

  it('reads a sealed secret under the first key and leaves it be', () => {
    const sealed = ring.seal(SECRET, CONTEXT);
    expect(openStoredSecret(ring, { sealed, legacyClear: null }, CONTEXT)).toEqual({
      secret: SECRET,
      reseal: undefined,
    });
  });

  it('seals again what an older key sealed, and what was stored in clear before sealing', () => {
    const k1 = key('k1');
    const rotated = new SecretKeyRing([key('k3'), k1]);
    const underK1 = new SecretKeyRing([k1]).seal(SECRET, CONTEXT);
    const fromOld = openStoredSecret(rotated, { sealed: underK1, legacyClear: null }, CONTEXT);
    expect(fromOld?.secret).toBe(SECRET);
    expect(fromOld?.reseal).toMatch(/^v1:k3:/);
    expect(rotated.open(fromOld?.reseal ?? '', CONTEXT).secret).toBe(SECRET);

    const fromClear = openStoredSecret(rotated, { sealed: null, legacyClear: SECRET }, CONTEXT);
    expect(fromClear?.secret).toBe(SECRET);
    expect(rotated.open(fromClear?.reseal ?? '', CONTEXT).secret).toBe(SECRET);
  });

  it('without a key ring reads only secrets in clear, and nothing is nothing', () => {
    expect(openStoredSecret(undefined, { sealed: null, legacyClear: SECRET }, CONTEXT)).toEqual({
      secret: SECRET,
      reseal: undefined,
    });
    expect(() =>
      openStoredSecret(undefined, { sealed: ring.seal(SECRET, CONTEXT), legacyClear: null }, CONTEXT),
    ).toThrow(/SECRETS_KEYS is not configured/);
    expect(openStoredSecret(ring, { sealed: null, legacyClear: null }, CONTEXT)).toBeUndefined();
  });
});
