import { MrzInputError } from './mrz-input-error.js';
import { normalizeMrz } from './normalize.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('normalizeMrz', () => {
  it('accepts an array of lines', () => {
    expect(normalizeMrz(TD3)).toEqual({ format: 'TD3', lines: TD3 });
  });

  it('accepts one string with newlines, trims, upper-cases and drops blank lines', () => {
    const text = `\r\n  ${TD3[0]!.toLowerCase()}  \r\n\n\t${TD3[1]!}\n`;
    expect(normalizeMrz(text)).toEqual({ format: 'TD3', lines: TD3 });
  });

  it.each([
    [
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
      'TD1',
    ],
    [['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'], 'TD2'],
    [['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'], 'MRVB'],
    [
      ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
      'MRVA',
    ],
  ])('detects %#: %s', (lines, format) => {
    expect(normalizeMrz(lines).format).toBe(format);
  });

  it('throws MrzInputError for a wrong number of lines', () => {
    expect(() => normalizeMrz([...TD3, TD3[1]!])).toThrow(MrzInputError);
    expect(() => normalizeMrz([...TD3, TD3[1]!])).toThrow('got 3 line(s) of 44, 44, 44');
  });

  it('throws MrzInputError for lengths matching no layout', () => {
    expect(() => normalizeMrz([TD3[0]!, TD3[1]!.slice(1)])).toThrow('unrecognised MRZ layout');
  });

  it('throws MrzInputError for empty input', () => {
    expect(() => normalizeMrz('')).toThrow('MRZ is empty');
    expect(() => normalizeMrz([])).toThrow(MrzInputError);
  });

  it('throws MrzInputError naming a character outside the MRZ alphabet', () => {
    const lines = [TD3[0]!, TD3[1]!.replace('F', '?')];
    expect(() => normalizeMrz(lines)).toThrow("line 2, position 21: character '?' is not allowed");
  });

  // Found by parse-mrz.fuzz.spec.ts: upper-casing turned a dotless ı into I (and ß into SS, ﬁ into FI),
  // so a line with a character outside the MRZ alphabet was read as an MRZ.
  it.each([
    ['a dotless ı', TD3[0]!.replace('P', '\u0131')],
    ['ß in place of two characters', TD3[0]!.replace('SS', '\u00df')],
    ['the ligature ﬁ in place of two', `P<UTO\ufb01${TD3[0]!.slice(7)}`],
  ])('throws MrzInputError for %s, which upper-cases into the MRZ alphabet', (_what, line1) => {
    expect(() => normalizeMrz([line1, TD3[1]!])).toThrow(MrzInputError);
  });

  it('names the character that only upper-casing would have let through', () => {
    expect(() => normalizeMrz([TD3[0]!.replace('P', '\u0131'), TD3[1]!])).toThrow(
      "line 1, position 1: character '\u0131' is not allowed in an MRZ",
    );
  });

  it('does not accept spaces inside a line', () => {
    expect(() => normalizeMrz([TD3[0]!, TD3[1]!.replace('<<<<<', '<< <<')])).toThrow(MrzInputError);
  });

  it('refuses non-string lines from untyped callers', () => {
    expect(() => normalizeMrz([1, 2] as unknown as string[])).toThrow('MRZ line 1 is not a string');
  });
});
