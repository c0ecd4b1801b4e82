import type { Traveller, WatchlistEntry } from '../matcher.js';
import { feminine, Population, type Person } from './population.js';
import { Random } from './random.js';
import { alter, listEntry, passportRendering, travellerOf, writeName } from './variants.js';

/** A traveller beside a listed person, and whether they are the same person. */
export interface LabelledPair {
  readonly entryId: string;
  readonly traveller: Traveller;
  readonly sameperson: boolean;
  /** For a true pair, how the two are written differently; for a hard negative, what makes it hard. */
  readonly labels: readonly string[];
}

export interface EvaluationSet {
  readonly seed: number;
  /** The watchlist: one entry per listed person. */
  readonly entries: readonly WatchlistEntry[];
  /** For each listed person, the person as a traveller (true) and a different person like them (false). */
  readonly pairs: readonly LabelledPair[];
  /** Travellers drawn from the population, none of them listed: what false alerts are counted on. */
  readonly clean: readonly Traveller[];
  /**
   * Which clean travellers (by index) are namesakes of a listed person that the list's own data cannot
   * tell apart: the same family name and first given name, no name word that contradicts (the words of
   * one name all in the other), and a birth date the list does not rule out (none listed, the listed
   * year ± 3, the listed month, the listed day). A matcher that finds the listed person under a dropped
   * given name and an approximate birth year alerts on them too.
   */
  readonly namesakes: ReadonlySet<number>;
}

export interface EvaluationSetSize {
  readonly seed: number;
  /** Listed persons; the set has two pairs for each. */
  readonly entries: number;
  readonly cleanTravellers: number;
}

/**
 * A labelled evaluation set, the same for the same seed and sizes: a watchlist of synthetic persons,
 * each paired with a true variant of itself and with a hard negative, and a stream of clean travellers.
 */
export function generateEvaluationSet(size: EvaluationSetSize): EvaluationSet {
  const random = new Random(size.seed);
  const population = new Population(random);
  const entries: WatchlistEntry[] = [];
  const pairs: LabelledPair[] = [];
  const listed = new Map<string, { words: Set<string>; birthDate: string | undefined }[]>();
  for (let i = 0; i < size.entries; i++) {
    const person = population.person();
    const id = `W${String(i).padStart(7, '0')}`;
    const { entry, labels } = listEntry(person, id, random);
    entries.push(entry);
    const same = listed.get(nameKey(person)) ?? [];
    same.push({ words: nameWords(person), birthDate: entry.birthDate });
    listed.set(nameKey(person), same);
    pairs.push(truePair(person, entry, labels, random));
    pairs.push(hardNegative(person, entry, population, random));
  }
  const clean: Traveller[] = [];
  const namesakes = new Set<number>();
  for (let i = 0; i < size.cleanTravellers; i++) {
    const person = population.person();
    clean.push(
      travellerOf(person, writeName(person, passportRendering(person.culture, random), random), random),
    );
    const words = nameWords(person);
    const namesake = (listed.get(nameKey(person)) ?? []).some(
      (other) =>
        dateAllows(other.birthDate, person.birthDate) &&
        (isSubset(words, other.words) || isSubset(other.words, words)),
    );
    if (namesake) namesakes.add(i);
  }
  return { seed: size.seed, entries, pairs, clean, namesakes };
}

/** Family name and first given name as the person writes them. */
const nameKey = (person: Person) =>
  `${person.surname.map((w) => w.source.toUpperCase()).join(' ')}|${person.given[0]?.source.toUpperCase()}`;

const nameWords = (person: Person) =>
  new Set([...person.surname, ...person.given].map((w) => w.source.toUpperCase()));
const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((w) => b.has(w));

/** Whether a listed birth date (as precise as the list has it) allows `date`. */
function dateAllows(listed: string | undefined, date: string): boolean {
  if (listed === undefined) return true;
  if (listed.length === 4) return Math.abs(Number(listed) - Number(date.slice(0, 4))) <= 3;
  return date.startsWith(listed);
}

function truePair(person: Person, entry: WatchlistEntry, listLabels: string[], random: Random): LabelledPair {
  const rendering = passportRendering(person.culture, random);
  const name = writeName(person, rendering, random);
  const labels = [...listLabels, `traveller:${rendering}`, ...alter(name, random)];
  const listed = entry.documents?.[0]?.number;
  const carried = listed !== undefined && random.chance(0.4) ? listed : undefined;
  const traveller = travellerOf(person, name, random, carried);
  // Now and then the carrier's birth date has a typing error of its own.
  const dateTypo = random.chance(0.02);
  return {
    entryId: entry.id,
    traveller: dateTypo ? { ...traveller, birthDate: swapDayMonth(person.birthDate) } : traveller,
    sameperson: true,
    labels: dateTypo ? [...labels, 'birth-date-typo'] : labels,
  };
}

type NegativeKind = 'same-surname' | 'namesake' | 'sibling' | 'similar-name';

