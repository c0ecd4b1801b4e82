// Name matching quality: precision, recall and false alerts per 10,000 clean travellers of
// `@docscreen/name-matching` on a generated labelled evaluation set (`generateEvaluationSet`, seed
// 2026: 12,500 listed persons, each with a true variant of itself and a hard negative — 25,000 pairs —
// and 20,000 clean travellers screened against the whole list), beside, in the same run on the same
// pairs and travellers, the GTAS-style baseline (Jaro–Winkler ≥ 0.95 on the full name, birth year ± 3)
// and that baseline given this library's transliteration first.
//
//   node --experimental-strip-types tests/bench/name-quality.bench.ts [--quick] [--json] [--seed N]
//
// --quick: 5,000 listed persons and 10,000 clean travellers. Needs `npx nx build name-matching`.
// The parameters were tuned on seed 1; this measures other seeds.
import { evaluateMatching, generateEvaluationSet, MATCHING_PARAMETERS_V1 } from '@docscreen/name-matching';
import type { QualityFigures } from '@docscreen/name-matching';
import { BenchWatchdog } from './support/watchdog.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const quick = args.has('--quick');
const seedAt = argv.indexOf('--seed');
const parameters = {
  seed: seedAt === -1 ? 2026 : Number(argv[seedAt + 1]),
  entries: quick ? 5_000 : 12_500,
  cleanTravellers: quick ? 10_000 : 20_000,
  matching: MATCHING_PARAMETERS_V1.version,
  threshold: MATCHING_PARAMETERS_V1.threshold,
};
const target = { recall: 0.97, falseAlertsPer10k: 1 };

const watchdog = new BenchWatchdog('name-quality');
watchdog.phase(`generating ${parameters.entries} listed persons and their pairs`);
const set = generateEvaluationSet({
  seed: parameters.seed,
  entries: parameters.entries,
  cleanTravellers: parameters.cleanTravellers,
});
// The baselines compare every clean traveller with every listed person of near birth year: minutes.
watchdog.phase('matching (ours, then the baselines)', { stallSeconds: 900 });
const evaluation = evaluateMatching(set);
watchdog.disarm();

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
const figures = (f: QualityFigures) => ({
  precision: round(f.precision),
  recall: round(f.recall),
  truePositives: f.truePositives,
  falsePositives: f.falsePositives,
  falseAlertsPer10k: round(f.falseAlertsPer10k, 2),
  cleanTravellersAlerted: f.cleanTravellersAlerted,
  avoidableFalseAlertsPer10k: round(f.avoidableFalseAlertsPer10k, 2),
  falseAlertsByListedDate: f.falseAlertsByListedDate,
  pairsDigest: f.pairsDigest,
  seconds: round(f.seconds, 1),
});
const { ours, baseline, baselineTransliterated } = evaluation;
const result = {
  name: 'name-quality',
  parameters: {
    ...parameters,
    pairs: ours.pairs,
    truePairs: ours.truePairs,
    namesakesPer10k: ours.namesakesPer10k,
  },
  figures: {
    ...figures(ours),
    recallByLabel: evaluation.recallByLabel,
    falsePositivesByKind: evaluation.falsePositivesByKind,
  },
  baseline: {
    gtas: figures(baseline),
    ...(baselineTransliterated === undefined ? {} : { gtasTransliterated: figures(baselineTransliterated) }),
  },
  // Recall as a multiple of the baseline's, on the same pairs.
  ratio: round(ours.recall / baseline.recall, 3),
  target: `recall >= ${target.recall} at <= ${target.falseAlertsPer10k} false alert per 10,000 clean travellers`,
  met: ours.recall >= target.recall && ours.falseAlertsPer10k <= target.falseAlertsPer10k,
};

if (args.has('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const row = (label: string, f: QualityFigures) => {
    const d = f.falseAlertsByListedDate;
    return `  ${label.padEnd(34)} ${f.precision.toFixed(4).padStart(9)} ${f.recall.toFixed(4).padStart(7)} ${f.falseAlertsPer10k.toFixed(1).padStart(9)} ${`${d.full}/${d['year-month']}/${d.year}/${d.none}`.padStart(16)}`;
  };
  const lines = [
    `name matching quality: seed ${parameters.seed}, ${ours.listEntries} listed persons, ${ours.pairs} labelled pairs (${ours.truePairs} true), ${ours.cleanTravellers} clean travellers; same pairs: ${ours.pairsDigest === baseline.pairsDigest}`,
    `  ${''.padEnd(34)} precision  recall  FA/10k  FA by list date`,
    `  ${''.padEnd(34)} ${''.padStart(9)} ${''.padStart(7)} ${''.padStart(9)}  full/ym/year/none`,
    row(`${MATCHING_PARAMETERS_V1.version} (>= ${MATCHING_PARAMETERS_V1.threshold})`, ours),
    row('GTAS-style baseline', baseline),
    ...(baselineTransliterated === undefined
      ? []
      : [row('baseline + transliteration', baselineTransliterated)]),
    `  namesakes the list cannot tell apart: ${ours.namesakesPer10k.toFixed(1)} per 10,000 clean travellers`,
    `  recall by variant: ${Object.entries(evaluation.recallByLabel)
      .map(([label, r]) => `${label} ${r.recall.toFixed(3)} (${r.pairs})`)
      .join(', ')}`,
    `  false positives by hard negative: ${Object.entries(evaluation.falsePositivesByKind)
      .map(([kind, n]) => `${kind} ${n.falsePositives}/${n.pairs}`)
      .join(', ')}`,
    `  target ${result.target}: ${result.met ? 'met' : 'NOT met'}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
