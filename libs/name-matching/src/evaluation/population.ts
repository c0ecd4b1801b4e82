import { CULTURES, type Culture } from './name-pools.js';
import { RankedPool, type Random } from './random.js';

/** One word of a person's name as its holder writes it; Arabic words with their Latin spellings. */
export interface NameWord {
  readonly source: string;
  readonly spellings?: readonly string[];
}

/** A synthetic person: the truth the list and the traveller data are both renderings of. */
export interface Person {
  readonly culture: Culture;
  readonly sex: 'M' | 'F';
  /** First given name, further given names, patronymic or father's name, in order. */
  readonly given: readonly NameWord[];
  readonly surname: readonly NameWord[];
  readonly birthDate: string;
  readonly nationality: string;
  readonly document: string;
}

// Real populations have a long tail of rare family names: the authored pools are the common head,
// drawn for a fifth of the people; the rest get a name from the tail (the first syllable of one pool
// name and the rest of another, ~10,000 per tradition, or an Arabic nisba), so that two random
// people share a family name about as often as they do in a large country.
const HEAD_SHARE = 0.2;
const SURNAME_EXPONENT = 0.6;
// Given names are less scattered: the authored pool for three quarters of the people, a tail made the
// same way for the rest (Arabic given names, as concentrated as they are, only from the pool).
const GIVEN_HEAD_SHARE = 0.75;
const GIVEN_EXPONENT = 0.3;

interface CulturePools {
  readonly male: RankedPool<NameWord>;
  readonly female: RankedPool<NameWord>;
  readonly surnames: RankedPool<NameWord>;
}

const word = (text: string): NameWord => {
  const [source = '', spellings] = text.split('|');
  const clean = source.replace(/_/g, ' ');
  return spellings === undefined ? { source: clean } : { source: clean, spellings: spellings.split(',') };
};

export class Population {
  private readonly pools = new Map<Culture, CulturePools>();
  private readonly cultures: readonly (readonly [Culture, number])[];

  constructor(private readonly random: Random) {
    this.cultures = CULTURES.map((c) => [c, c.weight] as const);
    for (const culture of CULTURES)
      this.pools.set(culture, {
        male: new RankedPool(culture.male.map(word), GIVEN_EXPONENT),
        female: new RankedPool(culture.female.map(word), GIVEN_EXPONENT),
        surnames: new RankedPool(culture.surnames.map(word), SURNAME_EXPONENT),
      });
  }

  private poolsOf(culture: Culture): CulturePools {
    const pools = this.pools.get(culture);
    if (pools === undefined) throw new RangeError(`no name pools for ${culture.code}`);
    return pools;
  }

  culture(): Culture {
    return this.random.weighted(this.cultures);
  }

  /** A new person of `culture` (drawn by population share if not given). */
  person(culture: Culture = this.culture(), sex: 'M' | 'F' = this.random.chance(0.5) ? 'M' : 'F'): Person {
    const r = this.random;
    return {
      culture,
      sex,
      given: this.givenNames(culture, sex),
      surname: this.familyName(culture, sex),
      birthDate: this.birthDate(),
      nationality: r.chance(0.6) ? (culture.nationalities[0] ?? '') : r.pick(culture.nationalities),
      document: `${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}${r.int(1_000_000, 9_999_999)}`,
    };
  }

