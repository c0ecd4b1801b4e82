import {
  compareBirthDates,
  compareDocuments,
  compareNationality,
  compareSex,
  documentToken,
  parseBirthDate,
  readNationality,
  readSex,
  type BirthDateEvidence,
  type DateCode,
  type DocumentEvidence,
  type NationalityEvidence,
  type PersonDocument,
  type Sex,
  type SexEvidence,
} from './evidence.js';
import { MATCHING_PARAMETERS_V1, type MatchingParameters } from './matching-parameters.js';
import { prepareName, type PersonName, type PreparedName } from './name-parts.js';
import {
  PART_MATCH_KINDS,
  alignParts,
  compareParts,
  scorePairing,
  type PartComparison,
  type PartMatchKind,
} from './name-score.js';

/** A person on a watchlist. */
export interface WatchlistEntry {
  readonly id: string;
  /** The name first, then aliases; in any script. */
  readonly names: readonly PersonName[];
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly birthDate?: string;
  readonly sex?: string;
  readonly nationalities?: readonly string[];
  readonly documents?: readonly PersonDocument[];
}

/** A traveller as screening sees one. */
export interface Traveller extends PersonName {
  readonly birthDate?: string;
  readonly sex?: string;
  readonly nationality?: string;
  readonly documents?: readonly PersonDocument[];
}

/** Two parts the alignment paired. */
export interface PartMatch {
  readonly listed: string;
  readonly traveller: string;
  readonly similarity: number;
  readonly kind: PartMatchKind;
}

/** Why a traveller does (or does not) match a listed person: every number that made the score. */
export interface MatchExplanation {
  readonly parameters: string;
  readonly score: number;
  readonly threshold: number;
  readonly name: {
    readonly score: number;
    /** Which of the entry's names matched: 0 is its name, 1… its aliases. */
    readonly nameIndex: number;
    readonly listed: string;
    readonly traveller: string;
    readonly parts: readonly PartMatch[];
    /** Parts only one of the two names has. */
    readonly extraListed: readonly string[];
    readonly extraTraveller: readonly string[];
    readonly penalty: number;
  };
  readonly birthDate: BirthDateEvidence;
  readonly sex: SexEvidence;
  readonly nationality: NationalityEvidence;
  readonly document: DocumentEvidence;
}

/** An entry read for matching. */
export interface PreparedEntry {
  readonly id: string;
  readonly names: readonly PreparedName[];
  readonly birthDate: DateCode;
  readonly sex: Sex | undefined;
  readonly nationalities: readonly string[];
  readonly documents: readonly string[];
}

export interface PreparedTraveller {
  readonly name: PreparedName;
  readonly birthDate: DateCode;
  readonly sex: Sex | undefined;
  readonly nationality: string | undefined;
  readonly documents: readonly string[];
}

/** @throws RangeError for a malformed birth date. */
export function prepareEntry(entry: WatchlistEntry): PreparedEntry {
  return {
    id: entry.id,
    names: entry.names.map(prepareName),
    birthDate: parseBirthDate(entry.birthDate),
    sex: readSex(entry.sex),
    nationalities: (entry.nationalities ?? []).map(readNationality).filter((n) => n !== ''),
    documents: (entry.documents ?? []).map(documentToken).filter((d) => d !== ''),
  };
}

/** @throws RangeError for a malformed birth date. */
export function prepareTraveller(traveller: Traveller): PreparedTraveller {
  const nationality = readNationality(traveller.nationality ?? '');
  return {
    name: prepareName(traveller),
    birthDate: parseBirthDate(traveller.birthDate),
    sex: readSex(traveller.sex),
    nationality: nationality === '' ? undefined : nationality,
    documents: (traveller.documents ?? []).map(documentToken).filter((d) => d !== ''),
  };
}

/** The evidence beside the name, and what it adds up to. */
export interface Evidence {
  readonly birthDate: BirthDateEvidence;
  readonly sex: SexEvidence;
  readonly nationality: NationalityEvidence;
  readonly document: DocumentEvidence;
  readonly adjustment: number;
}

