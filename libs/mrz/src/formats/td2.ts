import type { MrzResult } from '../types.js';
import { readTwoLines } from './two-line.js';

/**
 * TD2 (ICAO 9303 Part 6), 2 lines of 36: optional data 28-35, composite 35 over
 * 0-10 + 13-20 + 21-35. A document number longer than 9 overflows into the optional data as in TD1.
 */
export function parseTd2(lines: readonly string[], today: Date): Omit<MrzResult, 'valid'> {
  const { errors, result } = readTwoLines(
    lines,
    { format: 'TD2', documentCodes: 'AIC', optionalEnd: 35, allowOverflow: true },
    today,
  );
  const line2 = lines[1] ?? '';
  errors.check('composite', line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 35), line2.charAt(35));
  if (lines[0]?.startsWith('IDFRA')) {
    // France's 1988-2021 identity card has 2 lines of 36 but its own layout; say so before the
    // check-digit failures that reading it as a TD2 brings.
    errors.items.unshift({
      field: 'format',
      message:
        'this looks like a French national identity card (1988-2021 layout), which is not an ICAO 9303 TD2',
    });
  }
  return { ...result, errors: errors.items };
}