  birthDate(): string {
    const r = this.random;
    const year = r.int(1945, 2007);
    const month = r.int(1, 12);
    const day = r.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${two(month)}-${two(day)}`;
  }

  firstName(culture: Culture, sex: 'M' | 'F'): NameWord {
    const pools = this.poolsOf(culture);
    const pool = sex === 'M' ? pools.male : pools.female;
    if (culture.script === 'arabic' || this.random.chance(GIVEN_HEAD_SHARE)) return pool.draw(this.random);
    return this.blend(pool.items) ?? pool.draw(this.random);
  }

  /** A name of the tail: the first syllable of one name of the pool and the rest of another. */
  private blend(items: readonly NameWord[]): NameWord | undefined {
    for (let attempt = 0; attempt < 20; attempt++) {
      const a = this.random.pick(items).source;
      const b = this.random.pick(items).source;
      if (a.includes(' ') || b.includes(' ') || a === b) continue;
      const head = firstSyllable(a);
      const tail = fromSecondSyllable(b);
      if (head !== '' && tail !== '') return { source: head + tail };
    }
    return undefined;
  }

  givenNames(culture: Culture, sex: 'M' | 'F'): NameWord[] {
    const r = this.random;
    const first = this.firstName(culture, sex);
    const another = () => {
      for (;;) {
        const next = this.firstName(culture, sex);
        if (next.source !== first.source) return next;
      }
    };
    switch (culture.code) {
      case 'vi':
        return [r.chance(0.7) ? { source: sex === 'M' ? 'Văn' : 'Thị' } : another(), first];
      case 'ru':
      case 'uk':
        return r.chance(0.85) ? [first, this.patronymic(culture, sex)] : [first];
      case 'ar': {
        const father = this.firstName(culture, 'M');
        const names = [first];
        if (r.chance(0.85)) names.push(father);
        if (r.chance(0.25)) names.push(this.firstName(culture, 'M'));
        return names;
      }
      default: {
        const second = { en: 0.5, es: 0.25, pt: 0.6, fr: 0.4, de: 0.4, nl: 0.5, nordic: 0.4, pl: 0.3 }[
          culture.code as 'en'
        ];
        return r.chance(second ?? 0.3) ? [first, another()] : [first];
      }
    }
  }

  /** A patronymic from a father's name (Сергей → Сергеевич / Сергеевна). */
  patronymic(culture: Culture, sex: 'M' | 'F'): NameWord {
    for (;;) {
      const father = this.firstName(culture, 'M').source.replace('ё', 'е');
      if (/[ая]$/u.test(father)) continue; // Никита, Илья: irregular
      if (culture.code === 'uk') {
        const stem = father.replace(/[оьй]$/u, '');
        return { source: stem + (sex === 'M' ? 'ович' : 'івна') };
      }
      if (/[йь]$/u.test(father)) return { source: father.slice(0, -1) + (sex === 'M' ? 'евич' : 'евна') };
      return { source: father + (sex === 'M' ? 'ович' : 'овна') };
    }
  }

  familyName(culture: Culture, sex: 'M' | 'F'): NameWord[] {
    const r = this.random;
    const one = () => feminine(this.surname(culture), culture, sex);
    switch (culture.code) {
      case 'es':
        return r.chance(0.9) ? [one(), one()] : [one()];
      case 'pt': {
        const names = r.chance(0.6) ? [one(), one()] : [one()];
        if (r.chance(0.2)) names[0] = { source: `${r.pick(['da', 'dos', 'de'])} ${names[0]?.source ?? ''}` };
        return names;
      }
      case 'fr':
        return [r.chance(0.03) ? { source: `de ${one().source}` } : one()];
      case 'de':
        return [r.chance(0.03) ? { source: `von ${one().source}` } : one()];
      default:
        return [one()];
    }
  }

  /** A family name: from the pool's head, or from the long tail. */
  surname(culture: Culture): NameWord {
    const pool = this.poolsOf(culture).surnames;
    if (this.random.chance(HEAD_SHARE) || culture.code === 'vi') return pool.draw(this.random);
    if (culture.code === 'ar') return nisba(this.random.pick(culture.male.map(word)));
    return this.blend(pool.items) ?? pool.draw(this.random);
  }
}

const two = (n: number) => String(n).padStart(2, '0');

const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýœаеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ]/iu;
const isVowel = (c: string | undefined) => c !== undefined && VOWEL.test(c);

/** Up to and with the first vowel group and one consonant after it (Smith → Smit). */
function firstSyllable(name: string): string {
  const chars = [...name];
  let i = 0;
  while (i < chars.length && !isVowel(chars[i])) i++;
  while (i < chars.length && isVowel(chars[i])) i++;
  if (i >= chars.length - 1) return '';
  return chars.slice(0, i + 1).join('');
}

/** From the consonant before the second vowel group (Johnson → son). */
function fromSecondSyllable(name: string): string {
  const chars = [...name];
  let i = 0;
  while (i < chars.length && !isVowel(chars[i])) i++;
  while (i < chars.length && isVowel(chars[i])) i++;
  while (i < chars.length && !isVowel(chars[i])) i++;
  if (i >= chars.length || i < 2) return '';
  return chars
    .slice(i - 1)
    .join('')
    .toLowerCase();
}

/** An Arabic family name of origin from a given name: محمد → المحمدي, AL-MOHAMMEDI. */
function nisba(name: NameWord): NameWord {
  const stem = name.source.replace(/[ةىاي]$/u, '');
  return {
    source: `ال${stem}ي`,
    spellings: (name.spellings ?? []).map((s) => `AL-${s.replace(/[AEIOUY]+$/u, '')}I`),
  };
}

/** The family name as a woman of that tradition bears it. */
export function feminine(name: NameWord, culture: Culture, sex: 'M' | 'F'): NameWord {
  if (sex === 'M') return name;
  const s = name.source;
  const rules: Partial<Record<Culture['code'], readonly (readonly [RegExp, string])[]>> = {
    ru: [
      [/(ов|ев|ёв|ин|ын)$/u, '$1а'],
      [/ский$/u, 'ская'],
      [/цкий$/u, 'цкая'],
    ],
    uk: [
      [/ський$/u, 'ська'],
      [/цький$/u, 'цька'],
      [/(ов|ев|ин)$/u, '$1а'],
    ],
    el: [
      [/ος$/u, 'ου'],
      [/ός$/u, 'ού'],
      [/ης$/u, 'η'],
      [/ής$/u, 'ή'],
      [/ας$/u, 'α'],
      [/άς$/u, 'ά'],
    ],
    pl: [
      [/ski$/u, 'ska'],
      [/cki$/u, 'cka'],
    ],
  };
  for (const [pattern, replacement] of rules[culture.code] ?? [])
    if (pattern.test(s)) return { ...name, source: s.replace(pattern, replacement) };
  return name;
}
