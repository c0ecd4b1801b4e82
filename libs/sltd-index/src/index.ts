// Public API of @docscreen/sltd-index: the screening-side index of lost, stolen, revoked and invalidated
// documents and stolen blank series (docs/adr/0007-sltd-index-layout.md).
export { SltdIndex } from './sltd-index.js';
export type { IndexStats } from './sltd-index.js';
export type { SeriesEntry } from './series-index.js';
export type {
  IndexHit,
  ListedDocument,
  ListedSeries,
  RecordHit,
  SeriesHit,
  SnapshotMetadata,
  UpsertOutcome,
} from './types.js';
