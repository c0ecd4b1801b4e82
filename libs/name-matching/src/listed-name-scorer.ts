import type { MatchingParameters } from './matching-parameters.js';
import type { NamePart, PartRole, PreparedName } from './name-parts.js';
import { compareParts, scoreName, type PartComparison } from './name-score.js';
import type { NameStore } from './name-store.js';

/** Parts of a name beyond this many are not aligned. */
export const MAX_PARTS = 8;

/**
 * Scores the listed names of a watchlist index against one traveller at a time, with what a query can
 * share between its candidates: each listed word is compared with the traveller's words once per
 * query, and a name whose words share too few candidate keys with the traveller's is not compared
 * letter by letter at all (`plausible`).
 */
export class ListedNameScorer {
  private query = 0;
  private partSeen = new Uint32Array(1024);
  private partSimilarity = new Float64Array(1024 * MAX_PARTS);
  private partKind = new Uint8Array(1024 * MAX_PARTS);
  private readonly comparison: PartComparison = { similarity: 0, kind: 0 };
  // Per listed word (by id): its key ids; per query, which traveller parts share a key with it.
  private readonly partKeyIds: (readonly number[] | undefined)[] = [];
  private agreeSeen = new Uint32Array(1024);
  private agree = new Uint16Array(1024);
  /** Per key id: the query it was last marked in, and which traveller parts have it. */
  private keyStamp = new Uint32Array(1024);
  private keyParts = new Uint8Array(1024);
  // Scratch for one listed name; after `score`, its comparisons and pairing.
  private readonly listedParts: NamePart[] = [];
  private readonly listedRoles: PartRole[] = [];
  private readonly listedIds = new Int32Array(MAX_PARTS);
  readonly similarity = new Float64Array(MAX_PARTS * MAX_PARTS);
  readonly kinds = new Uint8Array(MAX_PARTS * MAX_PARTS);
  readonly pairing = new Int8Array(MAX_PARTS);

  constructor(private readonly names: NameStore) {}

  /** Records the key ids of the words of the slot's `k`th name (in order), as filed. */
  noteKeys(slot: number, k: number, keyIds: readonly (readonly number[])[]): void {
    const count = this.names.readParts(
      slot,
      k,
      this.listedParts,
      this.listedRoles,
      this.listedIds,
      MAX_PARTS,
    );
    for (let l = 0; l < count; l++) this.partKeyIds[this.listedIds[l] ?? 0] ??= keyIds[l] ?? [];
  }

  /** Starts a query (a number never used before, or after the stamps were reset) for a traveller's keys. */
  begin(query: number, travellerKeyIds: readonly (readonly number[])[], keyCount: number): void {
    if (query < this.query) {
      this.partSeen.fill(0);
      this.agreeSeen.fill(0);
      this.keyStamp.fill(0);
    }
    this.query = query;
    if (this.keyStamp.length < keyCount) {
      const size = Math.ceil(keyCount * 1.5);
      this.keyStamp = grown(this.keyStamp, new Uint32Array(size));
      this.keyParts = grown(this.keyParts, new Uint8Array(size));
    }
    travellerKeyIds.forEach((keys, j) => {
      for (const k of keys) {
        if (this.keyStamp[k] !== query) {
          this.keyStamp[k] = query;
          this.keyParts[k] = 0;
        }
        this.keyParts[k] = (this.keyParts[k] ?? 0) | (1 << j);
      }
    });
  }
  /** Scores the slot's `k`th name against the traveller (-Infinity: not worth it), leaving its comparisons in `similarity`, `kinds` and `pairing`. */
  score(slot: number, k: number, traveller: PreparedName, p: MatchingParameters): number {
    const m = this.names.readParts(slot, k, this.listedParts, this.listedRoles, this.listedIds, MAX_PARTS);
    if (m === 0) return -Infinity;
    const n = traveller.parts.length;
    this.ensurePartCache();
    if (!this.plausible(m, traveller)) return -Infinity;
    for (let l = 0; l < m; l++) {
      const id = this.listedIds[l] ?? 0;
      const base = id * MAX_PARTS;
      if (this.partSeen[id] !== this.query) {
        this.partSeen[id] = this.query;
        const part = this.listedParts[l];
        for (let j = 0; j < n && part !== undefined; j++) {
          const other = traveller.parts[j];
          if (other === undefined) continue;
          compareParts(part, other, p, this.comparison);
          this.partSimilarity[base + j] = this.comparison.similarity;
          this.partKind[base + j] = this.comparison.kind;
        }
      }
      for (let j = 0; j < n; j++) {
        this.similarity[l * n + j] = this.partSimilarity[base + j] ?? 0;
        this.kinds[l * n + j] = this.partKind[base + j] ?? 0;
      }
    }
    const { listedParts, listedRoles } = this;
    return scoreName(
      listedParts,
      listedRoles,
      traveller.parts,
      traveller.roles,
      this.similarity,
      this.pairing,
      p,
    ).score;
  }

