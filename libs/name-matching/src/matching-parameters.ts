/**
 * Weights and thresholds of the matcher: versioned data, named in every explanation, so that a finding
 * can be read against the parameters that produced it. A change of any value is a new version.
 */
export interface MatchingParameters {
  readonly version: string;
  /** A candidate at or above this final score is a match. */
  readonly threshold: number;
  /** How two name parts compare (each in [0, 1]). */
  readonly parts: {
    /** An initial against a name it begins (J and JOHN) … */
    readonly initial: number;
    /** … or whose first sound it may stand for (J and EGOR, from JEGOR). */
    readonly initialSound: number;
    /** At least this when the Double Metaphone keys agree … */
    readonly phoneticFloor: number;
    /** … and the folded spellings are at least this alike (YASSER and JAZAIRI share a key, not a name) … */
    readonly phoneticMinimum: number;
    /** … and both have at least this many letters (TRAN and TRINH, JAN and JOANNA share keys too). */
    readonly phoneticMinLength: number;
    /** Similarity of folded spellings (IULIIA / YULIYA) is scaled by this. */
    readonly folded: number;
    /** A part with its particles joined on against one word (VAN DER BERG / VANDERBERG). */
    readonly compound: number;
    /** Consonant skeletons when one side was unvocalised Arabic (محمد / MOHAMMED) … */
    readonly skeleton: number;
    /** … scaled again when a long vowel the Arabic writes is not in the Latin (محمود is not MOHAMMED). */
    readonly missingLongVowel: number;
  };
  /** How the aligned parts make a name score. */
  readonly name: {
    /** Parts at or above this similarity match; below it they count against the name, steeply. */
    readonly partMatch: number;
    /** Contribution of a pair below `partMatch`: similarity − slope × (partMatch − similarity). */
    readonly mismatchSlope: number;
    readonly surnameWeight: number;
    readonly givenWeight: number;
    /** Second and later given names. */
    readonly laterGivenWeight: number;
    readonly unknownRoleWeight: number;
    /** A pair with an initial counts this share of its weight. */
    readonly initialWeight: number;
    /** Each part one name has and the other lacks (a dropped middle name, a second surname). */
    readonly extraGivenPenalty: number;
    readonly extraSurnamePenalty: number;
    readonly maxExtraPenalty: number;
    /** When no family name part of either side (where it is told apart) pairs at least this well … */
    readonly surnameMatch: number;
    /** … this is taken off. */
    readonly surnameUnmatchedPenalty: number;
    /** A family name paired with a given name (fields swapped somewhere): taken off once. */
    readonly crossedRolesPenalty: number;
  };
  /** Birth dates, by what both sides give (added to the name score). */
  readonly birthDate: {
    readonly exact: number;
    readonly sameYearMonth: number;
    readonly sameYear: number;
    /** Where the list gives only the year: at most this many years apart … */
    readonly yearTolerance: number;
    /** … each costing this much. */
    readonly perYearApart: number;
    /** Day and month swapped (03-04 / 04-03). */
    readonly transposed: number;
    readonly dayDiffers: number;
    readonly monthDiffers: number;
    readonly contradicts: number;
    /** Either side gives no birth date: the name alone has to carry the match. */
    readonly unknown: number;
  };
  readonly sex: { readonly same: number; readonly different: number };
  readonly nationality: { readonly shared: number; readonly different: number };
  readonly document: { readonly same: number };
}

/** Freezes an object and every object in it. */
function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value))
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * Version 1, tuned on the generated evaluation set of seed 1 (5,000 listed persons, 30,000 clean
 * travellers); measured on other seeds (`evaluation/`, tests/bench/name-quality.bench.ts).
 */
export const MATCHING_PARAMETERS_V1: MatchingParameters = deepFreeze({
  version: 'name-matching/v1',
  threshold: 0.9,
  parts: {
    initial: 0.9,
    initialSound: 0.85,
    phoneticFloor: 0.88,
    phoneticMinimum: 0.75,
    phoneticMinLength: 5,
    folded: 0.98,
    compound: 0.97,
    skeleton: 0.95,
    missingLongVowel: 0.8,
  },
  name: {
    partMatch: 0.85,
    mismatchSlope: 3,
    surnameWeight: 1,
    givenWeight: 0.8,
    laterGivenWeight: 0.5,
    unknownRoleWeight: 0.8,
    initialWeight: 0.5,
    extraGivenPenalty: 0.02,
    extraSurnamePenalty: 0.05,
    maxExtraPenalty: 0.08,
    surnameMatch: 0.8,
    surnameUnmatchedPenalty: 0.1,
    crossedRolesPenalty: 0.03,
  },
  birthDate: {
    exact: 0.08,
    sameYearMonth: 0.04,
    sameYear: 0.02,
    yearTolerance: 3,
    perYearApart: 0.03,
    transposed: 0,
    dayDiffers: -0.08,
    monthDiffers: -0.2,
    contradicts: -0.45,
    unknown: -0.08,
  },
  sex: { same: 0, different: -0.15 },
  nationality: { shared: 0.02, different: -0.02 },
  document: { same: 0.3 },
});
