import { FeistelPermutation, Mulberry32, hash2 } from './random.js';

describe('FeistelPermutation', () => {
  it('is a bijection of [0, size) for every size, including odd and tiny ones', () => {
    for (const size of [1, 2, 3, 5, 16, 17, 255, 1000, 4096, 65_537]) {
      const permutation = new FeistelPermutation(size, 12_345);
      const seen = new Uint8Array(size);
      let outside = 0;
      for (let i = 0; i < size; i++) {
        const image = permutation.apply(i);
        if (Number.isInteger(image) && image >= 0 && image < size) seen[image]! += 1;
        else outside++;
      }
      expect(outside).toBe(0);
      expect(seen.every((count) => count === 1)).toBe(true);
    }
  });

  it('depends on its key, and scatters a counter', () => {
    const a = new FeistelPermutation(1_000_000, 1);
    const b = new FeistelPermutation(1_000_000, 2);
    const firstA = Array.from({ length: 10 }, (_, i) => a.apply(i));
    const firstB = Array.from({ length: 10 }, (_, i) => b.apply(i));
    expect(firstA).not.toEqual(firstB);
    expect(new Set(firstA).size).toBe(10);
    expect(firstA.filter((value) => value < 10)).toHaveLength(0);
  });

  it('handles spaces beyond 32 bits exactly', () => {
    const size = 11_534_336_000_000; // about 2^43
    const permutation = new FeistelPermutation(size, 7);
    const images = new Set<number>();
    for (let i = 0; i < 20_000; i++) images.add(permutation.apply(i));
    expect([...images].every((image) => Number.isSafeInteger(image) && image >= 0 && image < size)).toBe(
      true,
    );
    expect(images.size).toBe(20_000);
    expect(() => new FeistelPermutation(0, 1)).toThrow(RangeError);
    expect(() => new FeistelPermutation(2 ** 53, 1)).toThrow(RangeError);
  });
});

describe('Mulberry32 and hash2', () => {
  it('are deterministic and spread', () => {
    const a = new Mulberry32(42);
    const b = new Mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(hash2(1, 2)).toBe(hash2(1, 2));
    expect(hash2(1, 2)).not.toBe(hash2(2, 1));
    expect(new Set(Array.from({ length: 1000 }, (_, i) => hash2(7, i))).size).toBe(1000);
  });
});
