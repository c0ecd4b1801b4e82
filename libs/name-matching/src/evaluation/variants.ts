// The ways one person's name reaches a list and a carrier's data differently: another script or
// romanisation, diacritics kept, transliterated or dropped, typing errors, parts swapped, dropped,
// reduced to initials, particles joined on.
import type { Traveller, WatchlistEntry } from '../matcher.js';
import type { Culture } from './name-pools.js';
import type { NameWord, Person } from './population.js';
import type { Random } from './random.js';
import { renderWord, type Rendering } from './renderings.js';

/** A name as written: words of the family name and of the given names. */
export interface WrittenName {
  surname: string[];
  given: string[];
}

export function writeName(
  person: Pick<Person, 'culture' | 'given' | 'surname'>,
  rendering: Rendering,
  random: Random,
): WrittenName {
  const render = (w: NameWord) => renderWord(w, person.culture, rendering, random);
  return { surname: person.surname.map(render), given: person.given.map(render) };
}

/** How a list writes the name of a person of this tradition. */
export function listRendering(culture: Culture, random: Random): Rendering {
  switch (culture.script) {
    case 'cyrillic':
      return random.weighted([
        ['original', 45],
        ['icao', 35],
        ['bgn', 20],
      ] as const);
    case 'greek':
      return random.weighted([
        ['original', 45],
        ['icao', 40],
        ['phonetic', 15],
      ] as const);
    case 'arabic':
      return random.weighted([
        ['original', 35],
        ['icao', 40],
        ['spelling', 25],
      ] as const);
    default:
      return random.weighted([
        ['original', 75],
        ['icao', 15],
        ['plain', 10],
      ] as const);
  }
}

/** How a traveller's passport (and so the carrier's data) writes it. */
export function passportRendering(culture: Culture, random: Random): Rendering {
  switch (culture.script) {
    case 'cyrillic':
      return random.weighted([
        ['icao', 60],
        ['bgn', 25],
        ['german', 8],
        ['french', 7],
      ] as const);
    case 'greek':
      return random.weighted([
        ['icao', 75],
        ['phonetic', 25],
      ] as const);
    case 'arabic':
      return random.weighted([
        ['icao', 40],
        ['spelling', 60],
      ] as const);
    default:
      return random.weighted([
        ['icao', 60],
        ['plain', 30],
        ['original', 10],
      ] as const);
  }
}

const PARTICLE_WORD = /^(VAN|VON|DE|DA|DOS|DEL|DER|DEN|TER|TEN|AL|EL|ABD|ABDUL|ABDEL|BIN|BEN)[- ]/iu;

/**
 * Alters a written name the way carriers' data and lists differ, each alteration with its probability;
 * returns the labels of those applied.
 */
export function alter(name: WrittenName, random: Random): string[] {
  const applied: string[] = [];
  const all = () => [...name.surname, ...name.given];
  if (name.given.length >= 2 && random.chance(0.3)) {
    name.given.splice(random.int(1, name.given.length - 1), 1);
    applied.push('dropped-given-name');
  }
  if (name.surname.length >= 2 && random.chance(0.3)) {
    name.surname.splice(random.int(0, name.surname.length - 1), 1);
    applied.push('dropped-surname');
  }
  if (name.given.length >= 2 && random.chance(0.12)) {
    const at = random.int(1, name.given.length - 1);
    name.given[at] = initialOf(name.given[at] ?? '');
    applied.push('initial');
  } else if (name.given.length >= 1 && random.chance(0.04)) {
    name.given[0] = initialOf(name.given[0] ?? '');
    applied.push('initial');
  }
  if (all().some((w) => PARTICLE_WORD.test(w)) && random.chance(0.4)) {
    const join = (w: string) => (PARTICLE_WORD.test(w) ? w.replace(/[- ]/gu, '') : w);
    name.surname = name.surname.map(join);
    name.given = name.given.map(join);
    applied.push('compound');
  } else if (name.surname.some((w) => /^(AL|EL)-/iu.test(w)) && random.chance(0.25)) {
    name.surname = name.surname.map((w) => w.replace(/^(AL|EL)-/iu, ''));
    applied.push('dropped-particle');
  }
  const typos = random.chance(0.3) ? (random.chance(0.15) ? 2 : 1) : 0;
  for (let t = 0; t < typos; t++) {
    const fields = [name.surname, name.given].filter((f) => f.some((w) => w.length >= 4));
    if (fields.length === 0) break;
    const field = random.pick(fields);
    const candidates = field.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    const [w, i] = random.pick(candidates);
    field[i] = typo(w, random);
    applied.push('typo');
  }
  if (random.chance(0.07)) {
    [name.surname, name.given] = [name.given, name.surname];
    applied.push('swapped');
  }
  return applied;
}

