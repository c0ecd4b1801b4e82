import { DOCUMENT_STATUSES, DOCUMENT_TYPES, normaliseDocumentNumber } from '@docscreen/travel-documents';
import { SltdIndex } from './sltd-index.js';
import type { IndexHit } from './types.js';

// Randomised comparison with a plain Map: over 200k records, every lookup of a present or an absent
// document, with and without type, gives exactly what the Map says (no false negative, no false
// positive), before and after withdrawals, and after a snapshot round trip.

const RECORDS = 200_000;
const STATES = ['D', 'NLD', 'GBR', 'USA', 'FRA', 'XXA', 'ZZ', 'AB', 'Q'];
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** mulberry32: a small seeded generator, so that a failure can be reproduced. */
function seeded(seed: number): () => number {
  const { imul } = Math; // a global lookup in Jest's vm context is slow
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = imul(state ^ (state >>> 15), 1 | state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(0x5eed);
const { floor } = Math;
const pick = <T>(items: readonly T[]): T => items[floor(random() * items.length)]!;
function chars(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[floor(random() * alphabet.length)];
  return text;
}

const pool: string[] = [];
function randomNumber(): string {
  const roll = random();
  let number: string;
  if (roll < 0.2 && pool.length > 0) return pick(pool); // the same number listed by several states
  if (roll < 0.5)
    number = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1 + Math.floor(random() * 2)) + chars('0123456789', 7);
  else if (roll < 0.65)
    number = chars('0123456789', 1 + Math.floor(random() * 12)); // leading zeros too
  else if (roll < 0.75) number = chars(ALPHANUMERIC, 12);
  else if (roll < 0.9)
    number = 'LONG' + chars('0123', 9 + Math.floor(random() * 8)); // 13-20: interned
  else number = chars(ALPHANUMERIC, 1 + Math.floor(random() * 20));
  if (pool.length < 5000) pool.push(number);
  return number;
}

/** Another spelling of the same number: lower case, hyphens, blanks, MRZ fillers. */
function spell(number: string): string {
  const roll = random();
  if (roll < 0.5) return number;
  if (roll < 0.7) return number.toLowerCase();
  if (roll < 0.85) return number.replace(/(.{3})/g, '$1-');
  return ` ${number}<<`;
}

/** The reference: normalised number → its listings `[state, type, status]`. */
class Reference {
  private readonly byNumber = new Map<string, [string, string, string][]>();
  size = 0;

  private at(state: string, type: string, number: string): number {
    return this.byNumber.get(number)?.findIndex(([s, t]) => s === state && t === type) ?? -1;
  }

  set(state: string, type: string, number: string, status: string): void {
    const listings = this.byNumber.get(number) ?? [];
    const at = this.at(state, type, number);
    if (at >= 0) listings[at] = [state, type, status];
    else {
      listings.push([state, type, status]);
      this.byNumber.set(number, listings);
      this.size++;
    }
  }

  delete(state: string, type: string, number: string): void {
    const at = this.at(state, type, number);
    if (at < 0) return;
    this.byNumber.get(number)!.splice(at, 1);
    this.size--;
  }

  has(state: string, type: string, number: string): boolean {
    return this.at(state, type, number) >= 0;
  }

  /** `TYPE/status` of each listing of `number` by `state` (of `type`, when given), sorted. */
  hits(state: string, number: string, type?: string): string[] {
    const hits: string[] = [];
    for (const [s, t, status] of this.byNumber.get(number) ?? []) {
      if (s === state && (type === undefined || t === type)) hits.push(`${t}/${status}`);
    }
    return hits.sort();
  }

  /** Other states listing `number`, sorted. */
  elsewhere(state: string, number: string): string[] {
    const states = new Set<string>();
    for (const [s] of this.byNumber.get(number) ?? []) if (s !== state) states.add(s);
    return [...states].sort();
  }

  *entries(): IterableIterator<[state: string, type: string, number: string, status: string]> {
    for (const [number, listings] of this.byNumber) {
      for (const [state, type, status] of listings) yield [state, type, number, status];
    }
  }
}

const actualHits = (hits: IndexHit[]) => hits.map((hit) => `${hit.documentType}/${hit.status}`).sort();

function check(index: SltdIndex, reference: Reference, queries: [string, string][]): number {
  let mismatches = 0;
  for (const [state, number] of queries) {
    const normal = normaliseDocumentNumber(number);
    const type = random() < 0.3 ? pick(DOCUMENT_TYPES) : undefined;
    if (actualHits(index.lookup(state, number, type)).join() !== reference.hits(state, normal, type).join()) {
      mismatches++;
    }
    if (
      random() < 0.1 &&
      index.listedElsewhere(state, number).join() !== reference.elsewhere(state, normal).join()
    ) {
      mismatches++;
    }
  }
  return mismatches;
}

describe('SltdIndex against a Map', () => {
  it('has no false negatives and no false positives', () => {
    const index = SltdIndex.withCapacity(1000); // grows many times on the way
    const reference = new Reference();
    const listed: [string, string, string][] = [];
    for (let i = 0; i < RECORDS; i++) {
      const state = pick(STATES);
      const type = pick(DOCUMENT_TYPES.slice(0, 3));
      const number = randomNumber();
      const status = pick(DOCUMENT_STATUSES);
      index.upsert({ issuingState: state, documentType: type, documentNumber: spell(number), status });
      reference.set(state, type, number, status);
      listed.push([state, type, number]);
    }
    expect(index.size).toBe(reference.size);

    const present: [string, string][] = [...reference.entries()].map(([state, , number]) => [
      state,
      spell(number),
    ]);
    const absent: [string, string][] = [];
    while (absent.length < RECORDS) {
      const [state, , number] = pick(listed);
      const roll = random();
      if (roll < 0.25)
        absent.push([pick(STATES), randomNumber()]); // mostly absent; checked against the Map anyway
      else if (roll < 0.5) absent.push([state, `${number}0`]);
      else if (roll < 0.75) absent.push([state, number.length > 1 ? number.slice(0, -1) : '7']);
      else absent.push([pick(STATES.filter((s) => s !== state)), number]);
    }
    expect(check(index, reference, present)).toBe(0);
    expect(check(index, reference, absent)).toBe(0);

    // Withdraw about a third, change the status of another third, then list some withdrawn ones again.
    let missedWithdrawals = 0;
    for (const [state, type, number] of listed) {
      if (!reference.has(state, type, number)) continue;
      const roll = random();
      if (roll < 0.33) {
        const ref = { issuingState: state, documentType: type, documentNumber: spell(number) };
        if (!index.withdraw(ref)) missedWithdrawals++;
        reference.delete(state, type, number);
      } else if (roll < 0.66) {
        const status = pick(DOCUMENT_STATUSES);
        index.upsert({ issuingState: state, documentType: type, documentNumber: number, status });
        reference.set(state, type, number, status);
      }
    }
    expect(missedWithdrawals).toBe(0);
    for (const [state, type, number] of listed.slice(0, 10_000)) {
      if (reference.has(state, type, number)) continue;
      index.upsert({ issuingState: state, documentType: type, documentNumber: number, status: 'revoked' });
      reference.set(state, type, number, 'revoked');
    }
    expect(index.size).toBe(reference.size);
    const everyListing = listed.map(([state, , number]): [string, string] => [state, spell(number)]);
    expect(check(index, reference, everyListing)).toBe(0);
    expect(check(index, reference, absent)).toBe(0);

    const loaded = SltdIndex.fromSnapshot(index.snapshot());
    expect(check(loaded, reference, everyListing)).toBe(0);
    const records = (entries: Iterable<[string, string, string, string]>) =>
      new Set([...entries].map((entry) => entry.join(':')));
    expect(
      records([...loaded.records()].map((r) => [r.issuingState, r.documentType, r.documentNumber, r.status])),
    ).toEqual(records(reference.entries()));
  });
});
