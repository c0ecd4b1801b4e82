/**
 * Judges the library against the shared MRZ conformance corpus, read at test time and never copied
 * here. Every case the corpus files state becomes a test; where we knowingly differ from the
 * library a file comes from, the case carries a note saying how and why (see ADR 0004).
 */
import { resolve } from 'node:path';

import { cheminfoCases } from '../test/conformance/cheminfo.js';
import { Corpus, conformanceDir, missingCorpusMessage } from '../test/conformance/corpus.js';
import { edgeCases } from '../test/conformance/edge-cases.js';
import { type ConformanceCase, type Subject, evaluate } from '../test/conformance/expectations.js';
import { ICAO_SPECIMENS_FILE, icaoSpecimenCases } from '../test/conformance/icao-specimens.js';
import { passportEyeCases } from '../test/conformance/passporteye.js';
import { refdataCase } from '../test/conformance/refdata.js';
import { ICAO_STATE_CODES, MrzInputError, checkDigit, parseMrz } from './index.js';

// This file is in libs/mrz/src; the repository root is two levels above libs/mrz, and the corpus sits
// beside the clone: <root>/../shared/conformance.
const corpus = new Corpus(conformanceDir(resolve(import.meta.dirname, '../../../../shared/conformance')));

const ours: Subject = {
  parseMrz,
  checkDigit,
  isUnusable: (error) => error instanceof MrzInputError,
  stateCodes: ICAO_STATE_CODES,
};

function label(c: ConformanceCase): string {
  return c.note ? `${c.name} [${c.note}]` : c.name;
}

if (!corpus.exists()) {
  it('finds the MRZ conformance corpus', () => {
    throw new Error(missingCorpusMessage(corpus.dir));
  });
} else {
  const specimens = icaoSpecimenCases(corpus);
  // PassportEye's image tests assert on photos of these two specimens.
  const specimenText = Object.fromEntries(
    specimens
      .filter((c) => c.expect.kind === 'parsed' && ['ICAO-9303-P4-TD3', 'ICAO-9303-P6-TD2'].includes(c.name))
      .map((c) => [c.expect.kind === 'parsed' ? c.expect.format : '', c.input as string[]]),
  );
  const groups: [string, ConformanceCase[]][] = [
    [ICAO_SPECIMENS_FILE, specimens],
    ['mrz/invalid_and_edge_cases.json', edgeCases(corpus)],
    ['mrz/cheminfo_mrz', cheminfoCases(corpus)],
    ['mrz/passporteye', passportEyeCases(corpus, specimenText)],
    ['refdata/icao_9303_codes_derived.csv', [refdataCase(corpus)]],
  ];

  describe.each(groups)('%s', (_source, cases) => {
    it('yields cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    it.each(cases.map((c) => [label(c), c] as const))('%s', (_name, c) => {
      expect(evaluate(c, ours)).toEqual([]);
    });
  });

  it('reads every file of the MRZ corpus', () => {
    const read = new Set(
      groups.flatMap(([, cases]) => cases.map((c) => c.source.split('/').slice(0, 2).join('/'))),
    );
    expect([...read].sort()).toEqual(
      [
        'mrz/cheminfo_mrz',
        'mrz/icao9303_specimens.json',
        'mrz/invalid_and_edge_cases.json',
        'mrz/passporteye',
        'refdata/icao_9303_codes_derived.csv',
      ].sort(),
    );
    expect(corpus.list('mrz').sort()).toEqual([
      'cheminfo_mrz',
      'icao9303_specimens.json',
      'invalid_and_edge_cases.json',
      'passporteye',
    ]);
  });
}
