import type { MrzResult } from '../types.js';
import { readTwoLines } from './two-line.js';

/**
 * TD3 (ICAO 9303 Part 4), 2 lines of 44: personal number (optional data) 28-42, its check digit 42,
 * composite 43 over 0-10 + 13-20 + 21-43.
 */
export function parseTd3(lines: readonly string[], today: Date): Omit<MrzResult, 'valid'> {
  const { errors, result } = readTwoLines(
    lines,
    { format: 'TD3', documentCodes: 'P', optionalEnd: 42, allowOverflow: false },
    today,
  );
  const line2 = lines[1] ?? '';
  const optional = line2.slice(28, 42);
  const optionalDigit = line2.charAt(42);
  if (/^<+$/.test(optional)) {
    // 9303 Part 4 note: an unused personal number field may carry 0 or < as its check digit.
    if (optionalDigit !== '<' && optionalDigit !== '0') {
      errors.add('optionalData', `check digit is ${optionalDigit}, expected < or 0 for empty optional data`);
    }
  } else {
    errors.check('optionalData', optional, optionalDigit);
  }
  errors.check('composite', line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43), line2.charAt(43));
  return { ...result, errors: errors.items };
}
