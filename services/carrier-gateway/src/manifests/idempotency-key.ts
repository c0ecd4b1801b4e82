import { createHash } from 'node:crypto';

/** Characters of an idempotency key stored as it is; a longer one is stored as its digest. */
export const IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The key a submission is recorded under, for the unique index on (carrier, key): the key as given
 * (Idempotency-Key, JSON messageRef, or PAXLST sender, interchange and message references) up to
 * IDEMPOTENCY_KEY_LENGTH characters, otherwise `sha256:<hex>` of it. A PAXLST interchange of many
 * messages derives a key of thousands of characters, which a btree index cannot hold (it was a 500);
 * its digest identifies a resubmission just as well, and two different keys never share one.
 */
export function storedIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (key.length <= IDEMPOTENCY_KEY_LENGTH && Buffer.byteLength(key) <= IDEMPOTENCY_KEY_LENGTH) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
