import fc from 'fast-check';
import {
  isNormalDocumentNumber,
  maskDocumentNumber,
  normaliseDocumentNumber,
  readDocumentNumber,
} from './document-number.js';
import { LOOK_ALIKES } from './look-alikes.js';

/** Every way a Latin capital or digit may be spelled so that it looks (or normalises) the same. */
const SPELLINGS = new Map<string, string[]>();
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
  const fullwidth = String.fromCodePoint(c.codePointAt(0)! - 0x21 + 0xff01);
  SPELLINGS.set(c, [c, c.toLowerCase(), fullwidth]);
}
for (const [source, latin] of LOOK_ALIKES) SPELLINGS.get(latin)!.push(source);
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f'];
const SEPARATORS = [' ', '-', '<', '.', '/', '\u2010', '\u2013', '\u00a0', '\u3000'];

const normalNumber = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 1,
  maxLength: 12,
});

/** A spelling of `number`: each character in any of its forms, with invisibles and separators between. */
const spellingOf = (number: string) =>
  fc
    .tuple(
      ...[...number].map((c) =>
        fc.tuple(
          fc.constantFrom(...SPELLINGS.get(c)!),
          fc.constantFrom('', ...INVISIBLES, ...SEPARATORS),
          fc.boolean(),
        ),
      ),
    )
    .map((parts) =>
      parts
        .map(
          ([char, between, accent]) => (accent && /[A-Za-z]/.test(char) ? `${char}\u0301` : char) + between,
        )
        .join(''),
    );

describe('document numbers', () => {
  it('normalise to upper-case A-Z0-9', () => {
    expect(normaliseDocumentNumber(' l898-902 c3<<')).toBe('L898902C3');
    expect(normaliseDocumentNumber('00123')).toBe('00123');
    expect(normaliseDocumentNumber('L898902C3')).toBe('L898902C3');
  });

  it('give every spelling of one number the same normal form', () => {
    const spellings = ['NX-0150 42', 'nx015042', 'NX<0150<42<<', ' Nx 0150-42 '];
    expect(new Set(spellings.map(normaliseDocumentNumber))).toEqual(new Set(['NX015042']));
  });

  it.each([
    ['Cyrillic В and С', 'NP5012\u0412\u0421'],
    ['Greek Ν and Ρ', '\u039D\u03A15012BC'],
    ['fullwidth', '\uFF2E\uFF30\uFF15\uFF10\uFF11\uFF12\uFF22\uFF23'],
    ['a zero-width space inside', 'NP50\u200B12BC'],
    ['a soft hyphen and a direction mark', 'NP\u00AD5012\u200EBC'],
    ['an accent', 'NP5012BC\u0327'],
    ['lower-case Cyrillic', 'np5012\u0432\u0441'],
  ])('read the look-alike spelling with %s as the listed number', (_how, spelling) => {
    expect(readDocumentNumber(spelling)).toEqual({ number: 'NP5012BC' });
  });

  it('read every generated spelling of a number as that number (10,000 spellings)', () => {
    fc.assert(
      fc.property(
        normalNumber.chain((number) => fc.tuple(fc.constant(number), spellingOf(number))),
        ([number, spelling]) => normaliseDocumentNumber(spelling) === number,
      ),
      { numRuns: 10_000 },
    );
  });

  it.each([
    ['nothing', ''],
    ['only a zero-width space', '\u200B'],
    ['only fillers and hyphens', '-<-'],
    ['only spaces', '   '],
  ])('refuse %s: no letters or digits', (_what, raw) => {
    expect(readDocumentNumber(raw)).toEqual({ unreadable: 'has no letters or digits' });
    expect(normaliseDocumentNumber(raw)).toBe('');
  });

  it.each([
    ['a Cyrillic letter with no Latin look-alike', 'NP5012\u0416C', 7, '0416'],
    ['a symbol', 'NP5012*C', 7, '002A'],
    ['an emoji', 'NP\u{1F600}12', 3, '1F600'],
    ['a Latin letter of no ICAO form', 'NP5012\u00D8C', 7, '00D8'],
  ])('refuse a number with %s, naming where without quoting it', (_what, raw, position, code) => {
    const reading = readDocumentNumber(raw);
    expect(reading.number).toBeUndefined();
    expect(reading.unreadable).toContain(`character ${position} (U+${code})`);
    expect(reading.unreadable).not.toContain('NP5012');
  });

  it('never returns a normal form with anything but A-Z0-9 (10,000 arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (raw) => {
        const reading = readDocumentNumber(raw);
        return reading.number === undefined
          ? typeof reading.unreadable === 'string' && reading.unreadable.length > 0
          : isNormalDocumentNumber(reading.number);
      }),
      { numRuns: 10_000 },
    );
  });

  it('tell normal forms apart', () => {
    expect(isNormalDocumentNumber('L898902C3')).toBe(true);
    expect(isNormalDocumentNumber('l898902C3')).toBe(false);
    expect(isNormalDocumentNumber('L898 902')).toBe(false);
    expect(isNormalDocumentNumber('')).toBe(false);
  });

  it('mask all but the last three characters', () => {
    expect(maskDocumentNumber('L898902C3')).toBe('******2C3');
    expect(maskDocumentNumber('l898-902 c3')).toBe('******2C3');
    expect(maskDocumentNumber('123456')).toBe('******');
    expect(maskDocumentNumber('')).toBe('');
  });
});
