import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared conformance corpus lives beside the clone and is never copied into it; CONFORMANCE_DIR
 * points elsewhere, `fallback` is the caller's default.
 */
export function conformanceDir(fallback: string): string {
  const fromEnv = process.env['CONFORMANCE_DIR'];
  return fromEnv ? resolve(fromEnv) : fallback;
}

export function missingCorpusMessage(dir: string): string {
  return (
    `MRZ conformance corpus not found at ${dir}. ` +
    'Set CONFORMANCE_DIR to the shared conformance folder (the one holding mrz/ and refdata/), e.g. ' +
    'CONFORMANCE_DIR=/path/to/shared/conformance npx nx test mrz. It is not optional: the conformance ' +
    'spec fails rather than skip without it.'
  );
}

export class Corpus {
  constructor(readonly dir: string) {}

  exists(): boolean {
    return existsSync(join(this.dir, 'mrz'));
  }

  read(relativePath: string): string {
    return readFileSync(join(this.dir, relativePath), 'utf8');
  }

  list(relativeDir: string): string[] {
    return readdirSync(join(this.dir, relativeDir)).sort();
  }
}
