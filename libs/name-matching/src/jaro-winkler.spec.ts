import fc from 'fast-check';
import { jaro, jaroWinkler } from './jaro-winkler.js';

describe('Jaro and Jaro–Winkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.944, 0.961],
    ['DWAYNE', 'DUANE', 0.822, 0.84],
    ['DIXON', 'DICKSONX', 0.767, 0.813],
    ['JELLYFISH', 'SMELLYFISH', 0.896, 0.896],
  ])('%s / %s: Jaro %d, Jaro–Winkler %d (Winkler 1990 and the usual worked examples)', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it('is 1 for the same string and 0 when nothing matches or a side is empty', () => {
    expect(jaroWinkler('SMITH', 'SMITH')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'SMITH')).toBe(0);
  });

  it('is symmetric and within [0, 1], and at least Jaro', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ABCDEHIKLMNORSTU'), maxLength: 14 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(s).toBeGreaterThanOrEqual(jaro(a, b) - 1e-12);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles names longer than its scratch space', () => {
    const long = 'A'.repeat(100) + 'B';
    expect(jaroWinkler(long, `${long}C`)).toBeGreaterThan(0.99);
  });
});
