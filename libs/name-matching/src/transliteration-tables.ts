// Transliteration tables, as data. Each maps one upper-case letter (precomposed, NFC) to A-Z.
//
// Latin letters with diacritics and Cyrillic: ICAO Doc 9303 (8th edition, 2021), Part 3 "Specifications
// common to all MRTDs", §6 "Transliterations recommended for use by States": the table of multinational
// Latin-based characters and the table of Cyrillic characters. Where Doc 9303 allows a second spelling
// (Ä "AE or A", Ö "OE or O", Ü "UE, UXX or U", Å "AA or A", Ñ "N or NXX") the first is the primary form
// and the form without the letter's mark is kept as `plain`, because both are found in machine-readable
// zones and lists. Letters not listed (É, Ç, Š, Ő …) lose their marks by Unicode decomposition (NFKD),
// which is what the Doc 9303 table gives for them.
//
// Greek: ELOT 743:2001 (= ISO 843:1997, transcription), the scheme Greek passports print; its
// context rules (ΑΥ, ΕΥ, ΗΥ, ΜΠ, ΝΤ, ΓΚ, ΓΓ …) are in `transliterate.ts`.
//
// Arabic (with the Persian and Urdu letters): a simplified BGN/PCGN 1956 romanisation as found in
// passports of Arab states — no diacritics, ʿayn and hamza dropped, ta marbuta as A. Short vowels are
// not written in Arabic, so a name transliterated from unvocalised Arabic is mostly its consonants;
// parts from Arabic script are compared on their consonant skeletons (`name-parts.ts`).

/** A Latin letter with a diacritic, or a ligature, and its Doc 9303 transliteration. */
export interface LatinTransliteration {
  readonly icao: string;
  /** The other spelling found in documents (Ü as U), when Doc 9303 allows one. */
  readonly plain?: string;
}

/** Doc 9303 Part 3 §6, multinational Latin-based characters that NFKD alone would not give right. */
export const LATIN_TRANSLITERATION: ReadonlyMap<string, LatinTransliteration> = new Map([
  ['Ä', { icao: 'AE', plain: 'A' }],
  ['Å', { icao: 'AA', plain: 'A' }],
  ['Æ', { icao: 'AE' }],
  ['Ð', { icao: 'D' }], // Icelandic eth
  ['Đ', { icao: 'D' }],
  ['Ħ', { icao: 'H' }],
  ['Ĳ', { icao: 'IJ' }],
  ['İ', { icao: 'I' }],
  ['ı', { icao: 'I' }], // dotless i: toUpperCase gives I, kept for callers that skip it
  ['Ŀ', { icao: 'L' }],
  ['Ł', { icao: 'L' }],
  ['Ñ', { icao: 'N' }],
  ['Ŋ', { icao: 'N' }],
  ['Ö', { icao: 'OE', plain: 'O' }],
  ['Ø', { icao: 'OE', plain: 'O' }],
  ['Œ', { icao: 'OE' }],
  ['ß', { icao: 'SS' }],
  ['ẞ', { icao: 'SS' }],
  ['Þ', { icao: 'TH' }],
  ['Ŧ', { icao: 'T' }],
  ['Ü', { icao: 'UE', plain: 'U' }],
]);

/** Doc 9303 Part 3 §6, Cyrillic characters (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian). */
export const CYRILLIC_TRANSLITERATION: ReadonlyMap<string, string> = new Map([
  ['А', 'A'],
  ['Б', 'B'],
  ['В', 'V'],
  ['Г', 'G'], // H in Belarusian and Ukrainian: see UKRAINIAN_BELARUSIAN_CYRILLIC
  ['Ґ', 'G'],
  ['Д', 'D'],
  ['Ђ', 'D'],
  ['Ѓ', 'G'],
  ['Е', 'E'],
  ['Ё', 'E'],
  ['Є', 'IE'],
  ['Ж', 'ZH'],
  ['З', 'Z'],
  ['Ѕ', 'DZ'],
  ['И', 'I'], // Y in Ukrainian
  ['І', 'I'],
  ['Ї', 'I'],
  ['Й', 'I'],
  ['Ј', 'J'],
  ['К', 'K'],
  ['Ќ', 'K'],
  ['Л', 'L'],
  ['Љ', 'LJ'],
  ['М', 'M'],
  ['Н', 'N'],
  ['Њ', 'NJ'],
  ['О', 'O'],
  ['П', 'P'],
  ['Р', 'R'],
  ['С', 'S'],
  ['Т', 'T'],
  ['Ћ', 'C'],
  ['У', 'U'],
  ['Ў', 'U'],
  ['Ф', 'F'],
  ['Х', 'KH'],
  ['Ц', 'TS'],
  ['Ч', 'CH'],
  ['Џ', 'DZ'],
  ['Ш', 'SH'],
  ['Щ', 'SHCH'],
  ['Ъ', 'IE'],
  ['Ы', 'Y'],
  ['Ь', ''],
  ['Э', 'E'],
  ['Ю', 'IU'],
  ['Я', 'IA'],
]);

