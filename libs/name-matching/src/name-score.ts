import { jaroWinkler } from './jaro-winkler.js';
import type { MatchingParameters } from './matching-parameters.js';
import { PART_ROLES, type NamePart, type PartRole } from './name-parts.js';

/** How two parts were found alike, for the explanation. */
export const PART_MATCH_KINDS = [
  'exact',
  'spelling', // the same under Doc 9303's other spelling or another transliteration scheme
  'similar', // Jaro–Winkler
  'phonetic', // Double Metaphone keys agree
  'initial',
  'compound', // with its particles joined on
  'consonants', // unvocalised Arabic against a spelling of it
  'different',
] as const;
export type PartMatchKind = (typeof PART_MATCH_KINDS)[number];
const KIND = Object.fromEntries(PART_MATCH_KINDS.map((k, i) => [k, i])) as Record<PartMatchKind, number>;

/** The result of comparing two parts; reused by callers that compare many. */
export interface PartComparison {
  similarity: number;
  /** Index into `PART_MATCH_KINDS`. */
  kind: number;
}

/** How alike two name parts are, in [0, 1], and why. */
export function compareParts(a: NamePart, b: NamePart, p: MatchingParameters, out: PartComparison): void {
  const set = (similarity: number, kind: number) => {
    out.similarity = similarity;
    out.kind = kind;
  };
  if (a.initial || b.initial) {
    if (a.initial && b.initial)
      return set(a.fold === b.fold ? 1 : 0, a.fold === b.fold ? KIND.exact : KIND.different);
    const [initial, full] = a.initial ? [a, b] : [b, a];
    // J for JEGOR is an initial of EGOR (Е is E or JE): the class of the first sound decides, the letter
    // itself counts more.
    const letter = full.text[0] === initial.text || full.fold[0] === initial.fold;
    const sound = letter || full.initialClass === initial.initialClass;
    return set(
      letter ? p.parts.initial : sound ? p.parts.initialSound : 0,
      sound ? KIND.initial : KIND.different,
    );
  }
  if (a.text === b.text) return set(1, KIND.exact);
  if (a.plain === b.text || a.text === b.plain || (a.plain !== '' && a.plain === b.plain))
    return set(1, KIND.spelling);
  // Compared as folded: a spelling of another scheme is then the same, a misspelling one letter off.
  const folded = a.fold === b.fold ? 1 : jaroWinkler(a.fold, b.fold);
  let best = folded * p.parts.folded;
  let kind = folded === 1 ? KIND.spelling : KIND.similar;
  const consider = (similarity: number, why: number) => {
    if (similarity > best) {
      best = similarity;
      kind = why;
    }
  };
  // Folding can also cost a little (two spellings folded unlike): the spellings as written then count.
  if (folded < 1 && (a.fold !== a.text || b.fold !== b.text))
    consider(jaroWinkler(a.text, b.text), KIND.similar);
  if (a.compound !== '' || b.compound !== '') {
    const compound = Math.max(
      a.compound === '' ? 0 : jaroWinkler(a.compound, b.text),
      b.compound === '' ? 0 : jaroWinkler(a.text, b.compound),
    );
    consider(compound * p.parts.compound, KIND.compound);
  }
  if ((a.unvocalised || b.unvocalised) && a.skeleton !== '' && b.skeleton !== '') {
    const [arabic, other] = a.unvocalised ? [a, b] : [b, a];
    // The long vowels Arabic writes (و, ي, ا) must be in the Latin spelling too, in order; not the
    // first letter's, which stands for a short vowel ع or أ carries (عمر is OMAR).
    const written = /^[AEIOU]/.test(arabic.fold) ? arabic.fold.slice(1) : arabic.fold;
    const vowels = other.unvocalised || isSubsequence(written, other.fold) ? 1 : p.parts.missingLongVowel;
    consider(jaroWinkler(a.skeleton, b.skeleton) * p.parts.skeleton * vowels, KIND.consonants);
  }
  if (
    best < p.parts.phoneticFloor &&
    !a.unvocalised &&
    !b.unvocalised &&
    keysAgree(a, b) &&
    a.text.length >= p.parts.phoneticMinLength &&
    b.text.length >= p.parts.phoneticMinLength &&
    folded >= p.parts.phoneticMinimum
  )
    consider(p.parts.phoneticFloor, KIND.phonetic);
  return set(best, kind);
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (let i = 0; i < long.length && at < short.length; i++) if (long[i] === short[at]) at++;
  return at === short.length;
}

