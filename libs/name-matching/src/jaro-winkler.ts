// Jaro (1989) and Jaro–Winkler (Winkler 1990) string similarity, in [0, 1]. Compares UTF-16 code units:
// names reach it transliterated to A-Z.

/** Winkler's prefix scale (p) and the Jaro similarity above which the prefix bonus applies. */
export const WINKLER_PREFIX_SCALE = 0.1;
export const WINKLER_BOOST_THRESHOLD = 0.7;
const MAX_PREFIX = 4;

// Scratch marks, reused: the matcher calls this millions of times a second. A position is matched in
// this call when its mark equals the call's stamp (no clearing between calls).
let flagsA = new Uint32Array(64);
let flagsB = new Uint32Array(64);
let stamp = 0;

/** Jaro similarity: matching characters within the window, and half the transpositions among them. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length) flagsA = new Uint32Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint32Array(lb * 2);
  if (++stamp === 0xffffffff) {
    flagsA.fill(0);
    flagsB.fill(0);
    stamp = 1;
  }
  const mark = stamp;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb, i + window + 1);
    const c = a.charCodeAt(i);
    for (let j = from; j < to; j++) {
      if (flagsB[j] !== mark && b.charCodeAt(j) === c) {
        flagsA[i] = mark;
        flagsB[j] = mark;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] !== mark) continue;
    while (flagsB[j] !== mark) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler: Jaro raised for a common prefix of up to four characters, when Jaro exceeds 0.7. */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  if (similarity <= WINKLER_BOOST_THRESHOLD) return similarity;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return similarity + prefix * WINKLER_PREFIX_SCALE * (1 - similarity);
}
