const STATE_PATTERN = /^[A-Z]{1,3}$/;

/**
 * An issuing state in normal form: the ICAO 9303 code (one to three letters, e.g. `NLD`, `D`), upper
 * case, without surrounding blanks or the MRZ fillers that pad a one- or two-letter code (`D<<`).
 *
 * @throws RangeError when what remains is not one to three letters.
 */
export function normaliseIssuingState(raw: string): string {
  if (STATE_PATTERN.test(raw)) return raw;
  const state = raw.trim().toUpperCase().replace(/<+$/, '');
  if (!STATE_PATTERN.test(state)) {
    throw new RangeError(
      `invalid issuing state ${JSON.stringify(raw)}: expected an ICAO 9303 code such as "NLD" or "D"`,
    );
  }
  return state;
}