/** A different person who resembles the listed one. */
function hardNegative(
  person: Person,
  entry: WatchlistEntry,
  population: Population,
  random: Random,
): LabelledPair {
  let kind = random.weighted<NegativeKind>([
    ['same-surname', 35],
    ['namesake', 25],
    ['sibling', 20],
    ['similar-name', 20],
  ]);
  // Without a listed birth date a namesake cannot be told apart: no one could, so none is generated.
  if (kind === 'namesake' && entry.birthDate === undefined) kind = 'same-surname';
  const culture = person.culture;
  const fresh = population.person(culture, person.sex);
  let other: Person;
  switch (kind) {
    case 'same-surname':
      other = {
        ...fresh,
        surname: person.surname,
        given: differentFirst(fresh.given, person, population),
        birthDate: random.chance(0.5) ? near(person.birthDate, random, 0, 3) : fresh.birthDate,
      };
      break;
    case 'namesake':
      other = {
        ...fresh,
        given: person.given,
        surname: person.surname,
        birthDate: contradicting(person, entry, random),
      };
      break;
    case 'sibling':
      // Same family name and, where names carry it, the same father (patronymic, father's name).
      other = {
        ...fresh,
        surname: person.surname,
        nationality: person.nationality,
        given: [
          ...differentFirst(fresh.given, person, population).slice(0, 1),
          ...(['ru', 'uk', 'ar'].includes(culture.code) ? person.given.slice(1, 2) : []),
        ],
        birthDate: near(person.birthDate, random, 1, 6),
      };
      break;
    default: {
      let surname = fresh.surname;
      while (surname.map((w) => w.source).join() === person.surname.map((w) => w.source).join())
        surname = [feminine(population.surname(culture), culture, person.sex)];
      other = {
        ...fresh,
        surname,
        given: [...person.given.slice(0, 1), ...differentFirst(fresh.given.slice(1), person, population)],
        birthDate: near(person.birthDate, random, 0, 2),
      };
    }
  }
  const name = writeName(other, passportRendering(culture, random), random);
  return {
    entryId: entry.id,
    traveller: travellerOf(other, name, random),
    sameperson: false,
    labels: [kind],
  };
}

/** Given names none of which the listed person has (a shared one makes them the same person to anyone). */
function differentFirst(given: Person['given'], person: Person, population: Population): Person['given'] {
  const theirs = new Set(person.given.map((w) => w.source));
  const fresh = () => {
    for (;;) {
      const name = population.firstName(person.culture, person.sex);
      if (!theirs.has(name.source)) return name;
    }
  };
  return given.map((w) => (theirs.has(w.source) ? fresh() : w));
}

/** A birth date `min`..`max` years from `date` (another day of the year), never `date` itself. */
function near(date: string, random: Random, min: number, max: number): string {
  for (;;) {
    const year = Number(date.slice(0, 4)) + random.pick([-1, 1]) * random.int(min, max);
    const month = random.int(1, 12);
    const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (candidate !== date) return candidate;
  }
}

/** A birth date the list's own date rules out: another month or year, or outside the year tolerance. */
function contradicting(person: Person, entry: WatchlistEntry, random: Random): string {
  const listed = entry.birthDate ?? '';
  if (listed.length === 4) {
    const year = Number(listed) + random.pick([-1, 1]) * random.int(5, 10);
    return near(`${year}-01-01`, random, 0, 0);
  }
  for (;;) {
    const candidate = random.chance(0.5)
      ? near(person.birthDate, random, 0, 0)
      : near(person.birthDate, random, 1, 5);
    // Another month, and not the listed day and month swapped (a typing error, not another person).
    if (!candidate.startsWith(listed.slice(0, 7)) && candidate !== swapDayMonth(person.birthDate))
      return candidate;
  }
}

function swapDayMonth(date: string): string {
  const [year, month, day] = date.split('-');
  return Number(day) <= 12 && day !== month ? `${year}-${day}-${month}` : date;
}

/**
 * A large generated watchlist and travellers to screen against it (for the speed benchmark): `entries`
 * listed persons, and `travellers` travellers of whom one in a hundred is a listed person (as a true
 * variant), the rest clean.
 */
export function* generateWatchlist(seed: number, entries: number): Generator<WatchlistEntry> {
  const random = new Random(seed);
  const population = new Population(random);
  for (let i = 0; i < entries; i++)
    yield listEntry(population.person(), `W${String(i).padStart(7, '0')}`, random).entry;
}

/** Travellers for the speed benchmark: clean ones, and every hundredth a variant of an entry of `generateWatchlist(seed, …)`. */
export function generateTravellers(seed: number, count: number): Traveller[] {
  const random = new Random(seed + 1);
  const population = new Population(random);
  const travellers: Traveller[] = [];
  for (let i = 0; i < count; i++) {
    const person = population.person();
    const name = writeName(person, passportRendering(person.culture, random), random);
    if (i % 100 === 0) alter(name, random);
    travellers.push(travellerOf(person, name, random));
  }
  return travellers;
}
