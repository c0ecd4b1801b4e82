import { familyKeys, filingKeys, lookupKeys, partKeys } from './candidate-keys.js';
import { yearOf, type Sex } from './evidence.js';
import { MATCHING_PARAMETERS_V1, type MatchingParameters } from './matching-parameters.js';
import {
  explain,
  finalScore,
  prepareEntry,
  prepareTraveller,
  weighEvidence,
  type MatchExplanation,
  type PreparedTraveller,
  type Traveller,
  type WatchlistEntry,
} from './matcher.js';
import { ListedNameScorer, MAX_PARTS } from './listed-name-scorer.js';
import { NameStore } from './name-store.js';
import type { PreparedName } from './name-parts.js';
import { PostingTable, lowerBound } from './posting-table.js';

/** A listed person the traveller matched, best first. */
export interface WatchlistMatch {
  readonly entryId: string;
  readonly score: number;
  readonly explanation: MatchExplanation;
}

export interface WatchlistIndexStats {
  readonly entries: number;
  readonly names: number;
  /** Distinct name words held (each once, however many entries share it). */
  readonly distinctParts: number;
  readonly keys: number;
  readonly postings: number;
}

/**
 * The in-memory watchlist a screening replica matches travellers against: entries added, replaced and
 * removed as the list changes; `match` returns the listed persons a traveller matches, each explained.
 * Candidates come from the keys of `candidate-keys.ts` and the documents; each is scored with the
 * matcher (`name-score.ts`, `evidence.ts`) under the index's parameters.
 */
export class WatchlistIndex {
  readonly parameters: MatchingParameters;
  private postings = new PostingTable();
  private readonly keyIds = new Map<string, number>();
  private readonly names = new NameStore();
  private readonly slotOf = new Map<string, number>();
  private ids: (string | undefined)[] = [];
  private birthDates = new Int32Array(1024);
  private sexes = new Uint8Array(1024);
  private nationalities: (readonly string[] | undefined)[] = [];
  private readonly sharedNationalities = new Map<string, readonly string[]>();
  private readonly documents = new Map<number, readonly string[]>();
  /** Listed document numbers (normal form) → slots. */
  private readonly byDocument = new Map<string, number | number[]>();
  private dead = 0;
  // Per query: slots seen (stamped with the query's number).
  private seen = new Uint32Array(1024);
  private query = 0;
  private readonly scorer = new ListedNameScorer(this.names);

