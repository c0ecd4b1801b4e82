// Candidate generation for the watchlist index. A listed name is filed under keys that a spelling of it
// shares with high probability, and few other names do:
//
// - each part has up to four keys: its Double Metaphone keys, the first three letters of its folded
//   spelling (a typing error usually spares one or the other), and, for a part read from unvocalised
//   Arabic, its consonant skeleton instead (which a traveller's Latin spelling also looks up);
// - a name of two or more parts is filed under every pair of keys of two different parts (MOHAMMED with
//   RASHID, not every MOHAMMED): any two parts of a spelling of it find it, in any order or field;
// - its family name also under each key combined with the first two letters, and with the first and
//   last letters, of each other part (SMITH with "JO" and "J…N" for JOHN SMITH: found with the given
//   name misspelt beyond its keys, a typing error sparing one of the two), and with the
//   class of its first sound (SMITH with "J…": found by a traveller who gives an initial or only the
//   family name; looked up only for those). For these the family name has one key more, its last three
//   letters (a typing error early in it spares them). Only the family name: given names are far more common
//   (MOHAMMED with any "A…" would be one listed Arab in twenty); and only where the list gives a birth
//   date (see below);
// - a name of one part under that part's keys alone.
// Postings carry the entry's birth year, so the many entries of a common key are mostly passed over
// without being read (see `posting-table.ts`).
import { doubleMetaphone } from './double-metaphone.js';
import { foldSpelling, PART_ROLES, skeletonOf, type NamePart, type PartRole } from './name-parts.js';

const PAIR = 1;
const SINGLE = 2;
const CLASS = 3;

/** A 31-bit posting key for a kind of key and one or two key ids; collisions only add candidates. */
function postingKey(kind: number, a: number, b: number): number {
  let h = Math.imul(kind ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ b ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 1;
}

export const pairKey = (a: number, b: number): number =>
  a <= b ? postingKey(PAIR, a, b) : postingKey(PAIR, b, a);
export const singleKey = (a: number): number => postingKey(SINGLE, a, 0);
export const classKey = (a: number, initialClass: number): number => postingKey(CLASS, a, initialClass);

/** The key strings of a part. A traveller's also include the skeleton, to reach unvocalised listed parts. */
export function partKeys(part: NamePart, traveller: boolean): string[] {
  if (part.initial) return [];
  if (part.unvocalised) {
    const keys = part.skeleton === '' ? [] : [`~${part.skeleton}`];
    if (part.compound !== '') keys.push(`~${skeletonOf(part.compound)}`);
    return keys;
  }
  const keys = [...phonetic(part.keys), `^${part.fold.slice(0, 3)}`];
  if (part.compound !== '') {
    keys.push(...phonetic(doubleMetaphone(part.compound)), `^${foldSpelling(part.compound).slice(0, 3)}`);
  }
  // The Arabic article written onto the name (ALRASHID): also the keys of the name without it.
  const article = /^(AL|EL)(?=[^AEIOU]{1,2}[AEIOU])/.exec(part.text);
  if (article !== null && part.text.length >= 6) {
    const rest = part.text.slice(2);
    keys.push(
      ...phonetic(doubleMetaphone(rest)),
      `^${foldSpelling(rest).slice(0, 3)}`,
      `~${skeletonOf(rest)}`,
    );
  }
  if (traveller && part.skeleton !== '') keys.push(`~${part.skeleton}`);
  return [...new Set(keys)];
}

/** A part's keys for family-name postings: its keys and its last three letters (a typo early in it spares those). */
export function familyKeys(part: NamePart, keys: readonly string[]): string[] {
  if (part.initial || part.unvocalised || part.fold.length < 5) return [...keys];
  return [...keys, `$${part.fold.slice(-3)}`];
}

function phonetic([primary, alternate]: readonly [string, string]): string[] {
  if (primary === '') return [];
  return alternate === '' || alternate === primary ? [primary] : [primary, alternate];
}

/**
 * A part's first two letters, and its first and last letters (folded), as numbers above the classes of
 * first sounds: a typing error past the first letter spares one of the two.
 */
function openings(part: NamePart): [number, number] {
  const fold = part.fold;
  const a = fold.charCodeAt(0) - 65;
  const second = fold.length > 1 ? fold.charCodeAt(1) - 64 : 0;
  const last = fold.length > 1 ? fold.charCodeAt(fold.length - 1) - 64 : 0;
  return [16 + a * 27 + second, 1024 + a * 27 + last];
}

/** The posting keys a listed name is filed under, given its parts' key ids (`[]` for an initial). */
export function filingKeys(
  parts: readonly NamePart[],
  roles: readonly PartRole[],
  keyIds: readonly number[][],
  familyKeyIds: readonly number[][],
  hasDate: boolean,
): number[] {
  const keys: number[] = [];
  if (parts.length === 1) for (const k of keyIds[0] ?? []) keys.push(singleKey(k));
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++)
      for (const a of keyIds[i] ?? []) for (const b of keyIds[j] ?? []) keys.push(pairKey(a, b));
  // Family names (all parts where the list does not tell) also with the opening letters and with the
  // class of the first sound of each other part; only for entries with a birth date, which lookups pass
  // over unless it is near the traveller's (without one, all the entries of a common family name would
  // be read).
  for (let i = 0; i < parts.length && hasDate; i++) {
    if (roles[i] !== PART_ROLES.surname && roles[i] !== PART_ROLES.unknown) continue;
    parts.forEach((other, j) => {
      if (j === i) return;
      const [opening, ends] = openings(other);
      for (const k of familyKeyIds[i] ?? []) {
        keys.push(classKey(k, other.initialClass));
        if (!other.initial) keys.push(classKey(k, opening), classKey(k, ends));
      }
    });
  }
  return [...new Set(keys)];
}

/**
 * The posting keys a traveller's name looks up, given its parts' key ids (unknown keys left out) and
 * roles. Family-name keys are looked up for the traveller's family name, and, for a name of two full
 * parts, for the other too (the two fields are sometimes swapped; with more parts, two of them still
 * pair up whatever the fields).
 */
export function lookupKeys(
  parts: readonly NamePart[],
  roles: readonly PartRole[],
  keyIds: readonly number[][],
  familyKeyIds: readonly number[][],
): number[] {
  const keys: number[] = [];
  const full = parts.filter((part) => !part.initial).length;
  for (let i = 0; i < parts.length; i++) {
    for (const k of keyIds[i] ?? []) keys.push(singleKey(k));
    for (let j = i + 1; j < parts.length; j++)
      for (const a of keyIds[i] ?? []) for (const b of keyIds[j] ?? []) keys.push(pairKey(a, b));
    const family = roles[i] === PART_ROLES.surname || roles[i] === PART_ROLES.unknown || full <= 2;
    if (!family) continue;
    // With the opening letters of another part (misspelt beyond its own keys) or its first sound (an
    // initial); with every first sound for a traveller of one full part.
    parts.forEach((other, j) => {
      if (j === i) return;
      const [opening, ends] = openings(other);
      for (const k of familyKeyIds[i] ?? []) {
        if (other.initial) keys.push(classKey(k, other.initialClass));
        else keys.push(classKey(k, opening), classKey(k, ends));
      }
    });
    if (full === 1)
      for (const c of ALL_CLASSES) for (const k of familyKeyIds[i] ?? []) keys.push(classKey(k, c));
  }
  return [...new Set(keys)];
}

const ALL_CLASSES = Array.from({ length: 10 }, (_, c) => c);
