const WEIGHTS = [7, 3, 1] as const;

function charValue(char: string, position: number): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  // A silent 0 would make a corrupted field pass its check; callers normalise input first.
  throw new RangeError(
    `character '${char}' at position ${position + 1} is not allowed in an MRZ (A-Z, 0-9, <)`,
  );
}

/** ICAO 9303 Part 3 check digit: weights 7-3-1, `<` = 0, A-Z = 10-35, modulo 10. */
export function checkDigit(value: string): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    sum += charValue(value.charAt(i), i) * (WEIGHTS[i % 3] ?? 0);
  }
  return sum % 10;
}

/** Null when `digit` is the check digit of `value`, otherwise the message an MrzError carries. */
export function checkDigitError(value: string, digit: string): string | null {
  const expected = checkDigit(value);
  return digit === String(expected) ? null : `check digit is ${digit}, expected ${expected}`;
}
