// Personal data (names, document numbers, birth dates) must never reach a log line or a span in clear.
// Structured fields are masked by key wherever they sit in a logged object; messages themselves must
// never interpolate such values (reviewers look for it; the lint rule on console.* keeps logs structured).

/** Keys whose values are personal data, compared case-insensitively without separators. */
const PERSONAL_KEYS = new Set(
  [
    'surname',
    'givenNames',
    'givenName',
    'firstName',
    'lastName',
    'name',
    'fullName',
    'birthDate',
    'dateOfBirth',
    'dob',
    'documentNumber',
    'number',
    'passportNumber',
    'mrz',
    'mrzLines',
    'placeOfBirth',
    'reservationRef',
  ].map(normaliseKey),
);

export const REDACTED = '[redacted]';

function normaliseKey(key: string): string {
  return key.replace(/[_\-\s]/g, '').toLowerCase();
}

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(normaliseKey(key));
}

/**
 * A copy of `value` with every personal field replaced by `[redacted]`, at any depth. Cycles and
 * very deep structures are cut rather than followed, so logging can never hang or throw.
 */
export function redactPersonalData(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1, seen));
  if (value instanceof Error) {
    return { type: value.name, message: value.message, stack: value.stack };
  }
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = isPersonalKey(key) ? REDACTED : redactPersonalData(field, depth + 1, seen);
  }
  return out;
}
