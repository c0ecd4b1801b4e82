import { MATCHING_PARAMETERS_V1, type MatchingParameters } from '../matching-parameters.js';
import type { Traveller, WatchlistEntry } from '../matcher.js';
import { WatchlistIndex } from '../watchlist-index.js';
import type { EvaluationSet, LabelledPair } from './evaluation-set.js';
import { BaselineList, GTAS_BASELINE } from './gtas-baseline.js';

/** Precision and recall on the labelled pairs, false alerts on the clean travellers, for one matcher. */
export interface QualityFigures {
  readonly matcher: string;
  readonly pairs: number;
  readonly truePairs: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly listEntries: number;
  readonly cleanTravellers: number;
  /** Clean travellers with at least one alert against the whole list. */
  readonly cleanTravellersAlerted: number;
  readonly falseAlertsPer10k: number;
  /** Alerts on clean travellers who are not namesakes the list cannot tell apart (see `namesakes`). */
  readonly avoidableFalseAlertsPer10k: number;
  /** Clean travellers who are such namesakes, per 10,000: what any matcher alerts on. */
  readonly namesakesPer10k: number;
  /** False alerts by how precisely the list gives the birth date of the entry alerted on. */
  readonly falseAlertsByListedDate: Readonly<Record<'full' | 'year-month' | 'year' | 'none', number>>;
  /** A digest of the pairs (entry, traveller, label) this matcher was run on: equal digests, same pairs. */
  readonly pairsDigest: string;
  readonly seconds: number;
}

export interface Evaluation {
  readonly ours: QualityFigures;
  /** GTAS-style: Jaro–Winkler ≥ 0.95 on the full name, birth years ± 3. */
  readonly baseline: QualityFigures;
  /** The same baseline given this library's transliteration first (what transliteration alone buys). */
  readonly baselineTransliterated?: QualityFigures;
  /** Recall of ours by how the true pairs differ (a pair counts under each of its labels). */
  readonly recallByLabel: Readonly<Record<string, { readonly pairs: number; readonly recall: number }>>;
  /** Our false positives among the hard negatives, by kind. */
  readonly falsePositivesByKind: Readonly<
    Record<string, { readonly pairs: number; readonly falsePositives: number }>
  >;
}

interface Matcher {
  readonly name: string;
  /** Whether the traveller matches this entry (through whatever candidate generation the matcher has). */
  matchesEntry(pair: LabelledPair): boolean;
  /** The entry the traveller's best alert against the whole list is on, if any. */
  alerts(traveller: Traveller): string | undefined;
}

/** Runs our matcher and the baselines on the same pairs and the same clean travellers. */
export function evaluateMatching(
  set: EvaluationSet,
  parameters: MatchingParameters = MATCHING_PARAMETERS_V1,
  options: { transliteratedBaseline?: boolean } = {},
): Evaluation {
  const index = new WatchlistIndex(parameters);
  for (const entry of set.entries) index.upsert(entry);
  const ourDecisions = new Map<LabelledPair, boolean>();
  const ours: Matcher = {
    name: `name-matching ${parameters.version}, threshold ${parameters.threshold}`,
    matchesEntry: (pair) => {
      const matched = index.match(pair.traveller).some((m) => m.entryId === pair.entryId);
      ourDecisions.set(pair, matched);
      return matched;
    },
    alerts: (traveller) => index.match(traveller, { limit: 1 })[0]?.entryId,
  };
  const byId = new Map<string, WatchlistEntry>(set.entries.map((e) => [e.id, e]));
  const baseline = (transliterated: boolean): Matcher => {
    const list = new BaselineList(set.entries, transliterated);
    return {
      name: `GTAS-style: Jaro-Winkler >= ${GTAS_BASELINE.nameSimilarity} on the full name, birth year +-${GTAS_BASELINE.birthYears}${transliterated ? ', with transliteration' : ''}`,
      matchesEntry: (pair) => {
        const entry = byId.get(pair.entryId);
        return entry !== undefined && BaselineList.matchesEntry(entry, pair.traveller, transliterated);
      },
      alerts: (traveller) => list.match(traveller)[0],
    };
  };
  const figures = {
    ours: measure(ours, set),
    baseline: measure(baseline(false), set),
    ...(options.transliteratedBaseline === false
      ? {}
      : { baselineTransliterated: measure(baseline(true), set) }),
  };
  return { ...figures, ...breakdown(set, ourDecisions) };
}

function measure(matcher: Matcher, set: EvaluationSet): QualityFigures {
  const started = performance.now();
  let truePairs = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let digest = 0x811c9dc5;
  for (const pair of set.pairs) {
    digest = fnv1a(digest, `${pair.entryId}|${JSON.stringify(pair.traveller)}|${pair.sameperson}`);
    const matched = matcher.matchesEntry(pair);
    if (pair.sameperson) {
      truePairs++;
      if (matched) truePositives++;
    } else if (matched) falsePositives++;
  }
  let alerted = 0;
  let avoidable = 0;
  const byDate = { full: 0, 'year-month': 0, year: 0, none: 0 };
  const dates = new Map(set.entries.map((e) => [e.id, e.birthDate]));
  set.clean.forEach((traveller, i) => {
    const entryId = matcher.alerts(traveller);
    if (entryId === undefined) return;
    alerted++;
    if (!set.namesakes.has(i)) avoidable++;
    const date = dates.get(entryId);
    byDate[
      date === undefined ? 'none' : date.length === 4 ? 'year' : date.length === 7 ? 'year-month' : 'full'
    ]++;
  });
  const per10k = (count: number) => (set.clean.length === 0 ? 0 : (count / set.clean.length) * 10_000);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    matcher: matcher.name,
    pairs: set.pairs.length,
    truePairs,
    truePositives,
    falsePositives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePairs),
    listEntries: set.entries.length,
    cleanTravellers: set.clean.length,
    cleanTravellersAlerted: alerted,
    falseAlertsPer10k: per10k(alerted),
    avoidableFalseAlertsPer10k: per10k(avoidable),
    namesakesPer10k: per10k(set.namesakes.size),
    falseAlertsByListedDate: byDate,
    pairsDigest: (digest >>> 0).toString(16).padStart(8, '0'),
    seconds: (performance.now() - started) / 1000,
  };
}

function breakdown(set: EvaluationSet, decisions: Map<LabelledPair, boolean>) {
  const recall: Record<string, { pairs: number; found: number }> = {};
  const negatives: Record<string, { pairs: number; falsePositives: number }> = {};
  for (const pair of set.pairs) {
    const matched = decisions.get(pair) ?? false;
    if (pair.sameperson)
      for (const label of pair.labels) {
        const r = (recall[label] ??= { pairs: 0, found: 0 });
        r.pairs++;
        if (matched) r.found++;
      }
    else {
      const n = (negatives[pair.labels[0] ?? 'other'] ??= { pairs: 0, falsePositives: 0 });
      n.pairs++;
      if (matched) n.falsePositives++;
    }
  }
  return {
    recallByLabel: Object.fromEntries(
      Object.entries(recall)
        .sort()
        .map(([label, r]) => [label, { pairs: r.pairs, recall: r.found / r.pairs }]),
    ),
    falsePositivesByKind: negatives,
  };
}

function fnv1a(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
