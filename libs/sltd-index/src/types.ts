import type {
  BlankSeries,
  BlankSeriesRange,
  DocumentRef,
  DocumentStatusName,
  DocumentTypeName,
} from '@docscreen/travel-documents';

/** An individual document to list: state, type (name or code), number in any spelling, status. */
export interface ListedDocument extends DocumentRef {
  status: DocumentStatusName;
}

/** A blank series to list: state, type (name or code), prefix, bounds, status. */
export interface ListedSeries extends BlankSeries {
  status: DocumentStatusName;
}

/** A listed individual document that matches a lookup: the same state and normalised number. */
export interface RecordHit {
  kind: 'record';
  issuingState: string;
  documentType: DocumentTypeName;
  /** The normalised number. */
  documentNumber: string;
  status: DocumentStatusName;
}

/** A listed blank series of the same state that contains the number looked up. */
export interface SeriesHit extends BlankSeriesRange {
  kind: 'blank-series';
  issuingState: string;
  documentType: DocumentTypeName;
  status: DocumentStatusName;
}

export type IndexHit = RecordHit | SeriesHit;

/** What `upsert` and `upsertSeries` did. */
export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

/** Whatever the caller keeps beside a snapshot, e.g. the topic offsets it was taken at. JSON only. */
export type SnapshotMetadata = Record<string, unknown>;