  /**
   * Whether the listed name is worth comparing letter by letter: all but one of the shorter name's
   * parts share a candidate key (an initial: the first sound) with a part of the other name, and that
   * one at least the class of its first sound. A name with less cannot reach the threshold: a part of
   * both names that differs beyond its keys costs about as much as the threshold allows.
   */
  private plausible(m: number, traveller: PreparedName): boolean {
    const n = traveller.parts.length;
    let strong = 0;
    let weak = 0;
    let used = 0;
    for (let l = 0; l < m; l++) {
      const mask = this.agreement(l, traveller);
      const keyed = mask & 0xff & ~used;
      if (keyed !== 0) {
        strong++;
        used |= keyed & -keyed;
      } else if ((mask >> 8) & ~used) weak++;
    }
    const shorter = Math.min(m, n);
    return strong >= Math.max(1, shorter - 1) && strong + weak >= shorter;
  }

  /** Which traveller parts the `l`th scratch listed part shares a key with (bits 0-7), or a first sound (8-15). */
  private agreement(l: number, traveller: PreparedName): number {
    const id = this.listedIds[l] ?? 0;
    if (this.agreeSeen[id] === this.query) return this.agree[id] ?? 0;
    const part = this.listedParts[l];
    if (part === undefined) return 0;
    const keys = this.partKeyIds[id] ?? [];
    let mask = 0;
    const parts = traveller.parts;
    for (const [j, other] of parts.entries()) {
      if (part.initialClass !== other.initialClass) continue;
      mask |= 0x100 << j;
      if (part.initial || other.initial) mask |= 1 << j;
    }
    if (!part.initial) {
      const full = ~initialsOf(parts);
      for (const k of keys)
        if (k !== -1 && this.keyStamp[k] === this.query) mask |= (this.keyParts[k] ?? 0) & full;
    }
    this.agreeSeen[id] = this.query;
    this.agree[id] = mask;
    return mask;
  }

  private ensurePartCache(): void {
    const parts = this.names.partCount;
    if (parts <= this.partSeen.length) return;
    const size = Math.ceil(parts * 1.5);
    this.partSeen = grown(this.partSeen, new Uint32Array(size));
    this.partSimilarity = grown(this.partSimilarity, new Float64Array(size * MAX_PARTS));
    this.partKind = grown(this.partKind, new Uint8Array(size * MAX_PARTS));
    this.agreeSeen = grown(this.agreeSeen, new Uint32Array(size));
    this.agree = grown(this.agree, new Uint16Array(size));
  }
}

/** Bits of a name's parts that are initials. */
function initialsOf(parts: readonly NamePart[]): number {
  let bits = 0;
  parts.forEach((part, j) => {
    if (part.initial) bits |= 1 << j;
  });
  return bits;
}

function grown<T extends Uint32Array | Uint16Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
