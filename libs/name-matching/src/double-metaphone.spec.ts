import { doubleMetaphone } from './double-metaphone.js';

describe('Double Metaphone', () => {
  it.each([
    ['SMITH', ['SM0', 'XMT']],
    ['SCHMIDT', ['XMT', 'SMT']],
    ['THOMAS', ['TMS', 'TMS']],
    ['CATHERINE', ['K0RN', 'KTRN']],
    ['KATHERINE', ['K0RN', 'KTRN']],
    ['XAVIER', ['SF', 'SFR']],
    ['MICHAEL', ['MKL', 'MXL']],
    ['ARNOW', ['ARN', 'ARNF']],
    ['JOSE', ['HS', 'HS']],
    ['PHILIP', ['FLP', 'FLP']],
  ])('%s → %j (Philips 2000)', (word, keys) => expect(doubleMetaphone(word)).toEqual(keys));

  it.each([
    ['SMITH', 'SCHMIDT'],
    ['STEPHEN', 'STEVEN'],
    ['MOHAMMED', 'MUHAMMAD'],
    ['HUSSEIN', 'HUSAYN'],
    ['YOUSSEF', 'YUSUF'],
    ['MUELLER', 'MULLER'],
    ['FILIP', 'PHILIP'],
  ])('%s and %s share a key', (a, b) => {
    const [a1, a2] = doubleMetaphone(a);
    expect([a1, a2].some((key) => doubleMetaphone(b).includes(key))).toBe(true);
  });

  it('gives keys of at most four characters, empty for an empty word', () => {
    expect(doubleMetaphone('SCHWARZENEGGER').every((key) => key.length <= 4)).toBe(true);
    expect(doubleMetaphone('')).toEqual(['', '']);
  });
});
