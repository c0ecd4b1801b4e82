// How a name is written by whoever wrote it: in its own script, by Doc 9303 (modern passports), by the
// other romanisation schemes older passports, visas and foreign lists used. The other schemes are
// written here independently of the matcher's tables, so that the evaluation does not grade the
// matcher against its own transliteration.
import { transliterate } from '../transliterate.js';
import type { Culture } from './name-pools.js';
import type { NameWord } from './population.js';
import type { Random } from './random.js';

export type Rendering =
  | 'original' // the holder's script, with diacritics
  | 'icao' // Doc 9303 (Latin letters with diacritics transliterated: MUELLER); ELOT 743 for Greek
  | 'plain' // diacritics dropped (MULLER)
  | 'bgn' // BGN/PCGN-style English romanisation of Cyrillic (YURIY, YELENA)
  | 'german' // German (Duden) romanisation of Cyrillic (JURIJ, SCHUKOW)
  | 'french' // French romanisation of Cyrillic (IOURI, JOUKOV)
  | 'phonetic' // Greek written by ear (CHRISTOS / HRISTOS, ILIAS / ELIAS)
  | 'spelling'; // another of the Latin spellings in use (Arabic: MOHAMED for MOHAMMED)

export function renderWord(word: NameWord, culture: Culture, rendering: Rendering, random: Random): string {
  if (rendering === 'original') return word.source;
  switch (culture.script) {
    case 'arabic': {
      const spellings = word.spellings ?? [transliterate(word.source)];
      return rendering === 'spelling' ? drift(random.pick(spellings), random) : (spellings[0] ?? word.source);
    }
    case 'cyrillic':
      if (rendering === 'bgn' || rendering === 'german' || rendering === 'french')
        return cyrillic(word.source, rendering, culture.code === 'uk');
      return transliterate(word.source);
    case 'greek':
      return rendering === 'phonetic' ? greekByEar(word.source, random) : transliterate(word.source);
    default:
      return rendering === 'plain' ? withoutDiacritics(word.source) : transliterate(word.source);
  }
}

const SPECIAL_PLAIN: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/** Diacritics dropped, as a keyboard without them writes the name (Müller → Muller). */
export function withoutDiacritics(value: string): string {
  return [...value].map((c) => SPECIAL_PLAIN[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '')).join('');
}

// --- Cyrillic ------------------------------------------------------------------------------------

type Scheme = 'bgn' | 'german' | 'french';
// Per letter: BGN, German, French.
const CYRILLIC: Record<string, readonly [string, string, string]> = {
  а: ['a', 'a', 'a'],
  б: ['b', 'b', 'b'],
  в: ['v', 'w', 'v'],
  г: ['g', 'g', 'g'],
  ґ: ['g', 'g', 'g'],
  д: ['d', 'd', 'd'],
  е: ['e', 'e', 'e'],
  ё: ['yo', 'jo', 'io'],
  є: ['ye', 'je', 'ie'],
  ж: ['zh', 'sch', 'j'],
  з: ['z', 's', 'z'],
  и: ['i', 'i', 'i'],
  і: ['i', 'i', 'i'],
  ї: ['yi', 'ji', 'ii'],
  й: ['y', 'j', 'i'],
  к: ['k', 'k', 'k'],
  л: ['l', 'l', 'l'],
  м: ['m', 'm', 'm'],
  н: ['n', 'n', 'n'],
  о: ['o', 'o', 'o'],
  п: ['p', 'p', 'p'],
  р: ['r', 'r', 'r'],
  с: ['s', 's', 's'],
  т: ['t', 't', 't'],
  у: ['u', 'u', 'ou'],
  ф: ['f', 'f', 'f'],
  х: ['kh', 'ch', 'kh'],
  ц: ['ts', 'z', 'ts'],
  ч: ['ch', 'tsch', 'tch'],
  ш: ['sh', 'sch', 'ch'],
  щ: ['shch', 'schtsch', 'chtch'],
  ъ: ['', '', ''],
  ы: ['y', 'y', 'y'],
  ь: ['', '', ''],
  э: ['e', 'e', 'e'],
  ю: ['yu', 'ju', 'iou'],
  я: ['ya', 'ja', 'ia'],
};
const SCHEME_INDEX: Record<Scheme, number> = { bgn: 0, german: 1, french: 2 };
const CYRILLIC_VOWELS = new Set([...'аеёиоуыэюяіїєъь']);