  constructor(parameters: MatchingParameters = MATCHING_PARAMETERS_V1) {
    this.parameters = parameters;
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an entry, or replaces the entry of the same id. @throws RangeError for a malformed birth date. */
  upsert(entry: WatchlistEntry): void {
    const prepared = prepareEntry(entry);
    this.remove(entry.id);
    const slot = this.ids.length;
    this.ids.push(entry.id);
    this.slotOf.set(entry.id, slot);
    this.ensureSlots(slot + 1);
    this.birthDates[slot] = prepared.birthDate;
    this.sexes[slot] = prepared.sex === undefined ? 0 : 'MFX'.indexOf(prepared.sex) + 1;
    this.nationalities.push(this.shared(prepared.nationalities));
    if (prepared.documents.length > 0) {
      this.documents.set(slot, prepared.documents);
      for (const token of prepared.documents) this.fileDocument(token, slot);
    }
    this.names.store(slot, prepared.names);
    prepared.names.forEach((name, k) => this.file(slot, k, name));
  }

  /** Removes the entry of this id; whether there was one. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    for (const token of this.documents.get(slot) ?? []) this.unfileDocument(token, slot);
    this.documents.delete(slot);
    this.nationalities[slot] = undefined;
    this.dead++;
    if (this.dead > 1024 && this.dead > this.ids.length / 3) this.rebuild();
    return true;
  }

  /** Listed persons the traveller matches at or above the threshold, best first, each explained. */
  match(traveller: Traveller, options: { threshold?: number; limit?: number } = {}): WatchlistMatch[] {
    const threshold = options.threshold ?? this.parameters.threshold;
    const t = prepareTraveller(traveller);
    const name = clipped(t.name);
    const matches: WatchlistMatch[] = [];
    for (const slot of this.candidates(t, name)) {
      const found = this.score(slot, t, name, threshold);
      if (found !== undefined) matches.push(found);
    }
    matches.sort((a, b) => b.score - a.score);
    return options.limit === undefined ? matches : matches.slice(0, options.limit);
  }

  /** How many listed persons the traveller's keys reach before scoring: the cost of a match. */
  candidateCount(traveller: Traveller): number {
    const t = prepareTraveller(traveller);
    return this.candidates(t, clipped(t.name)).length;
  }

  stats(): WatchlistIndexStats {
    return {
      entries: this.size,
      names: this.names.nameCount,
      distinctParts: this.names.partCount,
      keys: this.postings.keyCount,
      postings: this.postings.postingCount,
    };
  }

  // --- filing ------------------------------------------------------------------------------------

  private file(slot: number, k: number, name: PreparedName): void {
    const strings = name.parts.map((part) => partKeys(part, false));
    const ids = strings.map((keys) => keys.map((key) => this.keyId(key, true)));
    this.scorer.noteKeys(slot, k, ids);
    const family = name.parts.map((part, i) =>
      familyKeys(part, strings[i] ?? []).map((key) => this.keyId(key, true)),
    );
    const date = dateCode(this.birthDates[slot] ?? 0);
    for (const key of filingKeys(name.parts, name.roles, ids, family, date !== 0))
      this.postings.add(key, slot, date);
  }

  /**
   * Packs the postings added since the last compaction into contiguous runs, which lookups read fastest.
   * Done on its own as the index grows; call it after loading a whole list.
   */
  compact(): void {
    this.postings.compact();
  }

  private keyId(key: string, create: boolean): number {
    let id = this.keyIds.get(key);
    if (id === undefined && create) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id ?? -1;
  }

  private fileDocument(token: string, slot: number): void {
    const number = token.slice(token.indexOf(':') + 1);
    const filed = this.byDocument.get(number);
    if (filed === undefined) this.byDocument.set(number, slot);
    else if (typeof filed === 'number') this.byDocument.set(number, [filed, slot]);
    else filed.push(slot);
  }

  private unfileDocument(token: string, slot: number): void {
    const number = token.slice(token.indexOf(':') + 1);
    const filed = this.byDocument.get(number);
    if (filed === slot) this.byDocument.delete(number);
    else if (Array.isArray(filed)) {
      const rest = filed.filter((s) => s !== slot);
      if (rest.length === 1) this.byDocument.set(number, rest[0] ?? slot);
      else this.byDocument.set(number, rest);
    }
  }

  private shared(nationalities: readonly string[]): readonly string[] | undefined {
    if (nationalities.length === 0) return undefined;
    const key = nationalities.join(',');
    let shared = this.sharedNationalities.get(key);
    if (shared === undefined) {
      shared = Object.freeze([...nationalities]);
      this.sharedNationalities.set(key, shared);
    }
    return shared;
  }

  private ensureSlots(count: number): void {
    if (count <= this.birthDates.length) return;
    const size = Math.ceil(count * 1.5);
    this.birthDates = grown(this.birthDates, new Int32Array(size));
    this.sexes = grown(this.sexes, new Uint8Array(size));
    this.seen = grown(this.seen, new Uint32Array(size));
  }

  /** Files every live entry again, in new slots, without the removed ones. */
  private rebuild(): void {
    const live = [...this.slotOf.entries()].sort((a, b) => a[1] - b[1]);
    const old = { birthDates: this.birthDates, sexes: this.sexes, nationalities: this.nationalities };
    const documents = new Map(this.documents);
    const names = live.map(([, slot]) => this.names.read(slot));
    this.postings = new PostingTable();
    this.names.clear();
    this.documents.clear();
    this.byDocument.clear();
    this.slotOf.clear();
    this.ids = [];
    this.nationalities = [];
    this.birthDates = new Int32Array(live.length + 1024);
    this.sexes = new Uint8Array(live.length + 1024);
    this.seen = new Uint32Array(live.length + 1024);
    this.query = 0;
    this.dead = 0;
    live.forEach(([id, from], slot) => {
      this.ids.push(id);
      this.slotOf.set(id, slot);
      this.birthDates[slot] = old.birthDates[from] ?? 0;
      this.sexes[slot] = old.sexes[from] ?? 0;
      this.nationalities.push(old.nationalities[from]);
      const tokens = documents.get(from);
      if (tokens !== undefined) {
        this.documents.set(slot, tokens);
        for (const token of tokens) this.fileDocument(token, slot);
      }
      const entryNames = names[slot] ?? [];
      this.names.store(slot, entryNames);
      entryNames.forEach((name, k) => this.file(slot, k, name));
    });
  }

  // --- matching ----------------------------------------------------------------------------------

  private candidates(t: PreparedTraveller, name: PreparedName): number[] {
    const found: number[] = [];
    if (++this.query === 0xffffffff) {
      this.seen.fill(0);
      this.query = 1;
    }
    for (const token of t.documents) {
      const filed = this.byDocument.get(token.slice(token.indexOf(':') + 1));
      for (const slot of typeof filed === 'number' ? [filed] : (filed ?? [])) this.consider(slot, found);
    }
    const strings = name.parts.map((part) => partKeys(part, true));
    const known = (keys: string[]) => keys.map((key) => this.keyId(key, false)).filter((id) => id !== -1);
    const ids = strings.map(known);
    const family = name.parts.map((part, i) => known(familyKeys(part, strings[i] ?? [])));
    this.scorer.begin(this.query, ids, this.keyIds.size);
    // A listed date with a month must be of the traveller's year; a listed year only, within the
    // tolerance; no date on either side, anything. Read from the postings' own date codes: within a run
    // ordered by code, the ranges wanted are found by binary search.
    const date = dateCode(t.birthDate);
    const year = date & YEAR;
    const tolerance = this.parameters.birthDate.yearTolerance;
    const ranges: [number, number][] =
      date === 0
        ? [[0, 0xffff]]
        : [
            [0, 0],
            [year - tolerance, year + tolerance],
            date & PRECISE
              ? [PRECISE | year, PRECISE | year]
              : [PRECISE | (year - tolerance), PRECISE | (year + tolerance)],
          ];
    const fits = (listed: number) => ranges.some(([low, high]) => listed >= low && listed <= high);
    const postings = this.postings;
    for (const key of lookupKeys(name.parts, name.roles, ids, family)) {
      const start = postings.runOf(key);
      if (start !== -1) {
        const { slots, dates } = postings;
        const end = start + postings.runLength;
        if (end - start <= 16) {
          for (let at = start; at < end; at++) if (fits(dates[at] ?? 0)) this.consider(slots[at] ?? 0, found);
        } else
          for (const [low, high] of ranges)
            for (let at = lowerBound(dates, start, end, low); at < end && (dates[at] ?? 0) <= high; at++)
              this.consider(slots[at] ?? 0, found);
      }
      const { nodeSlot, nodeDate, nodeNext } = postings;
      for (let node = postings.firstRecent(key); node !== -1; node = nodeNext[node] ?? 0)
        if (fits(nodeDate[node] ?? 0)) this.consider(nodeSlot[node] ?? 0, found);
    }
    return found;
  }

  private consider(slot: number, found: number[]): void {
    if (this.seen[slot] === this.query) return;
    this.seen[slot] = this.query;
    if (this.ids[slot] !== undefined) found.push(slot);
  }

  private score(
    slot: number,
    t: PreparedTraveller,
    name: PreparedName,
    threshold: number,
  ): WatchlistMatch | undefined {
    const p = this.parameters;
    let best = -Infinity;
    let bestName = -1;
    const count = this.names.nameCountOf(slot);
    for (let k = 0; k < count; k++) {
      const score = this.scorer.score(slot, k, name, p);
      if (score > best) {
        best = score;
        bestName = k;
      }
    }
    if (bestName === -1) return undefined;
    const documents = this.documents.get(slot) ?? [];
    const bonus = p.birthDate.exact + p.nationality.shared + (documents.length > 0 ? p.document.same : 0);
    if (best + bonus < threshold) return undefined;
    const sex = this.sexes[slot] ?? 0;
    const listed = {
      birthDate: this.birthDates[slot] ?? 0,
      sex: sex === 0 ? undefined : ('MFX'[sex - 1] as Sex),
      nationalities: this.nationalities[slot] ?? [],
      documents,
    };
    const evidence = weighEvidence(listed, t, p);
    if (finalScore(best, evidence) < threshold) return undefined;
    this.scorer.score(slot, bestName, name, p); // its comparisons are in the scorer's arrays again
    const stored = this.names.readName(slot, bestName);
    const { similarity, kinds, pairing } = this.scorer;
    const explanation = explain(stored, bestName, { ...t, name }, similarity, kinds, pairing, evidence, p);
    return { entryId: this.ids[slot] ?? '', score: explanation.score, explanation };
  }
}

const PRECISE = 0x8000;
const YEAR = 0x7fff;

/**
 * A birth date as a posting's 16-bit code: 0 for none; else the years since 1800, + 0x8000 when the
 * month is known (then only the same year can match). Runs are ordered by it: none, years only,
 * dates with a month.
 */
function dateCode(code: number): number {
  if (code === 0) return 0;
  const year = Math.min(Math.max(yearOf(code) - 1800, 1), YEAR - 16);
  return code % 10000 !== 0 ? PRECISE | year : year;
}

/** The traveller's name with at most `MAX_PARTS` parts (the rest are not aligned). */
function clipped(name: PreparedName): PreparedName {
  if (name.parts.length <= MAX_PARTS) return name;
  return { ...name, parts: name.parts.slice(0, MAX_PARTS), roles: name.roles.slice(0, MAX_PARTS) };
}

function grown<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(
  from: T,
  to: T,
): T {
  to.set(from);
  return to;
}
