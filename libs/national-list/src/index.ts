// Public API of @docscreen/national-list: the import format of national lists of lost, stolen, revoked
// and invalidated travel documents and stolen blank series (README.md), a streaming parser for it, and
// a generator of realistic synthetic lists for tests and benchmarks. No I/O: callers pass lines.
export {
  NationalListParser,
  detectFormat,
  linesOf,
  parseNationalList,
  parseNationalListChunks,
  parseNationalListSync,
} from './parser.js';
export type { ParseOptions } from './parser.js';
export {
  MAX_AUTHORITY_REFERENCE_LENGTH,
  MAX_DOCUMENT_NUMBER_LENGTH,
  NATIONAL_LIST_FIELDS,
} from './fields.js';
export type { NationalListField } from './fields.js';
export { NationalListHeaderError } from './types.js';
export type {
  NationalListEntry,
  NationalListEvent,
  NationalListFormat,
  NationalListRecord,
  NationalListRecordEvent,
  NationalListRejectEvent,
  NationalListSeries,
  NationalListSeriesEvent,
  NationalListWarningEvent,
} from './types.js';
export { csvField, splitCsvLine } from './csv.js';
export type { CsvSyntaxError } from './csv.js';
export {
  GENERATOR_DEFAULT_TODAY,
  SyntheticNationalList,
  generateNationalList,
  sampleListed,
  sampleUnlisted,
} from './generator/synthetic-list.js';
export type { GenerateOptions, ListedSample, UnlistedSample } from './generator/synthetic-list.js';
export { NUMBER_FORMATS, SERIES_BLOCK } from './generator/number-formats.js';
export type { NumberFormat } from './generator/number-formats.js';
