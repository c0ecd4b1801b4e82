import { doubleMetaphone, type PhoneticKeys } from './double-metaphone.js';
import { transliterateName, type NameScript, type TransliteratedWord } from './transliterate.js';

/** A person's name as a list or a carrier gives it. */
export interface PersonName {
  /** Family name(s). When a list does not say which words are the family name, the whole name here. */
  readonly surname: string;
  readonly givenNames?: string;
}

/** One word of a name, read for comparison. */
export interface NamePart {
  /** A-Z, Doc 9303 (`MUELLER`). */
  readonly text: string;
  /** Doc 9303's other spelling (`MULLER`), or `''`. */
  readonly plain: string;
  /** Particles before it joined on (`VANDERBERG` for BERG in VAN DER BERG), or `''`. */
  readonly compound: string;
  /** `text` with the differences between transliteration schemes folded away (see `foldSpelling`). */
  readonly fold: string;
  /** Consonants only (`skeletonOf`): what unvocalised Arabic and a Latin spelling of it share (MHMD). */
  readonly skeleton: string;
  readonly keys: PhoneticKeys;
  /** Class of the first sound (`initialClass`), for candidate generation and initials. */
  readonly initialClass: number;
  /** One letter: an initial. */
  readonly initial: boolean;
  /** Read from Arabic script without vowel marks: compared on its skeleton. */
  readonly unvocalised: boolean;
  readonly script: NameScript;
}

/** Where a part stands in its name, which sets its weight: a family name counts most. */
export const PART_ROLES = Object.freeze({
  surname: 0,
  firstGiven: 1,
  laterGiven: 2,
  /** The list did not say which words are the family name. */
  unknown: 3,
});
export type PartRole = (typeof PART_ROLES)[keyof typeof PART_ROLES];

/** A name read for comparison: the parts that count, and the particles (shown, not compared alone). */
export interface PreparedName {
  readonly parts: readonly NamePart[];
  /** The role of each part, in order. */
  readonly roles: readonly PartRole[];
  /** Particles (VAN, AL, ABD …), each with the index of the part it stands before. */
  readonly particles: readonly NameParticle[];
  /** `SURNAME, GIVEN NAMES` in A-Z, for explanations. */
  readonly display: string;
}

// Particles attach to the word that follows them (VAN DER BERG, AL RASHID, ABD AL RAHMAN) and count only
// through it: a name with them matches the same name without them or written as one word.
// Arabic prefixes are particles anywhere in a name; the others (DE, DA, BEN, LE …) are also given names
// or words of their own, so only in a family name or a name whose parts are not told apart.
const PREFIX_PARTICLES = new Set([
  'AL',
  'EL',
  'UL',
  'BIN',
  'IBN',
  'BINT',
  'ABD',
  'ABDUL',
  'ABDEL',
  'ABDOUL',
  'ABU',
  'ABOU',
]);
const FAMILY_PARTICLES = new Set([
  ...['VAN', 'VON', 'DER', 'DEN', 'TER', 'TEN', 'ZU', 'ZUR', 'DE', 'DEL', 'DELA', 'DELLA', 'DEGLI', 'DEI'],
  ...['DI', 'DA', 'DAS', 'DO', 'DOS', 'DU', 'LA', 'LE', 'LES', 'LO', 'Y', 'E', 'BEN', 'AP', 'O', 'MAC', 'MC'],
]);

export interface NameParticle {
  readonly text: string;
  readonly before: number;
}

/** Reads a name into its parts (transliterated, particles attached, roles, keys). */
export function prepareName(name: PersonName): PreparedName {
  const givenWords = transliterateName(name.givenNames ?? '');
  const surnameWords = transliterateName(name.surname);
  const split = givenWords.length > 0;
  const read = { parts: [] as NamePart[], roles: [] as PartRole[], particles: [] as NameParticle[] };
  readField(surnameWords, split ? 'surname' : 'unknown', read);
  readField(givenWords, 'given', read);
  const surname = surnameWords.map((w) => w.text).join(' ');
  const given = givenWords.map((w) => w.text).join(' ');
  return { ...read, display: given === '' ? surname : `${surname}, ${given}` };
}

