import type { DocumentStatusName, DocumentTypeName, NormalBlankSeries } from '@docscreen/travel-documents';

/** The two encodings of a national list: CSV with a header row, or JSON Lines (one object a line). */
export type NationalListFormat = 'csv' | 'jsonl';

/** An individual listed document, in the registry's normal form. */
export interface NationalListRecord {
  /** ICAO 9303 code, e.g. `NLD`, `D` (`normaliseIssuingState`). */
  issuingState: string;
  /** The type name, e.g. `PASSPORT` (`documentTypeName`). */
  documentType: DocumentTypeName;
  /** The normal form (`normaliseDocumentNumber`): A-Z and 0-9 only. */
  documentNumber: string;
  status: DocumentStatusName;
  /** `YYYY-MM-DD`. */
  reportedOn: string;
  /** `YYYY-MM-DD`, not after `reportedOn`; absent when the list does not say. */
  lostOn?: string;
  authorityReference?: string;
}

/** A listed series of stolen blank documents, in normal form (`normaliseBlankSeries`). */
export interface NationalListSeries extends NormalBlankSeries {
  status: 'stolen_blank';
  /** `YYYY-MM-DD`. */
  reportedOn: string;
  /** `YYYY-MM-DD` the blanks went missing, not after `reportedOn`; absent when the list does not say. */
  lostOn?: string;
  authorityReference?: string;
}

/** A data line that lists one document. */
export interface NationalListRecordEvent {
  kind: 'record';
  /** 1-based physical line number in the file (the CSV header is line 1). */
  line: number;
  record: NationalListRecord;
}

/** A data line that lists a series of stolen blanks. */
export interface NationalListSeriesEvent {
  kind: 'series';
  line: number;
  series: NationalListSeries;
}

/** A data line that was not accepted, and why (field name and what was wrong with it). */
export interface NationalListRejectEvent {
  kind: 'reject';
  line: number;
  reason: string;
}

/**
 * Something worth telling the importing authority that rejects no line: unknown CSV columns (once, at
 * the header) or unknown JSON Lines fields (once per field name, at the first line that has it).
 */
export interface NationalListWarningEvent {
  kind: 'warning';
  line: number;
  message: string;
}

/** What the parser yields: one record, series or reject per data line, and now and then a warning. */
export type NationalListEvent =
  NationalListRecordEvent | NationalListSeriesEvent | NationalListRejectEvent | NationalListWarningEvent;

/** A listed entry: a record or a series, as the parser yields them and the generator makes them. */
export type NationalListEntry = NationalListRecordEvent | NationalListSeriesEvent;

/**
 * The whole file is unusable: the CSV header lacks a required column, names one twice, or cannot be
 * read. Nothing of the file should be imported.
 */
export class NationalListHeaderError extends Error {
  override readonly name = 'NationalListHeaderError';

  constructor(
    /** The physical line of the header. */
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}