const initialOf = (word: string) => [...word][0] ?? '';

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  A: 'QSZ',
  B: 'VGN',
  C: 'XDV',
  D: 'SEF',
  E: 'WRD',
  F: 'DRG',
  G: 'FTH',
  H: 'GYJ',
  I: 'UOK',
  J: 'HUK',
  K: 'JIL',
  L: 'KOP',
  M: 'NJK',
  N: 'BHM',
  O: 'IPL',
  P: 'OL',
  Q: 'WA',
  R: 'ETF',
  S: 'ADW',
  T: 'RYG',
  U: 'YIJ',
  V: 'CFB',
  W: 'QES',
  X: 'ZCS',
  Y: 'TUH',
  Z: 'XAS',
};

/** One typing error, away from the first letter: a neighbouring key, a letter lost, doubled or swapped. */
export function typo(word: string, random: Random): string {
  const chars = [...word];
  const at = random.int(1, chars.length - 1);
  switch (random.int(0, 3)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[(chars[at] ?? '').toUpperCase()];
      if (near !== undefined) chars[at] = random.pick([...near]);
      else chars.splice(at, 1);
      break;
    }
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, chars[at] ?? '');
      break;
    default:
      if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', chars[at] ?? ''];
      else chars.splice(at, 1);
  }
  return chars.join('');
}

/** The list's view of a person: its rendering, an alias now and then, what the list knows. */
export function listEntry(
  person: Person,
  id: string,
  random: Random,
): { entry: WatchlistEntry; labels: string[] } {
  const labels: string[] = [];
  const culture = person.culture;
  const rendering = listRendering(culture, random);
  const names = [asPersonName(writeName(person, rendering, random), random.chance(0.1))];
  if (random.chance(culture.script === 'latin' ? 0.1 : 0.45)) {
    const other =
      culture.script === 'latin'
        ? 'plain'
        : rendering === 'original'
          ? passportRendering(culture, random)
          : 'original';
    names.push(asPersonName(writeName(person, other, random), false));
    labels.push('alias');
  }
  labels.push(`list:${rendering}`);
  const [year, month] = person.birthDate.split('-');
  const precision = random.weighted([
    ['full', 75],
    ['year-month', 8],
    ['year', 15],
    ['none', 2],
  ] as const);
  let birthDate: string | undefined;
  if (precision === 'full') birthDate = person.birthDate;
  else if (precision === 'year-month') birthDate = `${year}-${month}`;
  else if (precision === 'year') {
    const off = random.chance(0.3) ? random.pick([-2, -1, 1, 2]) : 0;
    birthDate = String(Number(year) + off);
    if (off !== 0) labels.push('approximate-year');
  }
  if (precision !== 'full') labels.push(`birth-date:${precision}`);
  const nationalities = random.chance(0.85)
    ? random.chance(0.1)
      ? [person.nationality, random.pick(culture.nationalities)]
      : [person.nationality]
    : undefined;
  const entry: WatchlistEntry = {
    id,
    names,
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(random.chance(0.9) ? { sex: person.sex } : {}),
    ...(nationalities === undefined ? {} : { nationalities: [...new Set(nationalities)] }),
    ...(random.chance(0.2)
      ? { documents: [{ number: person.document, issuingState: person.nationality }] }
      : {}),
  };
  return { entry, labels };
}

/** The carrier's view of a traveller: as the passport writes the name, the birth date in full. */
export function travellerOf(person: Person, name: WrittenName, random: Random, document?: string): Traveller {
  return {
    surname: name.surname.join(' '),
    givenNames: name.given.join(' '),
    birthDate: person.birthDate,
    sex: person.sex,
    nationality: person.nationality,
    documents: [
      {
        number:
          document ?? `${String.fromCharCode(65 + random.int(0, 25))}${random.int(10_000_000, 99_999_999)}`,
        issuingState: person.nationality,
      },
    ],
  };
}

function asPersonName(name: WrittenName, unsplit: boolean) {
  if (unsplit || name.given.length === 0) return { surname: [...name.given, ...name.surname].join(' ') };
  return { surname: name.surname.join(' '), givenNames: name.given.join(' ') };
}
