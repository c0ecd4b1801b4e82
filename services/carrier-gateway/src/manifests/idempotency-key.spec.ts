import { IDEMPOTENCY_KEY_LENGTH, storedIdempotencyKey } from './idempotency-key.js';

describe('storedIdempotencyKey', () => {
  it('keeps a key up to the limit as it is', () => {
    expect(storedIdempotencyKey('paxlst:QLAIR:REF1:M1')).toBe('paxlst:QLAIR:REF1:M1');
    const atLimit = 'k'.repeat(IDEMPOTENCY_KEY_LENGTH);
    expect(storedIdempotencyKey(atLimit)).toBe(atLimit);
    expect(storedIdempotencyKey(undefined)).toBeUndefined();
    expect(storedIdempotencyKey('')).toBeUndefined();
  });

  it('stores a longer key as its digest: the same for the same key, different for another', () => {
    const refs = Array.from({ length: 300 }, (_, i) => `M${String(i).padStart(34, '0')}`).join(',');
    const key = `paxlst:QLAIR:REF1:${refs}`;
    const stored = storedIdempotencyKey(key)!;
    expect(stored).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(storedIdempotencyKey(key)).toBe(stored);
    expect(storedIdempotencyKey(`${key}X`)).not.toBe(stored);
    // Measured in bytes too: 200 three-byte characters are 600 bytes.
    expect(storedIdempotencyKey('€'.repeat(200))).toMatch(/^sha256:/);
  });
});