function cyrillic(source: string, scheme: Scheme, ukrainian: boolean): string {
  const chars = [...source.toLowerCase()];
  let out = '';
  chars.forEach((c, i) => {
    const previous = chars[i - 1];
    const start = previous === undefined || previous === ' ' || previous === '-';
    // Е is YE (JE, IE) at the start of a word and after a vowel or a sign, in all three schemes.
    if (c === 'е' && (start || CYRILLIC_VOWELS.has(previous ?? '')))
      out += scheme === 'bgn' ? 'ye' : scheme === 'german' ? 'je' : 'ie';
    else if (ukrainian && c === 'г') out += 'h';
    else if (ukrainian && c === 'и') out += 'y';
    else if (scheme !== 'bgn' && c === 'и' && chars[i + 1] === 'й' && i + 2 === chars.length) {
      out += 'i'; // -ИЙ is -I in German and French (DOSTOJEWSKI)
      chars[i + 1] = '';
    } else if (scheme === 'german' && c === 'в' && i + 1 === chars.length) out += 'w';
    else if (
      scheme !== 'bgn' &&
      c === 'с' &&
      CYRILLIC_VOWELS.has(previous ?? '') &&
      CYRILLIC_VOWELS.has(chars[i + 1] ?? '')
    )
      out += 'ss'; // between vowels S is written SS (German, French)
    else out += CYRILLIC[c]?.[SCHEME_INDEX[scheme]] ?? c;
  });
  return out.toUpperCase();
}

// --- Greek by ear --------------------------------------------------------------------------------

function greekByEar(source: string, random: Random): string {
  let latin = transliterate(source);
  const swaps: readonly (readonly [RegExp, readonly string[]])[] = [
    [/CH/g, ['CH', 'H', 'KH']],
    [/OU/g, ['OU', 'U']],
    [/AI/g, ['AI', 'E']],
    [/EI/g, ['EI', 'I']],
    [/OI/g, ['OI', 'I']],
    [/Y/g, ['Y', 'I']],
    [/MP/g, ['MP', 'B', 'MB']],
    [/NT/g, ['NT', 'ND']],
    [/GK/g, ['GK', 'NG', 'G']],
    [/^D/g, ['D', 'TH']],
  ];
  for (const [pattern, options] of swaps) latin = latin.replace(pattern, () => random.pick(options));
  // Η was I in ELOT 743 and is often E by ear (ILIAS / ELIAS): a few names show it.
  if (random.chance(0.2)) latin = latin.replace(/^I/, 'E');
  return latin;
}

// --- Arabic spellings ----------------------------------------------------------------------------

/** A further spelling habit now and then: OU for U, a consonant doubled or single, E for A. */
function drift(spelling: string, random: Random): string {
  if (!random.chance(0.3)) return spelling;
  const habits: readonly ((s: string) => string)[] = [
    (s) => s.replace(/OU/, 'U'),
    (s) => s.replace(/U/, 'OU'),
    (s) => s.replace(/([BDFKLMNRST])\1/, '$1'),
    (s) => s.replace(/([AEIOU])([BDFKLMNRST])([AEIOU])/, '$1$2$2$3'),
    (s) => s.replace(/A(?=[^AEIOU]*$)/, 'E'),
    (s) => s.replace(/-/, ''),
    (s) => s.replace(/-/, ' '),
  ];
  return random.pick(habits)(spelling);
}