/** Letters only Ukrainian or Belarusian write; a name with one is read with their values below. */
export const UKRAINIAN_BELARUSIAN_LETTERS = new Set(['Є', 'І', 'Ї', 'Ґ', 'Ў']);
/** Doc 9303's language notes: Г is H in Belarusian and Ukrainian, И is Y in Ukrainian. */
export const UKRAINIAN_BELARUSIAN_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['Г', 'H'],
  ['И', 'Y'],
]);

/** ELOT 743 single letters (upper case, accents removed beforehand). */
export const GREEK_TRANSLITERATION: ReadonlyMap<string, string> = new Map([
  ['Α', 'A'],
  ['Β', 'V'],
  ['Γ', 'G'],
  ['Δ', 'D'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'I'],
  ['Θ', 'TH'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Λ', 'L'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ξ', 'X'],
  ['Ο', 'O'],
  ['Π', 'P'],
  ['Ρ', 'R'],
  ['Σ', 'S'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Φ', 'F'],
  ['Χ', 'CH'],
  ['Ψ', 'PS'],
  ['Ω', 'O'],
]);

/**
 * Arabic letters (and Persian/Urdu additions). `''` drops the letter (hamza; ʿayn inside a word).
 * و and ي are consonants (W, Y) or long vowels (U, I) by position: see `transliterate.ts`.
 */
export const ARABIC_TRANSLITERATION: ReadonlyMap<string, string> = new Map([
  ['ا', 'A'],
  ['أ', 'A'],
  ['إ', 'I'],
  ['آ', 'A'],
  ['ٱ', 'A'],
  ['ء', ''],
  ['ؤ', ''],
  ['ئ', ''],
  ['ب', 'B'],
  ['ت', 'T'],
  ['ث', 'TH'],
  ['ج', 'J'],
  ['ح', 'H'],
  ['خ', 'KH'],
  ['د', 'D'],
  ['ذ', 'DH'],
  ['ر', 'R'],
  ['ز', 'Z'],
  ['س', 'S'],
  ['ش', 'SH'],
  ['ص', 'S'],
  ['ض', 'D'],
  ['ط', 'T'],
  ['ظ', 'Z'],
  ['ع', ''], // at the start of a word it carries the (unwritten) vowel: A, see transliterate.ts
  ['غ', 'GH'],
  ['ف', 'F'],
  ['ق', 'Q'],
  ['ك', 'K'],
  ['ک', 'K'],
  ['ل', 'L'],
  ['م', 'M'],
  ['ن', 'N'],
  ['ه', 'H'],
  ['ھ', 'H'],
  ['ة', 'A'],
  ['ۀ', 'H'],
  ['و', 'W'],
  ['ي', 'Y'],
  ['ی', 'Y'],
  ['ى', 'A'],
  ['پ', 'P'],
  ['چ', 'CH'],
  ['ژ', 'ZH'],
  ['گ', 'G'],
]);

/** Arabic vowel marks, when a name is written vocalised: fatha, damma, kasra (tanwin, sukun dropped). */
export const ARABIC_VOWEL_MARKS: ReadonlyMap<string, string> = new Map([
  ['\u064E', 'A'],
  ['\u064F', 'U'],
  ['\u0650', 'I'],
]);
export const ARABIC_SHADDA = '\u0651';
