import {
  DOCUMENT_TYPE_CODES,
  isInBlankSeries,
  type DocumentStatusName,
  type DocumentTypeName,
} from '@docscreen/travel-documents';
import { csvField } from '../csv.js';
import { dateOfDays, daysOf, isIsoDate } from '../dates.js';
import { NATIONAL_LIST_FIELDS } from '../fields.js';
import type {
  NationalListEntry,
  NationalListFormat,
  NationalListRecord,
  NationalListSeries,
} from '../types.js';
import { CompiledFormat, NUMBER_FORMATS, SERIES_BLOCK } from './number-formats.js';
import { FeistelPermutation, Mulberry32, hash2 } from './random.js';

// Math functions as module constants: global lookups are slow inside vm contexts (Jest), and this code
// runs per line.
const { ceil, floor } = Math;

export interface GenerateOptions {
  /** Data lines (entries) to generate. */
  count: number;
  /** Any 32-bit integer: the same seed (and options) gives the same list, line for line. */
  seed: number;
  format: NationalListFormat;
  /** Issuing states to draw from (see `NUMBER_FORMATS`); by default all. */
  states?: readonly string[];
  /** About one line in this many is a stolen blank series (one in each block of so many lines); 0 for none. Default 1000. */
  seriesEvery?: number;
  /** `YYYY-MM-DD` the list is made on: reports fall in the 10 years up to it. Default `2026-01-01`, fixed so
   * that a seed means the same list on every day. */
  today?: string;
}

/** A listed number picked from a synthetic list: a record's number, or a number inside a series. */
export interface ListedSample {
  issuingState: string;
  documentType: DocumentTypeName;
  /** Normal form. */
  documentNumber: string;
  status: DocumentStatusName;
  /** `record` when listed individually, `series` when it lies in a listed blank series. */
  via: 'record' | 'series';
  /** The physical line that lists it. */
  line: number;
}

/** A number of a listed state's format that the synthetic list does not list (under any type). */
export interface UnlistedSample {
  issuingState: string;
  documentType: DocumentTypeName;
  documentNumber: string;
}

/** The default `today` of generated lists. */
export const GENERATOR_DEFAULT_TODAY = '2026-01-01';

const DEFAULT_SERIES_EVERY = 1000;
const REPORT_WINDOW_DAYS = 3653; // ten years
const MIN_SERIES_SIZE = 100;
const CSV_HEADER = NATIONAL_LIST_FIELDS.join(',');

// Salts that keep the streams derived from one seed apart.
const SALT_ENTRY = 0x1;
const SALT_SERIES_POSITION = 0x2;
const SALT_RECORD_PERMUTATION = 0x3;
const SALT_SERIES_PERMUTATION = 0x4;
const SALT_SLOTS = 0x5;
const SALT_SAMPLE = 0x6;

/** Everything drawn for one line: the entry and how its line spells it. */
interface Drawn {
  entry: NationalListEntry;
  /** Document number, or the series bounds, as the line writes them. */
  numberText: string;
  firstText: string;
  lastText: string;
  prefixText: string;
  typeText: string;
}

/**
 * A synthetic national list, defined by its options and computed line by line on demand: entry `i`
 * depends only on the seed and `i` (a counter-based stream), so any line can be made without the
 * others and nothing but a few tables is kept in memory, whatever the count.
 *
 * Records are unique: a record's number is its format's number of index P(i), P a keyed permutation
 * of the format's number space, and i its line's index. About one line in `seriesEvery` (one at a
 * seeded position in each block of that many) is a series of 100–5,000 stolen blanks; series of one
 * format occupy disjoint blocks of 5,000 numbers, and records never lie in them.
 */
