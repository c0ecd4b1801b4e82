/**
 * Judges the PAXLST reader against every PAXLST file of the shared conformance corpus (US-CBP/GTAS
 * test material, read at test time and never copied here). What each file holds is worked out by the
 * test itself, with regular expressions and a plain split (test/conformance/independent.ts), never by
 * asking the parser: the traveller count, the document numbers, the separators, and every deliberate
 * defect (wrong CNT and UNT totals, missing document types, numbers and issuing states, mismatched
 * references), each of which the parser must report at the right segment with the right tag.
 */
import { resolve } from 'node:path';

import { PaxlstCorpus, conformanceDir, missingCorpusMessage } from '../test/conformance/corpus.js';
import { inspect } from '../test/conformance/independent.js';
import { parsePaxlst } from './index.js';

// This file is in libs/edifact/src; the repository root is two levels above libs/edifact, and the
// corpus sits beside the clone: <root>/../shared/conformance.
const corpus = new PaxlstCorpus(
  conformanceDir(resolve(import.meta.dirname, '../../../../shared/conformance')),
);

/** Document defects are counted exactly: the parser must report each one, and no more. */
const EXACT = ['missing-document-type', 'missing-document-number', 'missing-issuing-state'];

if (!corpus.exists()) {
  it('finds the PAXLST conformance corpus', () => {
    throw new Error(missingCorpusMessage(corpus.dir));
  });
} else {
  const files = corpus.files();

  it('reads PAXLST files, and only files it knows how to read', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !/\.(txt|edi)$/.test(f))).toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    const text = corpus.read(file);
    const expected = inspect(text);
    const result = parsePaxlst(text);

    it('uses the separators the file declares', () => {
      expect(result.separators).toMatchObject(expected.separators);
    });

    it('returns every traveller the file holds', () => {
      const travellers = result.messages.flatMap((m) => m.travellers);
      expect(travellers).toHaveLength(expected.travellers);
      expect(result.summary.travellers).toBe(expected.travellers);
      for (const t of travellers) {
        // Each traveller points at its own NAD or PDT segment.
        expect(expected.segments[t.segment - 1]).toMatch(/^(NAD|PDT)\W/);
        if (!t.readable) expect(t.errors.map((e) => e.code)).toContain('unreadable-traveller');
      }
    });

    it('returns every document number the file holds', () => {
      const numbers = result.messages.flatMap((m) =>
        m.travellers.flatMap((t) => t.documents.map((d) => d.number)),
      );
      expect(numbers).toEqual(expected.documentNumbers);
    });

    it('reports every deliberate defect at its segment, with its tag', () => {
      const reported = result.errors.map((e) => ({ kind: e.code, segment: e.segment, tag: e.tag }));
      for (const defect of expected.defects) expect(reported).toContainEqual(defect);
      for (const kind of EXACT) {
        expect(reported.filter((e) => e.kind === kind)).toEqual(
          expected.defects.filter((d) => d.kind === kind),
        );
      }
    });

    it('cites only segments that exist, and says what is wrong', () => {
      for (const error of result.errors) {
        expect(error.segment).toBeGreaterThanOrEqual(0);
        expect(error.segment).toBeLessThanOrEqual(expected.segments.length);
        expect(error.message).not.toBe('');
        if (error.segment > 0) expect(expected.segments[error.segment - 1]!.startsWith(error.tag)).toBe(true);
      }
    });
  });

  it('never throws on a truncated or corrupted file, and never invents travellers', () => {
    for (const file of files) {
      const text = corpus.read(file);
      const { travellers } = inspect(text);
      for (let k = 1; k <= 25; k++) {
        const cut = Math.floor((text.length * k) / 26);
        const truncated = parsePaxlst(text.slice(0, cut));
        expect(truncated.summary.travellers).toBeLessThanOrEqual(travellers);
        // Overwrite one character with each kind of separator and a control byte.
        for (const ch of ["'", '+', ':', '?', '\u0003']) {
          const corrupted = `${text.slice(0, cut)}${ch}${text.slice(cut + 1)}`;
          expect(() => parsePaxlst(corrupted)).not.toThrow();
        }
      }
    }
  });

  it('finds the defects the corpus README promises', () => {
    const all = files.map((f) => ({ file: f, expected: inspect(corpus.read(f)) }));
    const kinds = new Set(all.flatMap((f) => f.expected.defects.map((d) => d.kind)));
    // Wrong CNT totals, missing document types and issuing states (README, paxlst/gtas row).
    expect([...kinds]).toEqual(
      expect.arrayContaining(['count-mismatch', 'missing-document-type', 'missing-issuing-state']),
    );
    // Odd separators: at least one file declares an element separator other than '+'.
    expect(all.some((f) => f.expected.separators.element !== '+')).toBe(true);
    // Release characters (O?'LEARY) in the legacy US files.
    const legacy = files.filter((f) => corpus.read(f).includes("O?'LEARY"));
    expect(legacy.length).toBeGreaterThan(0);
    for (const f of legacy) {
      const surnames = parsePaxlst(corpus.read(f)).messages.flatMap((m) =>
        m.travellers.map((t) => t.surname),
      );
      expect(surnames).toContain("O'LEARY");
    }
  });
}
