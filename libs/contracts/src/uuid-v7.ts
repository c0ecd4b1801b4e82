import { randomFillSync } from 'node:crypto';

// UUIDv7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds, version 7, 12 bits that count up within
// a millisecond (so ids of one process are strictly increasing), variant, 62 random bits. Ids made in
// order are inserted at the right edge of a B-tree index instead of on random pages, which keeps a
// bulk import's primary-key inserts on a few hot pages.

const POOL_IDS = 4096;
const pool = Buffer.alloc(8 * POOL_IDS);
let taken = POOL_IDS;
let lastMs = -1;
let counter = 0;

/** A new UUIDv7 in canonical lower-case form. */
export function uuidV7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond (order is kept).
    lastMs++;
    counter = 0;
  }
  if (taken === POOL_IDS) {
    randomFillSync(pool);
    taken = 0;
  }
  const r = 8 * taken++;
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = ((pool.readUInt8(r) & 0x3f) | 0x80).toString(16);
  const random = pool.toString('hex', r + 1, r + 8);
  return `${time.slice(0, 8)}-${time.slice(8)}-${(0x7000 | counter).toString(16)}-${variant}${random.slice(0, 2)}-${random.slice(2)}`;
}
