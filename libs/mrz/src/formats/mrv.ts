import type { MrzResult } from '../types.js';
import { readTwoLines } from './two-line.js';

/**
 * Machine-readable visas (ICAO 9303 Part 7): MRV-A has 2 lines of 44, MRV-B 2 lines of 36. Line 2
 * is the TD3 layout up to the expiry check digit, then optional data to the end: no personal-number
 * check digit and no composite check digit.
 */
export function parseMrv(
  lines: readonly string[],
  format: 'MRVA' | 'MRVB',
  today: Date,
): Omit<MrzResult, 'valid'> {
  const optionalEnd = format === 'MRVA' ? 44 : 36;
  const { errors, result } = readTwoLines(
    lines,
    { format, documentCodes: 'V', optionalEnd, allowOverflow: false },
    today,
  );
  return { ...result, errors: errors.items };
}
