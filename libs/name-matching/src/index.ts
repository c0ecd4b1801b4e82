// Public API of @docscreen/name-matching: transliteration-aware fuzzy matching of travellers' names
// against watchlists of persons (names and aliases in any script, partial birth dates), explained.
export { transliterate, transliterateName } from './transliterate.js';
export type { NameScript, TransliteratedWord } from './transliterate.js';
export { jaro, jaroWinkler } from './jaro-winkler.js';
export { doubleMetaphone } from './double-metaphone.js';
export type { PhoneticKeys } from './double-metaphone.js';
export { foldSpelling, prepareName, skeletonOf } from './name-parts.js';
export type { NamePart, NameParticle, PersonName, PreparedName } from './name-parts.js';
export { compareParts, PART_MATCH_KINDS } from './name-score.js';
export type { PartComparison, PartMatchKind } from './name-score.js';
export { compareBirthDates, formatBirthDate, parseBirthDate } from './evidence.js';
export type {
  BirthDateEvidence,
  BirthDateVerdict,
  DocumentEvidence,
  NationalityEvidence,
  PersonDocument,
  SexEvidence,
} from './evidence.js';
export { MATCHING_PARAMETERS_V1 } from './matching-parameters.js';
export type { MatchingParameters } from './matching-parameters.js';
export { matchEntry, prepareEntry, prepareTraveller } from './matcher.js';
export type {
  MatchExplanation,
  PartMatch,
  PreparedEntry,
  PreparedTraveller,
  Traveller,
  WatchlistEntry,
} from './matcher.js';
export { WatchlistIndex } from './watchlist-index.js';
export type { WatchlistIndexStats, WatchlistMatch } from './watchlist-index.js';
// The labelled evaluation set and the measurement beside the GTAS-style baseline (tests, benchmarks).
export { generateEvaluationSet, generateTravellers, generateWatchlist } from './evaluation/evaluation-set.js';
export type { EvaluationSet, EvaluationSetSize, LabelledPair } from './evaluation/evaluation-set.js';
export { evaluateMatching } from './evaluation/evaluate.js';
export type { Evaluation, QualityFigures } from './evaluation/evaluate.js';
export { GTAS_BASELINE } from './evaluation/gtas-baseline.js';