export class SyntheticNationalList {
  readonly count: number;
  readonly format: NationalListFormat;
  readonly today: string;
  private readonly seed: number;
  private readonly entryKey: number;
  private readonly seriesPositionKey: number;
  private readonly seriesEvery: number;
  private readonly todayDays: number;
  private readonly formats: CompiledFormat[];
  /** Record format index by draw in [0, total weight). */
  private readonly recordTable: Uint8Array;
  private readonly recordPermutations: FeistelPermutation[];
  /** Series format index by slot, a shuffled weighted round robin, and each slot's rank among its format's. */
  private readonly seriesSlots: Uint8Array;
  private readonly seriesSlotRank: Uint32Array;
  private readonly seriesSlotsPerFormat: Uint32Array;
  private readonly seriesPermutations: (FeistelPermutation | undefined)[];
  private readonly random = new Mulberry32(0);
  private seriesByState: Map<string, NationalListSeries[]> | undefined;

  constructor(options: GenerateOptions) {
    const { count, seed, format } = options;
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`count: expected an integer >= 0, got ${count}`);
    if (format !== 'csv' && format !== 'jsonl')
      throw new RangeError(`format: expected csv or jsonl, got ${String(format)}`);
    const seriesEvery = options.seriesEvery ?? DEFAULT_SERIES_EVERY;
    if (!Number.isSafeInteger(seriesEvery) || seriesEvery < 0) {
      throw new RangeError(`seriesEvery: expected an integer >= 0, got ${seriesEvery}`);
    }
    const today = options.today ?? GENERATOR_DEFAULT_TODAY;
    if (!isIsoDate(today)) throw new RangeError(`today: ${JSON.stringify(today)} is not a date YYYY-MM-DD`);
    this.count = count;
    this.seed = seed | 0;
    this.entryKey = this.key(SALT_ENTRY);
    this.seriesPositionKey = this.key(SALT_SERIES_POSITION);
    this.format = format;
    this.seriesEvery = seriesEvery;
    this.today = today;
    this.todayDays = daysOf(today);

    const states = options.states === undefined ? undefined : new Set(options.states);
    const chosen = NUMBER_FORMATS.filter((f) => states === undefined || states.has(f.issuingState));
    for (const state of states ?? []) {
      if (!chosen.some((f) => f.issuingState === state)) {
        throw new RangeError(
          `states: no number format for ${JSON.stringify(state)}; known: ${[...new Set(NUMBER_FORMATS.map((f) => f.issuingState))].join(', ')}`,
        );
      }
    }
    if (chosen.length === 0) throw new RangeError('states: empty');
    this.formats = chosen.map((definition) => new CompiledFormat(definition));

    const recordTable: number[] = [];
    this.formats.forEach((f, index) => {
      if (count > f.recordSpace) {
        throw new RangeError(
          `count: ${count} exceeds the ${f.recordSpace} numbers of the ${f.definition.issuingState} ${f.definition.documentCode} format`,
        );
      }
      for (let w = 0; w < f.definition.weight; w++) recordTable.push(index);
    });
    this.recordTable = Uint8Array.from(recordTable);
    this.recordPermutations = this.formats.map(
      (f, index) => new FeistelPermutation(f.recordSpace, hash2(this.key(SALT_RECORD_PERMUTATION), index)),
    );