function keysAgree(a: NamePart, b: NamePart): boolean {
  const [a1, a2] = a.keys;
  const [b1, b2] = b.keys;
  if (a1 === '' || b1 === '') return false;
  return a1 === b1 || a1 === b2 || (a2 !== '' && (a2 === b1 || a2 === b2));
}

/** The weight of a part in its name's score. */
export function roleWeight(role: PartRole | undefined, p: MatchingParameters): number {
  switch (role) {
    case PART_ROLES.surname:
      return p.name.surnameWeight;
    case PART_ROLES.firstGiven:
      return p.name.givenWeight;
    case PART_ROLES.laterGiven:
      return p.name.laterGivenWeight;
    default:
      return p.name.unknownRoleWeight;
  }
}

// --- alignment -----------------------------------------------------------------------------------

const MAX_PARTS = 8;
const MASKS = 1 << MAX_PARTS;
let dp = new Float64Array(MASKS);
let next = new Float64Array(MASKS);
const choice = new Int8Array(MAX_PARTS * MASKS);
const weighted = new Float64Array(MAX_PARTS * MAX_PARTS);

/**
 * The best one-to-one pairing of listed parts with traveller parts, in any order: the pairing with the
 * largest sum of weight × contribution over pairs (see `scorePairing`). `similarity[l * travellerCount + t]`. Writes, for each
 * listed part, the traveller part it pairs with or -1, into `pairing`.
 */
export function alignParts(
  listed: readonly NamePart[],
  listedRoles: readonly PartRole[],
  traveller: readonly NamePart[],
  travellerRoles: readonly PartRole[],
  similarity: ArrayLike<number>,
  pairing: Int8Array,
  p: MatchingParameters,
): void {
  const listedCount = listed.length;
  const travellerCount = traveller.length;
  const m = Math.min(listedCount, MAX_PARTS);
  const n = Math.min(travellerCount, MAX_PARTS);
  pairing.fill(-1, 0, listedCount);
  if (m === 0 || n === 0) return;
  // Rows are the shorter side: every part of it is paired, the longer side's other parts are extra.
  const rowsAreListed = m <= n;
  const rows = rowsAreListed ? m : n;
  const cols = rowsAreListed ? n : m;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const [l, t] = rowsAreListed ? [r, c] : [c, r];
      const w = pairWeight(listed[l], listedRoles[l], traveller[t], travellerRoles[t], p);
      weighted[r * cols + c] = w * contribution(similarity[l * travellerCount + t] ?? 0, p);
    }
  const size = 1 << cols;
  dp.fill(-Infinity, 0, size);
  dp[0] = 0;
  for (let r = 0; r < rows; r++) {
    next.fill(-Infinity, 0, size);
    for (let mask = 0; mask < size; mask++) {
      const base = dp[mask] ?? 0;
      if (base === -Infinity) continue;
      for (let c = 0; c < cols; c++) {
        const bit = 1 << c;
        if (mask & bit) continue;
        const value = base + (weighted[r * cols + c] ?? 0);
        if (value > (next[mask | bit] ?? 0)) {
          next[mask | bit] = value;
          choice[r * MASKS + (mask | bit)] = c;
        }
      }
    }
    [dp, next] = [next, dp];
  }
  let mask = 0;
  for (let candidate = 1; candidate < size; candidate++)
    if ((dp[candidate] ?? 0) > (dp[mask] ?? 0)) mask = candidate;
  for (let r = rows - 1; r >= 0; r--) {
    const c = choice[r * MASKS + mask] ?? 0;
    mask ^= 1 << c;
    if (rowsAreListed) pairing[r] = c;
    else pairing[c] = r;
  }
}

/** Aligns the parts of two names (into `pairing`) and scores the alignment. */
export function scoreName(
  listed: readonly NamePart[],
  listedRoles: readonly PartRole[],
  traveller: readonly NamePart[],
  travellerRoles: readonly PartRole[],
  similarity: ArrayLike<number>,
  pairing: Int8Array,
  p: MatchingParameters,
): NameScore {
  alignParts(listed, listedRoles, traveller, travellerRoles, similarity, pairing, p);
  return scorePairing(listed, listedRoles, traveller, travellerRoles, similarity, pairing, p);
}

/** The name score of a pairing, and what went into it. */
export interface NameScore {
  readonly score: number;
  /** Taken off for parts one name has and the other lacks. */
  readonly penalty: number;
}

