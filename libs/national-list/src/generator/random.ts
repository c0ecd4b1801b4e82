// Small, fast, deterministic integer randomness for the generator: a 32-bit finaliser to derive
// independent streams from (seed, index), a mulberry32 stream, and a keyed permutation of [0, size).

// Math functions as module constants: global lookups are slow inside vm contexts (Jest), and this code
// runs per line.
const { ceil, floor, imul, max } = Math;

/** A 32-bit avalanche mix (the MurmurHash3 finaliser). */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of two 32-bit integers, e.g. a seed and an index. */
export function hash2(a: number, b: number): number {
  return mix32((mix32(a) ^ imul(b | 0, 0x9e3779b1)) + 0x632be59b);
}

/** A mulberry32 stream: 32 bits of state, period 2³². */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Restarts the stream from another seed (no allocation). */
  reseed(seed: number): void {
    this.state = seed | 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t0 = (this.state = (this.state + 0x6d2b79f5) | 0);
    let t = imul(t0 ^ (t0 >>> 15), t0 | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** An integer in [0, bound), for 1 ≤ bound ≤ 2³². */
  below(bound: number): number {
    return floor(this.next() * bound);
  }
}

const ROUNDS = 4;

/**
 * A keyed bijection of the integers [0, size), size ≤ 2⁵²: a balanced Feistel network on the smallest
 * even number of bits that covers `size`, walking the cycle until the value falls inside. Maps a
 * counter to distinct, scattered values without remembering any of them.
 */
export class FeistelPermutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly keys: Uint32Array;

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 52) {
      throw new RangeError(`permutation size ${size}: expected an integer in [1, 2^52]`);
    }
    let bits = 0;
    while (2 ** bits < size) bits++;
    const halfBits = max(1, ceil(bits / 2));
    this.half = 2 ** halfBits;
    this.mask = this.half - 1;
    this.keys = new Uint32Array(ROUNDS);
    for (let round = 0; round < ROUNDS; round++) this.keys[round] = hash2(key, round + 1);
  }

  /** The image of `index` (an integer in [0, size)). */
  apply(index: number): number {
    let x = index;
    do x = this.encrypt(x);
    while (x >= this.size);
    return x;
  }

  private encrypt(x: number): number {
    const half = this.half;
    const mask = this.mask;
    const keys = this.keys;
    let left = floor(x / half);
    let right = x - left * half;
    for (let round = 0; round < ROUNDS; round++) {
      const next = left ^ (mix32(right ^ (keys[round] ?? 0)) & mask);
      left = right;
      right = next;
    }
    return left * half + right;
  }
}
