import { parseMrv } from './formats/mrv.js';
import { parseTd1 } from './formats/td1.js';
import { parseTd2 } from './formats/td2.js';
import { parseTd3 } from './formats/td3.js';
import { normalizeMrz } from './normalize.js';
import type { MrzResult, ParseMrzOptions } from './types.js';

/**
 * Parses and validates an ICAO 9303 MRZ (TD1, TD2, TD3, MRV-A, MRV-B).
 *
 * @throws MrzInputError when the input is no MRZ at all (layout or alphabet); anything readable
 *   comes back as a result, `valid: false` with field errors when a check fails.
 */
export function parseMrz(input: string | readonly string[], options: ParseMrzOptions = {}): MrzResult {
  const today = options.today ?? new Date();
  const { format, lines } = normalizeMrz(input);
  const parsed =
    format === 'TD1'
      ? parseTd1(lines, today)
      : format === 'TD2'
        ? parseTd2(lines, today)
        : format === 'TD3'
          ? parseTd3(lines, today)
          : parseMrv(lines, format, today);
  return { valid: parsed.errors.length === 0, ...parsed };
}
