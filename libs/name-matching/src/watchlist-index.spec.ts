import { generateTravellers, generateWatchlist } from './evaluation/evaluation-set.js';
import { MATCHING_PARAMETERS_V1 } from './matching-parameters.js';
import { matchEntry, type WatchlistEntry } from './matcher.js';
import { WatchlistIndex } from './watchlist-index.js';

const listed: WatchlistEntry = {
  id: 'W1',
  names: [
    { surname: 'Щербаков', givenNames: 'Юрий Петрович' },
    { surname: 'SCHERBAKOV', givenNames: 'GEORGE' },
  ],
  birthDate: '1971-04-12',
  sex: 'M',
  nationalities: ['RUS'],
  documents: [{ number: '751234567', issuingState: 'RUS' }],
};
const traveller = {
  surname: 'SHCHERBAKOV',
  givenNames: 'IURII',
  birthDate: '1971-04-12',
  sex: 'M',
  nationality: 'RUS',
};

describe('WatchlistIndex', () => {
  it('finds a listed person under another spelling of the name, with the explanation', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    const [match, ...rest] = index.match(traveller);
    expect(rest).toEqual([]);
    expect(match?.entryId).toBe('W1');
    expect(match?.score).toBeGreaterThanOrEqual(MATCHING_PARAMETERS_V1.threshold);
    expect(match?.explanation).toEqual(matchEntry(listed, traveller));
  });

  it('finds a listed person by an alias, saying which', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    expect(
      index.match({ ...traveller, surname: 'SHERBAKOV', givenNames: 'GEORGE' })[0]?.explanation.name
        .nameIndex,
    ).toBe(1);
  });

  it('says when the traveller carries a listed document', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    const carried = { ...traveller, documents: [{ number: '75 1234567', issuingState: 'RUS' }] };
    expect(index.match(carried)[0]?.explanation.document.verdict).toBe('same');
  });

  it('does not find a person born in another year, nor one of another name', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    expect(index.match({ ...traveller, birthDate: '1975-04-12' })).toEqual([]);
    expect(index.match({ ...traveller, givenNames: 'VLADIMIR' })).toEqual([]);
  });

  it('replaces an entry of the same id and forgets a removed one', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    index.upsert({ ...listed, names: [{ surname: 'Orlov', givenNames: 'Ivan' }] });
    expect(index.size).toBe(1);
    expect(index.match(traveller)).toEqual([]);
    expect(index.match({ ...traveller, surname: 'ORLOV', givenNames: 'IVAN' })).toHaveLength(1);
    expect(index.remove('W1')).toBe(true);
    expect(index.remove('W1')).toBe(false);
    expect(index.match({ ...traveller, surname: 'ORLOV', givenNames: 'IVAN' })).toEqual([]);
  });

  it('keeps the entries it holds through the rebuild that drops removed ones, and through compaction', () => {
    const entries = [...generateWatchlist(3, 3000)];
    const index = new WatchlistIndex();
    for (const entry of entries) index.upsert(entry);
    const kept = entries.slice(2000);
    const before = kept.map((entry) => index.match(asTraveller(entry)).map((m) => m.entryId));
    for (const entry of entries.slice(0, 2000)) index.remove(entry.id); // more than a third: rebuilt
    index.compact();
    expect(index.size).toBe(1000);
    const after = kept.map((entry) => index.match(asTraveller(entry)).map((m) => m.entryId));
    // Every kept entry is still found where it was; removed entries are never returned.
    kept.forEach((entry, i) => {
      if (before[i]!.includes(entry.id)) expect(after[i]).toContain(entry.id);
      expect(after[i]!.every((id) => index.has(id))).toBe(true);
    });
  });

  it('scores only a few candidates per traveller, and the same way as matchEntry', () => {
    const entries = [...generateWatchlist(5, 5000)];
    const index = new WatchlistIndex();
    for (const entry of entries) index.upsert(entry);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const travellers = generateTravellers(5, 300);
    const candidates = travellers.map((t) => index.candidateCount(t));
    expect(candidates.reduce((a, b) => a + b, 0) / travellers.length).toBeLessThan(20);
    for (const t of travellers)
      for (const match of index.match(t))
        expect(match.explanation).toEqual(matchEntry(byId.get(match.entryId)!, t));
  });

  it('applies a lower threshold and a limit when asked', () => {
    const index = new WatchlistIndex();
    index.upsert(listed);
    expect(
      index.match({ ...traveller, givenNames: 'IURII PAVEL' }, { threshold: 0.5, limit: 1 }),
    ).toHaveLength(1);
  });
});

function asTraveller(entry: WatchlistEntry) {
  const name = entry.names[0]!;
  return {
    surname: name.surname,
    givenNames: name.givenNames ?? '',
    birthDate: entry.birthDate ?? '1970-01-01',
    sex: entry.sex,
  };
}
