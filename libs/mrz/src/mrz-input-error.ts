/**
 * Thrown when the input cannot be read as any ICAO 9303 MRZ at all (wrong number or length of lines,
 * characters outside A-Z 0-9 <). An MRZ that can be read but fails a check is not an exception: it
 * comes back as a result with `valid: false`, so a caller can tell "unusable" from "invalid".
 */
export class MrzInputError extends Error {
  override readonly name = 'MrzInputError';
}
