import {
  ARABIC_SHADDA,
  ARABIC_TRANSLITERATION,
  ARABIC_VOWEL_MARKS,
  CYRILLIC_TRANSLITERATION,
  GREEK_TRANSLITERATION,
  LATIN_TRANSLITERATION,
  UKRAINIAN_BELARUSIAN_CYRILLIC,
  UKRAINIAN_BELARUSIAN_LETTERS,
} from './transliteration-tables.js';

export type NameScript = 'latin' | 'cyrillic' | 'greek' | 'arabic';

/** One word of a name in A-Z: its Doc 9303 form, and the other spelling a document may carry. */
export interface TransliteratedWord {
  /** The primary form: Doc 9303 for Latin and Cyrillic, ELOT 743 for Greek (`MUELLER`). */
  readonly text: string;
  /** The spelling without Doc 9303's optional expansions (`MULLER`), or `''` when the same. */
  readonly plain: string;
  /** The script the word was written in (the script of its first letter). */
  readonly script: NameScript;
  /** Written in Arabic script without vowel marks: `text` is mostly consonants (محمد → MHMD). */
  readonly unvocalised: boolean;
}

// Apostrophes are dropped (O'BRIEN is OBRIEN, as Doc 9303 writes it); ZWNJ, ZWJ and tatweel join.
const JOINERS = /['\u2019\u2018\u02BC\u02BB`\u00B4\u0640]|\u200C|\u200D/gu;
const WORD = /[\p{L}\p{M}]+/gu;
const MARK = /\p{M}/u;
const GREEK = /[\u0370-\u03FF\u1F00-\u1FFF]/u;
const CYRILLIC = /[\u0400-\u052F]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** The words of `value` in A-Z, each transliterated from whatever script it was written in. */
export function transliterateName(value: string): TransliteratedWord[] {
  const upper = value.normalize('NFC').replace(JOINERS, '').toUpperCase();
  const ukrainian = [...upper].some((c) => UKRAINIAN_BELARUSIAN_LETTERS.has(c));
  const words: TransliteratedWord[] = [];
  for (const [word] of upper.matchAll(WORD)) {
    // A word written in two scripts (a Latin name with a Cyrillic look-alike in it) stays one word.
    let text = '';
    let plain = '';
    let script: NameScript | undefined;
    const flush = () => {
      if (text !== '' && script !== undefined)
        words.push({ text, plain: plain === text ? '' : plain, script, unvocalised: false });
      text = plain = '';
      script = undefined;
    };
    for (const run of scriptRuns(word)) {
      if (run.script === 'arabic') {
        flush();
        words.push(...arabicWords(run.text));
        continue;
      }
      const [runText, runPlain] =
        run.script === 'greek'
          ? [greekToLatin(run.text), undefined]
          : run.script === 'cyrillic'
            ? [cyrillicToLatin(run.text, ukrainian), undefined]
            : latinToAscii(run.text);
      script ??= run.script;
      text += runText;
      plain += runPlain ?? runText;
    }
    flush();
  }
  return words;
}

/** The name in A-Z, words separated by one space: the primary forms of `transliterateName`. */
export function transliterate(value: string): string {
  return transliterateName(value)
    .map((word) => word.text)
    .join(' ');
}

/** Runs of one script inside a word, so that a Latin word with one Cyrillic look-alike still reads. */
function scriptRuns(word: string): { script: NameScript; text: string }[] {
  const runs: { script: NameScript; text: string }[] = [];
  for (const char of word) {
    const script: NameScript = CYRILLIC.test(char)
      ? 'cyrillic'
      : GREEK.test(char)
        ? 'greek'
        : ARABIC.test(char)
          ? 'arabic'
          : 'latin';
    const last = runs.at(-1);
    // A combining mark belongs to the letter before it, whatever its block.
    if (last !== undefined && (last.script === script || MARK.test(char))) last.text += char;
    else runs.push({ script, text: char });
  }
  return runs;
}

function latinToAscii(run: string): [string, string] {
  let text = '';
  let plain = '';
  for (const char of run) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) {
      text += char;
      plain += char;
      continue;
    }
    const listed = LATIN_TRANSLITERATION.get(char);
    if (listed !== undefined) {
      text += listed.icao;
      plain += listed.plain ?? listed.icao;
      continue;
    }
    const ascii = asciiLetters(char.normalize('NFKD'));
    text += ascii;
    plain += ascii;
  }
  return [text, plain];
}

function asciiLetters(value: string): string {
  let out = '';
  for (const char of value.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) out += char;
  }
  return out;
}

function cyrillicToLatin(run: string, ukrainian: boolean): string {
  let out = '';
  for (const char of run.normalize('NFC')) {
    const latin =
      (ukrainian ? UKRAINIAN_BELARUSIAN_CYRILLIC.get(char) : undefined) ?? CYRILLIC_TRANSLITERATION.get(char);
    out += latin ?? asciiLetters(char.normalize('NFKD'));
  }
  return out;
}

// --- Greek: ELOT 743 ------------------------------------------------------------------------------

const GREEK_VOWELS = new Set(['Α', 'Ε', 'Η', 'Ι', 'Ο', 'Υ', 'Ω']);
/** After ΑΥ, ΕΥ, ΗΥ: V before a vowel or a voiced consonant, F otherwise. */
const GREEK_VOICED = new Set(['Β', 'Γ', 'Δ', 'Ζ', 'Λ', 'Μ', 'Ν', 'Ρ']);
const DIAERESIS = '\u0308';