type NameField = 'surname' | 'given' | 'unknown';

function readField(
  words: TransliteratedWord[],
  field: NameField,
  name: { parts: NamePart[]; roles: PartRole[]; particles: NameParticle[] },
) {
  const { parts, roles, particles } = name;
  let pending = '';
  let given = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) continue;
    const followed = i + 1 < words.length;
    const particle =
      followed && (PREFIX_PARTICLES.has(word.text) || (field !== 'given' && FAMILY_PARTICLES.has(word.text)));
    if (particle) {
      particles.push({ text: word.text, before: parts.length });
      pending += word.text;
      continue;
    }
    parts.push(namePart(word, pending === '' ? '' : pending + word.text));
    roles.push(
      field === 'surname'
        ? PART_ROLES.surname
        : field === 'unknown'
          ? PART_ROLES.unknown
          : given++ === 0
            ? PART_ROLES.firstGiven
            : PART_ROLES.laterGiven,
    );
    pending = '';
  }
}

/** A part from one transliterated word. */
export function namePart(word: TransliteratedWord, compound = ''): NamePart {
  const fold = foldSpelling(word.text);
  return {
    text: word.text,
    plain: word.plain,
    compound,
    fold,
    skeleton: skeletonOf(word.text),
    keys: doubleMetaphone(word.text),
    initialClass: initialClass(fold),
    initial: word.text.length === 1,
    unvocalised: word.unvocalised,
    script: word.script,
  };
}

// Spellings that differ only by the scheme that wrote them (Cyrillic by Doc 9303, BGN, German or
// French rules; Greek by ELOT 743 or by ear; Arabic by English or French habit) fold to one form:
// IULIIA, YULIYA, JULIJA and IOULIA are all IULIA; KHALED and CHALED are HALED; MOHAMMED is MOHAMED.
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/SCHTSCH|CHTCH/g, 'SHCH'],
  [/TSCH/g, 'CH'],
  [/TCH/g, 'CH'],
  [/SCH/g, 'SH'],
  [/DZH|DJ|ZH/g, 'J'],
  [/KH|CH/g, 'H'],
  [/GH/g, 'G'],
  [/PH/g, 'F'],
  [/TH/g, 'T'],
  [/DH/g, 'D'],
  [/OU|OO/g, 'U'],
  [/EE/g, 'I'],
  [/[YJ]/g, 'I'],
  [/W/g, 'V'],
  [/[QC]/g, 'K'],
  [/X/g, 'KS'],
  [/(.)\1+/g, '$1'],
];

/** `text` (A-Z) with the differences between transliteration schemes folded away. */
export function foldSpelling(text: string): string {
  let folded = text;
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * The consonants of a spelling, folded, doubled ones once (MOHAMMED → MHMD, KHALID → HLD). It serves to
 * compare with unvocalised Arabic, so J (and DJ) is the consonant ج, as G is in Egyptian usage (JAMAL,
 * DJAMEL, GAMAL and جمال are all GML), not the vowel-like J of Slavic spellings.
 */
export function skeletonOf(text: string): string {
  return foldSpelling(text.replace(/DZH|DJ|J/g, 'G'))
    .replace(/[AEIOU]/g, '')
    .replace(/(.)\1+/g, '$1');
}

// Classes of first sounds that transliteration schemes write with different letters: vowels with the
// I/J/Y of Cyrillic Й, Я, Ю and Е; K, C, Q, G, H, X (Х is KH, H or CH); B, P, F, V, W; D, T; S, Z.
const INITIAL_CLASSES = 'AEIOU|KGH|BPFV|DT|SZ|L|R|M|N'.split('|');
/** No part to pair with: the key of a one-part name. */
export const NO_INITIAL_CLASS = 15;

/** The class of the first letter of a folded spelling (0-8), as `INITIAL_CLASSES` orders them. */
export function initialClass(fold: string): number {
  const first = fold[0];
  if (first === undefined) return NO_INITIAL_CLASS;
  const found = INITIAL_CLASSES.findIndex((letters) => letters.includes(first));
  return found === -1 ? 9 : found;
}
