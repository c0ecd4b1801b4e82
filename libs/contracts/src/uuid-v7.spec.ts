import { isUuid } from './envelope.js';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('is a canonical lower-case UUID of version 7 and the RFC 9562 variant', () => {
    const id = uuidV7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('carries the time in its first 48 bits', () => {
    const ms = Date.UTC(2040, 11, 5, 9, 30);
    expect(parseInt(uuidV7(ms).replace('-', '').slice(0, 12), 16)).toBe(ms);
  });

  it('increases strictly, within a millisecond too and when the clock steps back', () => {
    const ids = [
      ...Array.from({ length: 10_000 }, () => uuidV7(Date.UTC(2050, 0, 1))),
      uuidV7(Date.UTC(2049, 0, 1)),
    ];
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
