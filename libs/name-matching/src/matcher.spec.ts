import fc from 'fast-check';
import { MATCHING_PARAMETERS_V1 } from './matching-parameters.js';
import { matchEntry, type Traveller, type WatchlistEntry } from './matcher.js';
import { CULTURES } from './evaluation/name-pools.js';
import { Population } from './evaluation/population.js';
import { Random } from './evaluation/random.js';
import { renderWord, type Rendering } from './evaluation/renderings.js';

const THRESHOLD = MATCHING_PARAMETERS_V1.threshold;

const entry = (fields: Partial<WatchlistEntry>): WatchlistEntry => ({ id: 'W1', names: [], ...fields });

describe('matchEntry: the explanation', () => {
  const listed = entry({
    names: [{ surname: 'Щербаков', givenNames: 'Юрий Петрович' }],
    birthDate: '1971',
    sex: 'M',
    nationalities: ['RUS'],
  });
  const traveller: Traveller = {
    surname: 'SHCHERBAKOV',
    givenNames: 'YURIY',
    birthDate: '1972-03-08',
    sex: 'M',
    nationality: 'RUS',
  };

  it('says which parts matched which, how, the date, sex and nationality evidence, and the score', () => {
    const explanation = matchEntry(listed, traveller);
    expect(explanation.parameters).toBe('name-matching/v1');
    expect(explanation.threshold).toBe(THRESHOLD);
    expect(explanation.name.listed).toBe('SHCHERBAKOV, IURII PETROVICH');
    expect(explanation.name.traveller).toBe('SHCHERBAKOV, YURIY');
    expect(explanation.name.parts).toEqual([
      { listed: 'SHCHERBAKOV', traveller: 'SHCHERBAKOV', similarity: 1, kind: 'exact' },
      { listed: 'IURII', traveller: 'YURIY', similarity: 0.98, kind: 'spelling' },
    ]);
    expect(explanation.name.extraListed).toEqual(['PETROVICH']);
    expect(explanation.birthDate).toMatchObject({
      verdict: 'within-years',
      listed: '1971',
      traveller: '1972-03-08',
      yearsApart: 1,
    });
    expect(explanation.sex.verdict).toBe('same');
    expect(explanation.nationality.verdict).toBe('shared');
    const sum =
      explanation.name.score +
      explanation.birthDate.adjustment +
      explanation.sex.adjustment +
      explanation.nationality.adjustment +
      explanation.document.adjustment;
    expect(explanation.score).toBeCloseTo(Math.min(1, sum), 2);
    expect(explanation.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('explains a non-match the same way (the score below the threshold)', () => {
    const explanation = matchEntry(listed, { ...traveller, givenNames: 'VLADIMIR' });
    expect(explanation.score).toBeLessThan(THRESHOLD);
    expect(explanation.name.parts.find((p) => p.traveller === 'VLADIMIR')?.kind).not.toBe('exact');
  });

  it('names which alias matched', () => {
    const aliased = entry({
      names: [
        { surname: 'AL-RASHID', givenNames: 'KHALED' },
        { surname: 'HADDAD', givenNames: 'SAMIR' },
      ],
    });
    expect(matchEntry(aliased, { surname: 'HADDAD', givenNames: 'SAMIR' }).name.nameIndex).toBe(1);
  });
});

describe('matchEntry: what matches', () => {
  const born = { birthDate: '1984-11-02' };
  const score = (listed: WatchlistEntry['names'][number], traveller: Traveller) =>
    matchEntry(entry({ names: [listed], ...born }), { ...born, ...traveller }).score;

  it.each<[string, WatchlistEntry['names'][number], Traveller]>([
    [
      'diacritics transliterated',
      { surname: 'Müller', givenNames: 'Jürgen' },
      { surname: 'MUELLER', givenNames: 'JUERGEN' },
    ],
    [
      'diacritics dropped',
      { surname: 'Müller', givenNames: 'Jürgen' },
      { surname: 'MULLER', givenNames: 'JURGEN' },
    ],
    [
      'parts in another order',
      { surname: 'Smith', givenNames: 'John Paul' },
      { surname: 'PAUL', givenNames: 'JOHN SMITH' },
    ],
    [
      'a middle name dropped',
      { surname: 'Smith', givenNames: 'John Paul' },
      { surname: 'SMITH', givenNames: 'JOHN' },
    ],
    [
      'an initial for a given name',
      { surname: 'Smith', givenNames: 'John Paul' },
      { surname: 'SMITH', givenNames: 'J PAUL' },
    ],
    [
      'a compound surname written as one',
      { surname: 'van der Berg', givenNames: 'Jan' },
      { surname: 'VANDERBERG', givenNames: 'JAN' },
    ],
    [
      'one of two surnames dropped',
      { surname: 'García López', givenNames: 'María' },
      { surname: 'GARCIA', givenNames: 'MARIA' },
    ],
    [
      'a typing error',
      { surname: 'Kowalczyk', givenNames: 'Tomasz' },
      { surname: 'KOWALCZYK', givenNames: 'TOMSAZ' },
    ],
    [
      'Cyrillic against a BGN spelling',
      { surname: 'Ершов', givenNames: 'Юрий' },
      { surname: 'YERSHOV', givenNames: 'YURIY' },
    ],
    [
      'Greek against ELOT 743',
      { surname: 'Παπαδόπουλος', givenNames: 'Γεώργιος' },
      { surname: 'PAPADOPOULOS', givenNames: 'GEORGIOS' },
    ],
    [
      'Arabic against an English spelling',
      { surname: 'الرشيد', givenNames: 'محمد' },
      { surname: 'AL-RASHEED', givenNames: 'MOHAMMED' },
    ],
    [
      'Arabic against a French spelling',
      { surname: 'حداد', givenNames: 'يوسف' },
      { surname: 'HADDAD', givenNames: 'YOUSSEF' },
    ],
  ])('%s', (_, listed, traveller) => expect(score(listed, traveller)).toBeGreaterThanOrEqual(THRESHOLD));

  it.each<[string, WatchlistEntry['names'][number], Traveller]>([
    [
      'the same family name, another given name',
      { surname: 'Smith', givenNames: 'John' },
      { surname: 'SMITH', givenNames: 'PETER' },
    ],
    [
      'the same given name, another family name',
      { surname: 'Smith', givenNames: 'John' },
      { surname: 'BROWN', givenNames: 'JOHN' },
    ],
    [
      'محمد is not محمود',
      { surname: 'حداد', givenNames: 'محمود' },
      { surname: 'HADDAD', givenNames: 'MOHAMMED' },
    ],
  ])('not: %s', (_, listed, traveller) => expect(score(listed, traveller)).toBeLessThan(THRESHOLD));

  it('does not match the same name born in another year where the list gives the date', () => {
    const listed = entry({ names: [{ surname: 'Smith', givenNames: 'John' }], birthDate: '1984-11-02' });
    expect(
      matchEntry(listed, { surname: 'SMITH', givenNames: 'JOHN', birthDate: '1986-02-14' }).score,
    ).toBeLessThan(THRESHOLD);
  });
});

describe('matchEntry: properties', () => {
  const letters = fc.constantFrom(...'ABDEIKLMNORSTUVY');
  const word = fc.string({ unit: letters, minLength: 2, maxLength: 9 });
  const name = fc.record({
    surname: word,
    givenNames: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  });

  it('scores two names the same whichever is the listed one (without dates, sex or documents)', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = matchEntry(entry({ names: [a] }), b).score;
        const ba = matchEntry(entry({ names: [b] }), a).score;
        expect(ab).toBeCloseTo(ba, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('matches a name listed in its own script with its spelling by Doc 9303, BGN or French usage, ELOT 743, or the English usage for Arabic', () => {
    const schemes: Record<string, Rendering[]> = {
      cyrillic: ['icao', 'bgn', 'french'],
      greek: ['icao'],
      arabic: ['icao'],
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const random = new Random(seed);
        const culture = random.pick(CULTURES.filter((c) => c.script !== 'latin'));
        const person = new Population(random).person(culture);
        const rendering = random.pick(schemes[culture.script]!);
        const write = (r: Rendering) => (words: typeof person.given) =>
          words.map((w) => renderWord(w, culture, r, random)).join(' ');
        const listed = entry({
          names: [
            { surname: write('original')(person.surname), givenNames: write('original')(person.given) },
          ],
          birthDate: person.birthDate,
        });
        const traveller = {
          surname: write(rendering)(person.surname),
          givenNames: write(rendering)(person.given),
          birthDate: person.birthDate,
        };
        expect(matchEntry(listed, traveller).score).toBeGreaterThanOrEqual(THRESHOLD);
      }),
      { numRuns: 300 },
    );
  });
});