export function weighEvidence(
  entry: Omit<PreparedEntry, 'id' | 'names'>,
  traveller: PreparedTraveller,
  p: MatchingParameters,
): Evidence {
  const birthDate = compareBirthDates(entry.birthDate, traveller.birthDate, p);
  const sex = compareSex(entry.sex, traveller.sex, p);
  const nationality = compareNationality(entry.nationalities, traveller.nationality, p);
  const document = compareDocuments(entry.documents, traveller.documents, p);
  const adjustment = birthDate.adjustment + sex.adjustment + nationality.adjustment + document.adjustment;
  return { birthDate, sex, nationality, document, adjustment };
}

/** The final score: the name score with the evidence added, in [0, 1]. */
export function finalScore(nameScore: number, evidence: Evidence): number {
  return Math.min(1, Math.max(0, nameScore + evidence.adjustment));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The explanation of one name of an entry against the traveller, from a pairing already made. */
export function explain(
  listed: PreparedName,
  nameIndex: number,
  traveller: PreparedTraveller,
  similarity: ArrayLike<number>,
  kinds: ArrayLike<number>,
  pairing: Int8Array,
  evidence: Evidence,
  p: MatchingParameters,
): MatchExplanation {
  const t = traveller.name;
  const { score: nameScore, penalty } = scorePairing(
    listed.parts,
    listed.roles,
    t.parts,
    t.roles,
    similarity,
    pairing,
    p,
  );
  const n = t.parts.length;
  const parts: PartMatch[] = [];
  const pairedTraveller = new Set<number>();
  for (let l = 0; l < listed.parts.length; l++) {
    const j = pairing[l] ?? 0;
    if (j < 0) continue;
    pairedTraveller.add(j);
    parts.push({
      listed: listed.parts[l]?.text ?? '',
      traveller: t.parts[j]?.text ?? '',
      similarity: round(similarity[l * n + j] ?? 0),
      kind: PART_MATCH_KINDS[kinds[l * n + j] ?? 0] ?? 'different',
    });
  }
  return {
    parameters: p.version,
    score: round(finalScore(nameScore, evidence)),
    threshold: p.threshold,
    name: {
      score: round(nameScore),
      nameIndex,
      listed: listed.display,
      traveller: t.display,
      parts,
      extraListed: listed.parts.filter((_, l) => (pairing[l] ?? 0) < 0).map((part) => part.text),
      extraTraveller: t.parts.filter((_, j) => !pairedTraveller.has(j)).map((part) => part.text),
      penalty: round(penalty),
    },
    birthDate: evidence.birthDate,
    sex: evidence.sex,
    nationality: evidence.nationality,
    document: evidence.document,
  };
}

/**
 * Compares one listed person with one traveller, without an index: the best of the entry's names, with
 * its explanation (whether or not it reaches the threshold; `score >= threshold` is a match).
 */
export function matchEntry(
  entry: WatchlistEntry | PreparedEntry,
  traveller: Traveller | PreparedTraveller,
  p: MatchingParameters = MATCHING_PARAMETERS_V1,
): MatchExplanation {
  const e = isPrepared(entry) ? entry : prepareEntry(entry);
  const t = 'name' in traveller ? traveller : prepareTraveller(traveller);
  const evidence = weighEvidence(e, t, p);
  const comparison: PartComparison = { similarity: 0, kind: 0 };
  let best: MatchExplanation | undefined;
  e.names.forEach((name, nameIndex) => {
    const n = t.name.parts.length;
    const similarity = new Float64Array(name.parts.length * n);
    const kinds = new Uint8Array(name.parts.length * n);
    name.parts.forEach((listed, l) =>
      t.name.parts.forEach((part, j) => {
        compareParts(listed, part, p, comparison);
        similarity[l * n + j] = comparison.similarity;
        kinds[l * n + j] = comparison.kind;
      }),
    );
    const pairing = new Int8Array(name.parts.length);
    alignParts(name.parts, name.roles, t.name.parts, t.name.roles, similarity, pairing, p);
    const explanation = explain(name, nameIndex, t, similarity, kinds, pairing, evidence, p);
    if (best === undefined || explanation.score > best.score) best = explanation;
  });
  return best ?? explain(emptyName(), 0, t, [], [], new Int8Array(0), evidence, p);
}

function isPrepared(entry: WatchlistEntry | PreparedEntry): entry is PreparedEntry {
  return typeof entry.birthDate === 'number';
}

const emptyName = (): PreparedName => ({ parts: [], roles: [], particles: [], display: '' });
