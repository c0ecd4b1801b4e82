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
    `PAXLST conformance corpus not found at ${join(dir, PAXLST_DIR)}. ` +
    'Set CONFORMANCE_DIR to the shared conformance folder (the one holding paxlst/, mrz/ and refdata/), e.g. ' +
    'CONFORMANCE_DIR=/path/to/shared/conformance npx nx test edifact. It is not optional: the conformance ' +
    'spec fails rather than skip without it.'
  );
}

export const PAXLST_DIR = 'paxlst/gtas';

export class PaxlstCorpus {
  constructor(readonly dir: string) {}

  exists(): boolean {
    return existsSync(join(this.dir, PAXLST_DIR));
  }

  /** Every file of paxlst/gtas and paxlst/gtas/inline except the licence, relative to paxlst/gtas. */
  files(): string[] {
    const top = readdirSync(join(this.dir, PAXLST_DIR), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'LICENSE.txt')
      .map((e) => e.name);
    const inline = readdirSync(join(this.dir, PAXLST_DIR, 'inline')).map((name) => `inline/${name}`);
    return [...top, ...inline].sort();
  }

  read(file: string): string {
    return readFileSync(join(this.dir, PAXLST_DIR, file), 'utf8');
  }
}