    // Series: a weighted round robin over the formats that have series, shuffled by the seed.
    const slots: number[] = [];
    this.formats.forEach((f, index) => {
      if (f.seriesCapacity > 0) for (let w = 0; w < f.definition.weight; w++) slots.push(index);
    });
    const shuffle = new Mulberry32(this.key(SALT_SLOTS));
    for (let i = slots.length - 1; i > 0; i--) {
      const j = shuffle.below(i + 1);
      [slots[i], slots[j]] = [slots[j] ?? 0, slots[i] ?? 0];
    }
    this.seriesSlots = Uint8Array.from(slots);
    this.seriesSlotRank = new Uint32Array(slots.length);
    this.seriesSlotsPerFormat = new Uint32Array(this.formats.length);
    slots.forEach((formatIndex, slot) => {
      const rank = this.seriesSlotsPerFormat[formatIndex] ?? 0;
      this.seriesSlotRank[slot] = rank;
      this.seriesSlotsPerFormat[formatIndex] = rank + 1;
    });
    const blocks = seriesEvery === 0 ? 0 : ceil(count / seriesEvery);
    if (blocks > 0 && slots.length === 0)
      throw new RangeError('states: none of their formats has blank series; set seriesEvery: 0');
    this.seriesPermutations = this.formats.map((f, index) => {
      if (f.seriesCapacity === 0) return undefined;
      const needed = ceil(blocks / slots.length) * (this.seriesSlotsPerFormat[index] ?? 0);
      if (needed > f.seriesCapacity) {
        throw new RangeError(
          `seriesEvery: ${blocks} series are more than the ${f.definition.issuingState} ${f.definition.documentCode} format can keep apart; raise seriesEvery`,
        );
      }
      return new FeistelPermutation(f.seriesCapacity, hash2(this.key(SALT_SERIES_PERMUTATION), index));
    });
  }

  /** The key of one of the streams derived from the seed. */
  private key(salt: number): number {
    return hash2(this.seed, salt);
  }

  /** Physical line number of entry `index` (the CSV header is line 1). */
  lineOf(index: number): number {
    return this.format === 'csv' ? index + 2 : index + 1;
  }

  /** Whether entry `index` is a blank series. */
  isSeries(index: number): boolean {
    const every = this.seriesEvery;
    if (every === 0) return false;
    const block = floor(index / every);
    return index - block * every === hash2(this.seriesPositionKey, block) % every;
  }

  /** The indices of the series entries, in order (about count / seriesEvery of them). */
  *seriesIndices(): Generator<number> {
    const every = this.seriesEvery;
    if (every === 0) return;
    for (let block = 0; block * every < this.count; block++) {
      const index = block * every + (hash2(this.seriesPositionKey, block) % every);
      if (index < this.count) yield index;
    }
  }

  /** Entry `index` in [0, count), as the parser yields it for its line. */
  entry(index: number): NationalListEntry {
    return this.draw(index).entry;
  }

  /** The data line of entry `index`, without a line terminator. */
  line(index: number): string {
    return this.render(this.draw(index));
  }

  /** The CSV header (undefined for JSON Lines). */
  get header(): string | undefined {
    return this.format === 'csv' ? CSV_HEADER : undefined;
  }

  /** All entries in order. */
  *entries(): Generator<NationalListEntry> {
    for (let index = 0; index < this.count; index++) yield this.draw(index).entry;
  }

  /** All lines in order, without terminators: the CSV header first. */
  *lines(): Generator<string> {
    if (this.format === 'csv') yield CSV_HEADER;
    for (let index = 0; index < this.count; index++) yield this.render(this.draw(index));
  }

  /** `n` listed numbers drawn (with repetition) from the list, with how they are listed. */
  sampleListed(n: number, sampleSeed = 1): ListedSample[] {
    if (this.count === 0) return [];
    const random = new Mulberry32(hash2(this.key(SALT_SAMPLE), sampleSeed));
    const samples: ListedSample[] = [];
    for (let k = 0; k < n; k++) {
      const index = random.below(this.count);
      const entry = this.entry(index);
      if (entry.kind === 'record') {
        const { issuingState, documentType, documentNumber, status } = entry.record;
        samples.push({ issuingState, documentType, documentNumber, status, via: 'record', line: entry.line });
      } else {
        const { issuingState, documentType, prefix, firstNumber, lastNumber, status } = entry.series;
        const size = Number(lastNumber) - Number(firstNumber) + 1;
        const digits = String(Number(firstNumber) + random.below(size)).padStart(firstNumber.length, '0');
        samples.push({
          issuingState,
          documentType,
          documentNumber: prefix + digits,
          status,
          via: 'series',
          line: entry.line,
        });
      }
    }
    return samples;
  }

  /**
   * `n` numbers in the formats of the list's states that the list does not list: not a record of that
   * state under any type, not in any of its series. (The first call enumerates the series.)
   */
  sampleUnlisted(n: number, sampleSeed = 1): UnlistedSample[] {
    const random = new Mulberry32(hash2(this.key(SALT_SAMPLE), ~sampleSeed));
    const seriesByState = this.listedSeries();
    const samples: UnlistedSample[] = [];
    while (samples.length < n) {
      const formatIndex = this.recordTable[random.below(this.recordTable.length)] ?? 0;
      const f = at(this.formats, formatIndex);
      // Indices at or past `count` are never used by a record of this format.
      const unused = f.recordSpace - this.count;
      if (unused <= 0) continue;
      const value = at(this.recordPermutations, formatIndex).apply(this.count + random.below(unused));
      const documentNumber = f.recordNumber(value);
      const { issuingState } = f.definition;
      const series = seriesByState.get(issuingState) ?? [];
      if (series.some((s) => isInBlankSeries(documentNumber, s))) continue; // cannot happen by design
      samples.push({ issuingState, documentType: typeOf(f), documentNumber });
    }
    return samples;
  }

  /** Every series of the list, by issuing state. */
  listedSeries(): Map<string, NationalListSeries[]> {
    if (this.seriesByState === undefined) {
      const byState = new Map<string, NationalListSeries[]>();
      for (const index of this.seriesIndices()) {
        const entry = this.entry(index);
        if (entry.kind !== 'series') continue;
        const list = byState.get(entry.series.issuingState) ?? [];
        list.push(entry.series);
        byState.set(entry.series.issuingState, list);
      }
      this.seriesByState = byState;
    }
    return this.seriesByState;
  }

  private draw(index: number): Drawn {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`index ${index}: expected an integer in [0, ${this.count})`);
    }
    const random = this.random;
    random.reseed(hash2(this.entryKey, index));
    const line = this.lineOf(index);
    const reportedDays = this.todayDays - random.below(REPORT_WINDOW_DAYS);
    const reportedOn = dateOfDays(reportedDays);

    if (this.isSeries(index)) {
      const block = floor(index / this.seriesEvery);
      const slot = block % this.seriesSlots.length;
      const formatIndex = this.seriesSlots[slot] ?? 0;
      const f = at(this.formats, formatIndex);
      const ordinal =
        floor(block / this.seriesSlots.length) * (this.seriesSlotsPerFormat[formatIndex] ?? 0) +
        (this.seriesSlotRank[slot] ?? 0);
      const value = at(this.seriesPermutations, formatIndex).apply(ordinal);
      const prefix = f.seriesPrefix(floor(value / f.seriesBlocks));
      const size = MIN_SERIES_SIZE + random.below(SERIES_BLOCK - MIN_SERIES_SIZE + 1);
      const start = (value % f.seriesBlocks) * SERIES_BLOCK + random.below(SERIES_BLOCK - size + 1);
      const digits = f.definition.series?.digits ?? 6;
      const series: NationalListSeries = {
        issuingState: f.definition.issuingState,
        documentType: typeOf(f),
        prefix,
        firstNumber: `${start}`.padStart(digits, '0'),
        lastNumber: `${start + size - 1}`.padStart(digits, '0'),
        status: 'stolen_blank',
        reportedOn,
      };
      if (random.next() < 0.5) series.lostOn = dateOfDays(reportedDays - random.below(30));
      const reference = this.reference(f.definition.issuingState, reportedOn, 0.8);
      if (reference !== undefined) series.authorityReference = reference;
      // Now and then whole numbers instead of prefix + digits (only where the split is unambiguous:
      // the parser takes the prefix to end at the last non-digit).
      const whole = prefix === '' || (/[A-Z]$/.test(prefix) && random.next() < 0.2);
      return {
        entry: { kind: 'series', line, series },
        numberText: '',
        prefixText: whole ? '' : prefix,
        firstText: whole ? prefix + series.firstNumber : series.firstNumber,
        lastText: whole ? prefix + series.lastNumber : series.lastNumber,
        typeText: f.definition.documentCode,
      };
    }

    const formatIndex = this.recordTable[random.below(this.recordTable.length)] ?? 0;
    const f = at(this.formats, formatIndex);
    const documentNumber = f.recordNumber(at(this.recordPermutations, formatIndex).apply(index));
    const roll = random.next();
    const status: DocumentStatusName =
      roll < 0.54
        ? 'lost'
        : roll < 0.9
          ? 'stolen'
          : roll < 0.96
            ? 'revoked'
            : roll < 0.998
              ? 'invalidated'
              : 'stolen_blank';
    const record: NationalListRecord = {
      issuingState: f.definition.issuingState,
      documentType: typeOf(f),
      documentNumber,
      status,
      reportedOn,
    };
    if ((status === 'lost' || status === 'stolen') && random.next() < 0.6) {
      record.lostOn = dateOfDays(reportedDays - random.below(90));
    }
    const reference = this.reference(record.issuingState, reportedOn, 0.7);
    if (reference !== undefined) record.authorityReference = reference;
    // Most lists write numbers as printed; some in lower case or grouped.
    const spelling = random.next();
    const numberText =
      spelling < 0.97
        ? documentNumber
        : spelling < 0.985
          ? documentNumber.toLowerCase()
          : `${documentNumber.slice(0, 3)} ${documentNumber.slice(3, 6)}-${documentNumber.slice(6)}`;
    return {
      entry: { kind: 'record', line, record },
      numberText,
      prefixText: '',
      firstText: '',
      lastText: '',
      typeText: random.next() < 0.98 ? f.definition.documentCode : typeOf(f),
    };
  }

  /** An authority reference with probability `share`: mostly `NLD/2024/004512`, now and then free text. */
  private reference(state: string, reportedOn: string, share: number): string | undefined {
    const random = this.random;
    if (random.next() >= share) return undefined;
    const sequence = `${random.below(1_000_000)}`.padStart(6, '0');
    const kind = random.next();
    if (kind < 0.98) return `${state}/${reportedOn.slice(0, 4)}/${sequence}`;
    if (kind < 0.995) return `${state} police, case ${sequence}`; // a comma: quoted in CSV
    return `report "${sequence}" (desk B)`; // quotes: doubled in CSV
  }

  private render(drawn: Drawn): string {
    const { entry } = drawn;
    const fields = entry.kind === 'record' ? entry.record : entry.series;
    if (this.format === 'csv') {
      const reference = fields.authorityReference === undefined ? '' : csvField(fields.authorityReference);
      return (
        `${fields.issuingState},${drawn.typeText},${drawn.numberText},${fields.status},${fields.reportedOn},` +
        `${fields.lostOn ?? ''},${reference},${drawn.prefixText},${drawn.firstText},${drawn.lastText}`
      );
    }
    const object: Record<string, string> = {
      issuing_state: fields.issuingState,
      document_type: drawn.typeText,
    };
    if (entry.kind === 'record') object['document_number'] = drawn.numberText;
    else {
      if (drawn.prefixText !== '') object['series_prefix'] = drawn.prefixText;
      object['series_first'] = drawn.firstText;
      object['series_last'] = drawn.lastText;
    }
    object['status'] = fields.status;
    object['reported_on'] = fields.reportedOn;
    if (fields.lostOn !== undefined) object['lost_on'] = fields.lostOn;
    if (fields.authorityReference !== undefined) object['authority_reference'] = fields.authorityReference;
    return JSON.stringify(object);
  }
}

function typeOf(f: CompiledFormat): DocumentTypeName {
  return DOCUMENT_TYPE_CODES[f.definition.documentCode] ?? 'OTHER';
}

/** The lines of a synthetic national list (the CSV header first), without terminators. */
export function generateNationalList(options: GenerateOptions): Generator<string> {
  return new SyntheticNationalList(options).lines();
}

/** `n` numbers that the synthetic list of `options` lists, with their state, type and line. */
export function sampleListed(options: GenerateOptions, n: number, sampleSeed = 1): ListedSample[] {
  return new SyntheticNationalList(options).sampleListed(n, sampleSeed);
}

/** `n` numbers of the list's formats that the synthetic list of `options` does not list. */
export function sampleUnlisted(options: GenerateOptions, n: number, sampleSeed = 1): UnlistedSample[] {
  return new SyntheticNationalList(options).sampleUnlisted(n, sampleSeed);
}

function at<T>(array: readonly T[], index: number): NonNullable<T> {
  const value = array[index];
  if (value === undefined || value === null) throw new RangeError(`no element ${index}`);
  return value;
}