/**
 * Scores a pairing: the weighted mean of the pairs' contributions (their similarity, or steeply less
 * below `partMatch`: a part both names have but spell differently counts against them), less a light
 * penalty for each part only one name has.
 */
export function scorePairing(
  listed: readonly NamePart[],
  listedRoles: readonly PartRole[],
  traveller: readonly NamePart[],
  travellerRoles: readonly PartRole[],
  similarity: ArrayLike<number>,
  pairing: Int8Array,
  p: MatchingParameters,
): NameScore {
  let weights = 0;
  let sum = 0;
  let paired = 0;
  let crossed = false;
  const n = traveller.length;
  for (let l = 0; l < listed.length; l++) {
    const t = pairing[l] ?? 0;
    if (t < 0) continue;
    paired |= 1 << t;
    crossed ||= isCrossed(listedRoles[l], travellerRoles[t]);
    const s = similarity[l * n + t] ?? 0;
    const w = pairWeight(listed[l], listedRoles[l], traveller[t], travellerRoles[t], p);
    weights += w;
    sum += w * contribution(s, p);
  }
  if (weights === 0) return { score: 0, penalty: 0 };
  let penalty = 0;
  for (let l = 0; l < listed.length; l++)
    if ((pairing[l] ?? 0) < 0) penalty += extraPenalty(listed[l], listedRoles[l], p);
  for (let t = 0; t < n; t++)
    if ((paired & (1 << t)) === 0) penalty += extraPenalty(traveller[t], travellerRoles[t], p);
  penalty = Math.min(penalty, p.name.maxExtraPenalty);
  if (crossed) penalty += p.name.crossedRolesPenalty;
  if (
    !surnameMatched(
      listedRoles,
      (l) => similarity[l * n + (pairing[l] ?? 0)] ?? 0,
      (l) => (pairing[l] ?? 0) >= 0,
      p,
    )
  )
    penalty += p.name.surnameUnmatchedPenalty;
  else {
    const pairOf = new Int8Array(n).fill(-1);
    for (let l = 0; l < listed.length; l++) if ((pairing[l] ?? 0) >= 0) pairOf[pairing[l] ?? 0] = l;
    if (
      !surnameMatched(
        travellerRoles,
        (t) => similarity[(pairOf[t] ?? 0) * n + t] ?? 0,
        (t) => (pairOf[t] ?? 0) >= 0,
        p,
      )
    )
      penalty += p.name.surnameUnmatchedPenalty;
  }
  return { score: sum / weights - penalty, penalty };
}

/** A family name paired with a given name (roles known on both sides). */
function isCrossed(a: PartRole | undefined, b: PartRole | undefined): boolean {
  if (a === undefined || b === undefined || a === PART_ROLES.unknown || b === PART_ROLES.unknown)
    return false;
  return (a === PART_ROLES.surname) !== (b === PART_ROLES.surname);
}

/** What a pair adds to a name: its similarity, or steeply less below `partMatch`. */
function contribution(similarity: number, p: MatchingParameters): number {
  const { partMatch, mismatchSlope } = p.name;
  return similarity >= partMatch
    ? similarity
    : Math.max(-1, similarity - mismatchSlope * (partMatch - similarity));
}

/** Whether a name whose family name is told apart has a part of it paired and matching. */
function surnameMatched(
  roles: readonly PartRole[],
  similarityOf: (part: number) => number,
  isPaired: (part: number) => boolean,
  p: MatchingParameters,
): boolean {
  let surnames = 0;
  for (let i = 0; i < roles.length; i++) {
    if (roles[i] !== PART_ROLES.surname) continue;
    surnames++;
    if (isPaired(i) && similarityOf(i) >= p.name.surnameMatch) return true;
  }
  return surnames === 0;
}

/** A pair weighs the mean of its two parts' weights; less when one is an initial. */
export function pairWeight(
  a: NamePart | undefined,
  ar: PartRole | undefined,
  b: NamePart | undefined,
  br: PartRole | undefined,
  p: MatchingParameters,
): number {
  const w = (roleWeight(ar, p) + roleWeight(br, p)) / 2;
  return a?.initial || b?.initial ? w * p.name.initialWeight : w;
}

function extraPenalty(part: NamePart | undefined, role: PartRole | undefined, p: MatchingParameters): number {
  const penalty = role === PART_ROLES.surname ? p.name.extraSurnamePenalty : p.name.extraGivenPenalty;
  return part?.initial ? penalty / 2 : penalty;
}
