// Public API of @docscreen/travel-documents: the one normalisation of document numbers, states and
// types, and the registry keys built from them, shared by the registry, the index and screening.
export {
  isNormalDocumentNumber,
  maskDocumentNumber,
  normaliseDocumentNumber,
  readDocumentNumber,
} from './document-number.js';
export type { DocumentNumberReading } from './document-number.js';
export { normaliseIssuingState } from './issuing-state.js';
export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_CODES,
  documentTypeName,
  requireDocumentType,
} from './document-type.js';
export type { DocumentTypeName } from './document-type.js';
export { DOCUMENT_STATUSES, isDocumentStatus } from './document-status.js';
export type { DocumentStatusName } from './document-status.js';
export { isInBlankSeries, normaliseBlankSeries } from './blank-series.js';
export type { BlankSeries, BlankSeriesRange, NormalBlankSeries } from './blank-series.js';
export { blankSeriesKey, documentKey, normaliseDocumentRef } from './document-key.js';
export type { DocumentRef, NormalDocumentRef } from './document-key.js';
