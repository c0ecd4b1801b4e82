import {
  normaliseBlankSeries,
  normaliseDocumentNumber,
  normaliseDocumentRef,
  normaliseIssuingState,
  requireDocumentType,
  type BlankSeries,
  type DocumentRef,
  type DocumentTypeName,
} from '@docscreen/travel-documents';
import { LongNumbers } from './long-numbers.js';
import { LONG, PACKED_LENGTH, packHalf, unpackNumber } from './number-code.js';
import {
  KEY_MASK,
  STATE_MASK,
  packMeta,
  stateCode,
  stateName,
  statusCode,
  statusOfMeta,
  typeBits,
  typeCode,
  typeOfMeta,
} from './record-meta.js';
import { RecordTable } from './record-table.js';
import { SeriesIndex, type SeriesEntry } from './series-index.js';
import { decodeSnapshot, decodeSnapshotMetadata, encodeSnapshot } from './snapshot.js';
import type {
  IndexHit,
  ListedDocument,
  ListedSeries,
  RecordHit,
  SnapshotMetadata,
  UpsertOutcome,
} from './types.js';

const TYPE_MASK = KEY_MASK & ~STATE_MASK;

/** Sizes of the parts of an index, for metrics and benchmarks. */
export interface IndexStats {
  records: number;
  series: number;
  longNumbers: number;
  slots: number;
  loadFactor: number;
  bytesUsed: number;
}

/**
 * The screening-side index of lost, stolen, revoked and invalidated documents and of stolen blank
 * series (docs/adr/0007-sltd-index-layout.md): about 15-23 bytes a record, lookups in microseconds.
 *
 * Every input goes through `@docscreen/travel-documents`, so any spelling of a number finds the
 * records listed under any other. Answers are exact: a record hits when its issuing state and
 * normalised number equal the ones looked up (and its type, when a type is given), never otherwise.
 * Not safe for concurrent use from several threads (there are none in one Node.js isolate).
 */
export class SltdIndex {
  private table: RecordTable;
  private longs = new LongNumbers();
  private blankSeries = new SeriesIndex();
  // The code of the number being handled (see `codeOf`), kept here so that lookups allocate nothing.
  private hi = 0;
  private lo = 0;

  constructor() {
    this.table = new RecordTable();
  }

  /** An empty index that holds `records` records before it has to grow (and rehash). */
  static withCapacity(records: number): SltdIndex {
    const index = new SltdIndex();
    index.table = RecordTable.forRecords(records);
    return index;
  }

  /** Records listed (individual documents, not series). */
  get size(): number {
    return this.table.size;
  }

  /** Blank series listed. */
  get seriesCount(): number {
    return this.blankSeries.size;
  }

  /** Memory held: the record table exactly, the long numbers and series as estimates. */
  get bytesUsed(): number {
    return this.table.byteLength + this.longs.bytesUsed + this.blankSeries.bytesUsed;
  }

  stats(): IndexStats {
    return {
      records: this.table.size,
      series: this.blankSeries.size,
      longNumbers: this.longs.size,
      slots: this.table.slotCount,
      loadFactor: this.table.size / this.table.slotCount,
      bytesUsed: this.bytesUsed,
    };
  }

  /**
   * Lists a document, or changes the status of one listed under the same state, type and number.
   *
   * @throws RangeError when the state, type, number or status is invalid.
   */
  upsert(record: ListedDocument): UpsertOutcome {
    const { issuingState, documentType, documentNumber } = normaliseDocumentRef(record);
    const status = statusCode(record.status);
    if (status === 0) throw new RangeError(`invalid status ${JSON.stringify(record.status)}`);
    const meta = packMeta(stateCode(issuingState), typeCode(documentType), status);
    if (this.codeOf(documentNumber)) {
      const slot = this.table.find(this.hi, this.lo, meta, KEY_MASK);
      if (slot >= 0) {
        if (this.table.metaAt(slot) === meta) return 'unchanged';
        this.table.setMetaAt(slot, meta);
        return 'updated';
      }
    }
    if (documentNumber.length > PACKED_LENGTH) {
      this.hi = this.longs.acquire(documentNumber);
      this.lo = LONG;
    }
    this.table.insert(this.hi, this.lo, meta);
    return 'added';
  }

  /**
   * Withdraws a listed document (recovered, cancelled): it never hits again until listed anew.
   * Returns whether it was listed.
   *
   * @throws RangeError when the state, type or number is invalid.
   */
  withdraw(record: DocumentRef): boolean {
    const { issuingState, documentType, documentNumber } = normaliseDocumentRef(record);
    if (!this.codeOf(documentNumber)) return false;
    const key = packMeta(stateCode(issuingState), typeCode(documentType), 0);
    const slot = this.table.find(this.hi, this.lo, key, KEY_MASK);
    if (slot < 0) return false;
    this.table.removeAt(slot);
    if (this.lo === LONG) this.longs.release(this.hi);
    return true;
  }

  /**
   * Lists a blank series, or changes the status of the one with the same state, type, prefix and
   * bounds.
   *
   * @throws RangeError when the state, type, bounds or status are invalid.
   */
  upsertSeries(series: ListedSeries): UpsertOutcome {
    if (statusCode(series.status) === 0)
      throw new RangeError(`invalid status ${JSON.stringify(series.status)}`);
    return this.blankSeries.upsert(normaliseBlankSeries(series), series.status);
  }

