/**
 * Fixed-width codes for normalised document numbers (A-Z, 0-9).
 *
 * A number of up to 12 characters packs exactly into two 32-bit words: characters 1-6 into `hi`,
 * 7-12 into `lo`, each half read as six base-37 digits where `0`-`9` are 1-10, `A`-`Z` are 11-36 and 0
 * means "no character". Leading zeros therefore stay significant (`0123` ≠ `123`), and every half is
 * below 37⁶ = 2,565,726,409 < 2³², so the code is lossless and `lo` is never `LONG`.
 *
 * A longer number is interned in the long-number table (`long-numbers.ts`): its code is `hi` = its id
 * there and `lo` = `LONG`. Both kinds of code are exact, so equal codes mean equal numbers.
 */

/** The most characters that pack into a code; longer numbers are interned. */
export const PACKED_LENGTH = 12;

/** `lo` of an interned (long) number; no packed number has it. */
export const LONG = 0xffffffff;

// Module bindings rather than `Math.` lookups: inside a vm context (Jest) every global lookup is slow.
const { imul, floor } = Math;

const HALF = 6;
const RADIX = 37;

/** The digit of a character of a normalised number: `0`-`9` → 1-10, `A`-`Z` → 11-36. */
function digitOf(charCode: number): number {
  return charCode <= 57 ? charCode - 47 : charCode - 54;
}

function charOf(digit: number): string {
  return String.fromCharCode(digit <= 10 ? digit + 47 : digit + 54);
}

/**
 * Half of a packed code: characters `start` to `start + 5` of `number` (a normalised number of at
 * most `PACKED_LENGTH` characters), missing characters as 0.
 */
export function packHalf(number: string, start: number): number {
  let value = 0;
  for (let i = start; i < start + HALF; i++) {
    value = value * RADIX + (i < number.length ? digitOf(number.charCodeAt(i)) : 0);
  }
  return value;
}

/** The number a packed code stands for (the inverse of `packHalf` on both halves). */
export function unpackNumber(hi: number, lo: number): string {
  let number = '';
  for (const half of [hi, lo]) {
    let divisor = RADIX ** (HALF - 1);
    for (let i = 0; i < HALF; i++) {
      const digit = floor(half / divisor) % RADIX;
      if (digit === 0) return number;
      number += charOf(digit);
      divisor /= RADIX;
    }
  }
  return number;
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The 32-bit hash of a number's code. It depends on the number alone (not on the state or type), so
 * every listing of one number, whichever state lists it, shares one home slot in the record table.
 */
export function numberHash(hi: number, lo: number): number {
  return fmix32(fmix32(hi) ^ lo);
}
