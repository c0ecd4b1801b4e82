import { DEFAULT_SEPARATORS, readUna, separatorsFromUnb } from './una.js';

describe('readUna', () => {
  it('reads the default advice', () => {
    expect(readUna("UNA:+.? 'UNB", 0)).toEqual({
      separators: DEFAULT_SEPARATORS,
      problems: [],
      rejected: false,
    });
  });

  it('reads non-default separators (UNA:*.? $)', () => {
    expect(readUna('UNA:*.? $', 0).separators).toEqual({
      component: ':',
      element: '*',
      decimal: '.',
      release: '?',
      repetition: ' ',
      terminator: '$',
    });
  });

  it('keeps a repetition separator and a comma decimal mark', () => {
    const { separators, problems } = readUna("xxUNA:+,?*'", 2);
    expect(separators).toMatchObject({ decimal: ',', repetition: '*' });
    expect(problems).toEqual([]);
  });

  it('accepts a space as "no release character"', () => {
    expect(readUna("UNA:+.  '", 0)).toMatchObject({ rejected: false, separators: { release: ' ' } });
  });

  it('warns about an odd decimal mark but keeps the advice', () => {
    const reading = readUna("UNA:+;? '", 0);
    expect(reading.rejected).toBe(false);
    expect(reading.problems).toEqual(['the decimal mark ";" should be "." or ","']);
  });

  it('rejects letters, digits, spaces and shared roles, falling back to the defaults', () => {
    expect(readUna("UNA:A.? '", 0)).toMatchObject({ rejected: true, separators: DEFAULT_SEPARATORS });
    expect(readUna('UNA:+.? ', 0).rejected).toBe(true); // terminator would be a space
    expect(readUna("UNA::.? '", 0).problems).toContain('the same character is given two roles in "::.? \'"');
    expect(readUna("UNA:+.:x'", 0).problems).toEqual(['the same character is given two roles in ":+.:x\'"']);
    expect(readUna("UNA:+.x '", 0).problems).toEqual([
      'the release character "x" cannot be a service character',
    ]);
  });

  it('rejects a truncated advice', () => {
    expect(readUna('UNA:+', 0)).toMatchObject({
      rejected: true,
      problems: ['UNA needs six characters after it, found ":+"'],
    });
  });
});

describe('separatorsFromUnb', () => {
  it('sees the element and component separators in UNB', () => {
    expect(separatorsFromUnb('UNB*UNOA:4*X', 0, DEFAULT_SEPARATORS)).toEqual({
      element: '*',
      component: ':',
    });
    expect(separatorsFromUnb('..UNB+UNOB;3+X', 2, DEFAULT_SEPARATORS)).toEqual({
      element: '+',
      component: ';',
    });
  });

  it('gives up when UNB does not look like a header', () => {
    expect(separatorsFromUnb('UNB+XXXX:4', 0, DEFAULT_SEPARATORS)).toBeUndefined();
    expect(separatorsFromUnb('UNB+UNOA+4', 0, DEFAULT_SEPARATORS)).toBeUndefined();
    expect(separatorsFromUnb("UNB'UNOA:4", 0, DEFAULT_SEPARATORS)).toBeUndefined();
  });
});
