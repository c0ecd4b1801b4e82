import { MrzInputError } from './mrz-input-error.js';
import type { MrzFormat } from './types.js';

export interface NormalizedMrz {
  format: MrzFormat;
  lines: readonly string[];
}

const LAYOUTS = 'expected 3 lines of 30 characters (TD1) or 2 lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A)';

function splitLines(input: string | readonly string[]): string[] {
  if (typeof input === 'string') return input.split(/\r\n|\r|\n/);
  if (!Array.isArray(input)) throw new MrzInputError('MRZ must be a string or an array of strings');
  return input.map((line: unknown, index) => {
    if (typeof line !== 'string') throw new MrzInputError(`MRZ line ${index + 1} is not a string`);
    return line;
  });
}

function detectFormat(lines: readonly string[]): MrzFormat | null {
  const lengths = lines.map((line) => line.length);
  const all = (length: number): boolean => lengths.every((l) => l === length);
  // The layouts of TD2/MRV-B and TD3/MRV-A are told apart by the document code only.
  const visa = lines[0]?.startsWith('V') === true;
  if (lines.length === 3 && all(30)) return 'TD1';
  if (lines.length === 2 && all(36)) return visa ? 'MRVB' : 'TD2';
  if (lines.length === 2 && all(44)) return visa ? 'MRVA' : 'TD3';
  return null;
}

/**
 * Trims each line, upper-cases its letters a-z and drops blank lines (copy-paste leaves them), then insists on one
 * of the five ICAO layouts and on the MRZ alphabet. Nothing else is repaired: an OCR slip such as an
 * `O` for a `0` stays and fails its check downstream.
 */
export function normalizeMrz(input: string | readonly string[]): NormalizedMrz {
  // Only a-z are upper-cased: toUpperCase() would turn ß into SS, ı into I and ﬁ into FI, reading
  // characters that are no part of an MRZ as if they were.
  const lines = splitLines(input)
    .map((line) => line.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase()))
    .filter((line) => line !== '');
  if (lines.length === 0) throw new MrzInputError(`MRZ is empty: ${LAYOUTS}`);
  const format = detectFormat(lines);
  if (format === null) {
    const found = lines.map((line) => line.length).join(', ');
    throw new MrzInputError(`unrecognised MRZ layout: ${LAYOUTS}, got ${lines.length} line(s) of ${found}`);
  }
  lines.forEach((line, index) => {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad) {
      throw new MrzInputError(
        `line ${index + 1}, position ${bad.index + 1}: character '${bad[0]}' is not allowed in an MRZ (A-Z, 0-9, <)`,
      );
    }
  });
  return { format, lines };
}
