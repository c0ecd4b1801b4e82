import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared conformance corpus lives beside the clone and is never copied into it: CONFORMANCE_DIR
 * points to it, by default `<repo>/../shared/conformance`.
 */
export const CONFORMANCE_DIR = process.env['CONFORMANCE_DIR']
  ? resolve(process.env['CONFORMANCE_DIR'])
  : resolve(import.meta.dirname, '../../../../../shared/conformance');

export const PASSPORT_INDEX_DIR = join(CONFORMANCE_DIR, 'refdata', 'passport-index-dataset');

export function corpusAvailable(): boolean {
  return existsSync(join(PASSPORT_INDEX_DIR, 'passport-index-tidy-iso3.csv'));
}

export function readCorpus(...path: string[]): string {
  return readFileSync(join(CONFORMANCE_DIR, ...path), 'utf8');
}

/**
 * `describe`, or, without the corpus, a `describe` whose one test fails saying where the corpus was
 * looked for and how to point to it. Never skipped, in CI or not: a conformance suite that does not
 * run must not look like one that passed.
 */
export function describeWithCorpus(name: string, body: () => void): void {
  if (corpusAvailable()) {
    describe(name, body);
    return;
  }
  const message =
    `conformance corpus not found at ${CONFORMANCE_DIR}; set CONFORMANCE_DIR to the shared ` +
    'conformance folder (the one holding refdata/). It is not optional: the suite fails rather than skip.';
  // The body reads the corpus while collecting tests, so it must not run at all here.
  describe(name, () => {
    it('finds the conformance corpus', () => {
      throw new Error(message);
    });
  });
}
