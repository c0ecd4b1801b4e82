import { copyRow } from './copy-text.js';

describe('copyRow', () => {
  it('separates by tabs and ends with a newline', () => {
    expect(copyRow(['a', 1, 'b'])).toBe('a\t1\tb\n');
  });

  it('writes NULL as \\N', () => {
    expect(copyRow([null, undefined, ''])).toBe('\\N\t\\N\t\n');
  });

  it('escapes backslash, tab, newline and carriage return inside values', () => {
    expect(copyRow(['a\\b\tc\nd\re'])).toBe('a\\\\b\\tc\\nd\\re\n');
  });

  it('writes bytea as escaped hex', () => {
    expect(copyRow([new Uint8Array([0, 255, 16])])).toBe('\\\\x00ff10\n');
  });
});
