/**
 * The registry's normal form of a document number: upper case, with everything but A-Z and 0-9
 * removed (spaces, hyphens, MRZ fillers `<`). Leading zeros are kept. The registry, the screening
 * index and screening itself all compare normal forms made by this one function.
 */
export function normaliseDocumentNumber(raw: string): string {
  if (isNormalDocumentNumber(raw)) return raw;
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Whether `value` is already in normal form: one or more of A-Z and 0-9, nothing else. */
export function isNormalDocumentNumber(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // 0-9 or A-Z
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * A document number as it may appear in alerts: the normal form with all but the last three
 * characters replaced by `*`, or entirely `*` when it has six characters or fewer.
 */
export function maskDocumentNumber(raw: string): string {
  const number = normaliseDocumentNumber(raw);
  if (number.length <= 6) return '*'.repeat(number.length);
  return '*'.repeat(number.length - 3) + number.slice(-3);
}