  /** Withdraws a blank series with exactly this state, type, prefix and bounds; whether it was listed. */
  withdrawSeries(series: BlankSeries): boolean {
    return this.blankSeries.withdraw(normaliseBlankSeries(series));
  }

  /**
   * The listed records of `issuingState` with this number, and its listed blank series that contain
   * the number; only those of `documentType` (a name or code) when given. Empty when none is listed.
   *
   * @throws RangeError when the state is not an ICAO code, the number is empty after normalisation,
   * or `documentType` names no known type (pass `undefined` for a type you cannot map).
   */
  lookup(issuingState: string, documentNumber: string, documentType?: string): IndexHit[] {
    const state = normaliseIssuingState(issuingState);
    const number = normalisedNumber(documentNumber);
    const type: DocumentTypeName | undefined =
      documentType === undefined ? undefined : requireDocumentType(documentType);
    const hits: IndexHit[] = [];
    if (this.codeOf(number)) {
      const code = stateCode(state);
      const wanted = type === undefined ? -1 : typeBits(type);
      this.table.forNumber(this.hi, this.lo, (meta) => {
        if ((meta & STATE_MASK) === code && (wanted < 0 || (meta & TYPE_MASK) === wanted)) {
          hits.push(recordHit(state, number, meta));
        }
      });
    }
    this.blankSeries.collect(state, number, type, hits);
    return hits;
  }

  /**
   * The other issuing states that list a document with this number (any type), sorted: an
   * informational near match, since the same number issued by two states is two documents. Blank
   * series are not consulted.
   *
   * @throws RangeError when the state is not an ICAO code or the number is empty after normalisation.
   */
  listedElsewhere(issuingState: string, documentNumber: string): string[] {
    const code = stateCode(normaliseIssuingState(issuingState));
    const number = normalisedNumber(documentNumber);
    if (!this.codeOf(number)) return [];
    const states = new Set<string>();
    this.table.forNumber(this.hi, this.lo, (meta) => {
      if ((meta & STATE_MASK) !== code) states.add(stateName(meta & STATE_MASK));
    });
    return [...states].sort();
  }

  /** Every listed record, in normal form, in no particular order. */
  *records(): IterableIterator<ListedDocument> {
    for (const [hi, lo, meta] of this.table.entries()) {
      yield {
        issuingState: stateName(meta & STATE_MASK),
        documentType: typeOfMeta(meta),
        documentNumber: this.numberOf(hi, lo),
        status: statusOfMeta(meta),
      };
    }
  }

  /** Every listed blank series, in normal form. */
  series(): IterableIterator<SeriesEntry> {
    return this.blankSeries.entries();
  }

  /**
   * The whole index as bytes, for the caller to write to disk; `metadata` (JSON) travels with it,
   * e.g. the topic offsets the index is current to.
   */
  snapshot(metadata: SnapshotMetadata = {}): Uint8Array {
    return encodeSnapshot({
      slots: this.table.raw,
      records: this.table.size,
      metadata,
      longNumbers: this.longs.toJSON(),
      series: [...this.blankSeries.entries()],
    });
  }

  /**
   * The index a snapshot holds. The index takes the bytes over: when they are 4-byte aligned (as a
   * file read whole is) its record table is a view of them, not a copy, so the caller must not
   * change or reuse them afterwards.
   *
   * @throws RangeError when the bytes are not a complete, intact snapshot of this format version.
   */
  static fromSnapshot(bytes: Uint8Array): SltdIndex {
    const parts = decodeSnapshot(bytes);
    const index = new SltdIndex();
    index.table = RecordTable.fromRaw(parts.slots, parts.records);
    index.longs = LongNumbers.fromJSON(parts.longNumbers);
    for (const entry of parts.series) index.blankSeries.upsert(normaliseBlankSeries(entry), entry.status);
    return index;
  }

  /** The metadata a snapshot was taken with, without loading it. */
  static snapshotMetadata(bytes: Uint8Array): SnapshotMetadata {
    return decodeSnapshotMetadata(bytes);
  }

  /**
   * Sets `hi`/`lo` to the code of a normalised number. False when the number is long and was never
   * interned, so that no record has it.
   */
  private codeOf(number: string): boolean {
    if (number.length <= PACKED_LENGTH) {
      this.hi = packHalf(number, 0);
      this.lo = packHalf(number, 6);
      return true;
    }
    const id = this.longs.idOf(number);
    if (id === undefined) return false;
    this.hi = id;
    this.lo = LONG;
    return true;
  }

  private numberOf(hi: number, lo: number): string {
    return lo === LONG ? this.longs.numberOf(hi) : unpackNumber(hi, lo);
  }
}

function normalisedNumber(documentNumber: string): string {
  const number = normaliseDocumentNumber(documentNumber);
  if (number === '') throw new RangeError('invalid document number: empty after normalisation');
  return number;
}

function recordHit(issuingState: string, documentNumber: string, meta: number): RecordHit {
  return {
    kind: 'record',
    issuingState,
    documentType: typeOfMeta(meta),
    documentNumber,
    status: statusOfMeta(meta),
  };
}