function greekToLatin(run: string): string {
  // Letters without accents; a diaeresis is kept as a flag: it splits a digraph (ΑΫ is A-Y, not AV).
  const letters: string[] = [];
  const diaeresis: boolean[] = [];
  for (const char of run.normalize('NFD')) {
    if (MARK.test(char)) {
      if (char === DIAERESIS && letters.length > 0) diaeresis[letters.length - 1] = true;
      continue;
    }
    letters.push(char === 'ς' ? 'Σ' : char);
    diaeresis.push(false);
  }
  let out = '';
  const last = letters.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = letters[i] ?? '';
    const next = i < last && !diaeresis[i + 1] ? letters[i + 1] : undefined;
    const edge = i === 0 || i + 1 === last;
    if ((c === 'Α' || c === 'Ε' || c === 'Η') && next === 'Υ') {
      const after = letters[i + 2];
      const voiced = after !== undefined && (GREEK_VOWELS.has(after) || GREEK_VOICED.has(after));
      out += (GREEK_TRANSLITERATION.get(c) ?? '') + (voiced ? 'V' : 'F');
      i++;
    } else if (c === 'Ο' && next === 'Υ') {
      out += 'OU';
      i++;
    } else if (c === 'Μ' && next === 'Π') {
      out += edge ? 'B' : 'MP';
      i++;
    } else if (c === 'Ν' && next === 'Τ') {
      out += edge ? 'D' : 'NT';
      i++;
    } else if (c === 'Γ' && (next === 'Γ' || next === 'Κ' || next === 'Ξ' || next === 'Χ')) {
      out += next === 'Κ' ? (i === 0 ? 'G' : 'GK') : `N${GREEK_TRANSLITERATION.get(next) ?? ''}`;
      i++;
    } else out += GREEK_TRANSLITERATION.get(c) ?? asciiLetters(c.normalize('NFKD'));
  }
  return out;
}

// --- Arabic ---------------------------------------------------------------------------------------

const ARABIC_LONG_VOWELS = new Set(['ا', 'ى', 'ة']);
/** Words of names whose vowels are known: the kinship and servant prefixes (particles). */
const ARABIC_PARTICLES: ReadonlyMap<string, string> = new Map([
  ['بن', 'BIN'],
  ['ابن', 'IBN'],
  ['بنت', 'BINT'],
  ['أبو', 'ABU'],
  ['ابو', 'ABU'],
  ['عبد', 'ABD'],
]);
const AYN = 'ع';
const ALLAH = 'الله';

/** An Arabic word: the article ال is a word of its own (AL), as lists write AL-RASHID. */
function arabicWords(run: string): TransliteratedWord[] {
  const vocalised = [...run].some((c) => ARABIC_VOWEL_MARKS.has(c) || c === ARABIC_SHADDA);
  const bare = [...run].filter((c) => !MARK.test(c)).join('');
  const word = (text: string, unvocalised: boolean): TransliteratedWord => ({
    text,
    plain: '',
    script: 'arabic',
    unvocalised,
  });
  if (bare === ALLAH) return [word('ALLAH', false)];
  const particle = ARABIC_PARTICLES.get(bare);
  if (particle !== undefined) return [word(particle, false)];
  // عبدالله written as one word: the name before Allah, then ALLAH (ABDALLAH).
  if (bare.endsWith(ALLAH)) {
    const before = arabicToLatin(bare.slice(0, -ALLAH.length));
    return [word(`${before}ALLAH`, !vocalised)];
  }
  if (bare.startsWith('ال') && bare.length > 3) {
    const rest = run.slice(run.indexOf('ل') + 1).replace(/^\p{M}+/u, '');
    return [word('AL', false), ...arabicWords(rest)];
  }
  const text = arabicToLatin(run);
  return text === '' ? [] : [word(text, !vocalised)];
}

function arabicToLatin(run: string): string {
  const chars = [...run.normalize('NFC')];
  let out = '';
  let lastConsonant = '';
  // Where the last consonant ends: shadda doubles it there, before a vowel mark that may come first
  // (Unicode orders fatha before shadda).
  let consonantEnd = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const next = chars.slice(i + 1).find((n) => !MARK.test(n) || ARABIC_VOWEL_MARKS.has(n));
    const vowel = ARABIC_VOWEL_MARKS.get(c);
    if (vowel !== undefined) {
      out += vowel;
      continue;
    }
    if (c === ARABIC_SHADDA) {
      out = out.slice(0, consonantEnd) + lastConsonant + out.slice(consonantEnd);
      consonantEnd += lastConsonant.length;
      continue;
    }
    if (MARK.test(c)) continue; // sukun, tanwin
    const start = out === '';
    if (c === AYN) {
      // ʿayn is not written in A-Z; word-initially it stands for the vowel it carries.
      if (start && (next === undefined || !ARABIC_VOWEL_MARKS.has(next))) out += 'A';
      continue;
    }
    if (c === 'و' || c === 'ي' || c === 'ی') {
      const beforeVowel =
        next !== undefined && (ARABIC_LONG_VOWELS.has(next) || ARABIC_VOWEL_MARKS.has(next));
      const consonant = start || beforeVowel;
      const latin = c === 'و' ? (consonant ? 'W' : 'U') : consonant ? 'Y' : 'I';
      out += latin;
      lastConsonant = consonant ? latin : '';
      consonantEnd = out.length;
      continue;
    }
    const latin = ARABIC_TRANSLITERATION.get(c);
    if (latin === undefined) continue;
    out += latin;
    lastConsonant = ARABIC_LONG_VOWELS.has(c) ? '' : latin;
    consonantEnd = out.length;
  }
  return out;
}
