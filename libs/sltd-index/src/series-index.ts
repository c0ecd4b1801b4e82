import type { DocumentStatusName, DocumentTypeName, NormalBlankSeries } from '@docscreen/travel-documents';
import type { IndexHit, UpsertOutcome } from './types.js';

/** A listed series in normal form with its status. */
export interface SeriesEntry extends NormalBlankSeries {
  status: DocumentStatusName;
}

/**
 * Blank series, grouped by prefix and number of digits. A normalised number can only lie in a series
 * whose prefix is one of its beginnings and whose digit count is the length of the rest, all digits:
 * `C01150` may lie in series `C01`+3 digits, `C0`+4, `C`+5 or ``+6 and nowhere else. A lookup tries
 * those groups (only for prefix lengths some series has) and compares bounds within each group as
 * equal-length digit strings.
 *
 * Series are few (thousands, not millions), so plain objects at a few hundred bytes each are fine.
 */
export class SeriesIndex {
  private readonly groups = new Map<string, SeriesEntry[]>();
  /** How many series have a prefix of each length. */
  private readonly prefixLengths: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** An estimate of the memory held: ~300 bytes a series. */
  get bytesUsed(): number {
    return this.count * 300;
  }

  upsert(series: NormalBlankSeries, status: DocumentStatusName): UpsertOutcome {
    const key = groupKey(series.prefix, series.firstNumber.length);
    const group = this.groups.get(key) ?? [];
    const existing = group.find((entry) => sameSeries(entry, series));
    if (existing) {
      if (existing.status === status) return 'unchanged';
      existing.status = status;
      return 'updated';
    }
    if (group.length === 0) this.groups.set(key, group);
    group.push({ ...series, status });
    this.prefixLengths[series.prefix.length] = (this.prefixLengths[series.prefix.length] ?? 0) + 1;
    this.count++;
    return 'added';
  }

  withdraw(series: NormalBlankSeries): boolean {
    const key = groupKey(series.prefix, series.firstNumber.length);
    const group = this.groups.get(key);
    const at = group?.findIndex((entry) => sameSeries(entry, series)) ?? -1;
    if (!group || at < 0) return false;
    group.splice(at, 1);
    if (group.length === 0) this.groups.delete(key);
    this.prefixLengths[series.prefix.length] = (this.prefixLengths[series.prefix.length] ?? 1) - 1;
    this.count--;
    return true;
  }

  /**
   * Appends to `hits` every series of `issuingState` (and `documentType`, when given) that contains
   * `number`, a normalised number.
   */
  collect(
    issuingState: string,
    number: string,
    documentType: DocumentTypeName | undefined,
    hits: IndexHit[],
  ): void {
    if (this.count === 0) return;
    // The digits a series can match are a suffix of the trailing run of digits, at least one long.
    let start = number.length;
    while (start > 0 && isDigit(number.charCodeAt(start - 1))) start--;
    for (let prefixLength = start; prefixLength < number.length; prefixLength++) {
      if (!this.prefixLengths[prefixLength]) continue;
      const group = this.groups.get(groupKey(number.slice(0, prefixLength), number.length - prefixLength));
      if (!group) continue;
      const digits = number.slice(prefixLength);
      for (const entry of group) {
        if (
          entry.issuingState === issuingState &&
          (documentType === undefined || entry.documentType === documentType) &&
          digits >= entry.firstNumber &&
          digits <= entry.lastNumber
        ) {
          hits.push({ kind: 'blank-series', ...entry });
        }
      }
    }
  }

  /** Every listed series. */
  *entries(): IterableIterator<SeriesEntry> {
    for (const group of this.groups.values()) for (const entry of group) yield { ...entry };
  }
}

function groupKey(prefix: string, digits: number): string {
  return `${prefix}/${digits}`;
}

function isDigit(charCode: number): boolean {
  return charCode >= 48 && charCode <= 57;
}

function sameSeries(a: NormalBlankSeries, b: NormalBlankSeries): boolean {
  return (
    a.issuingState === b.issuingState &&
    a.documentType === b.documentType &&
    a.prefix === b.prefix &&
    a.firstNumber === b.firstNumber &&
    a.lastNumber === b.lastNumber
  );
}
