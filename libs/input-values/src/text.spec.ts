import { findTextProblems, refusedCharacterAt, textProblem } from './text.js';

describe('textProblem', () => {
  it('accepts text in any script, with emoji (surrogate pairs) and format characters', () => {
    for (const value of [
      'Example Air',
      'MÜLLER-LÜDENSCHEIDT',
      'Ἀθῆναι',
      '東京',
      'O’LEARY',
      '🛂 desk 4',
      '',
      'a\u00a0b',
    ]) {
      expect(textProblem(value)).toBeUndefined();
    }
  });

  it.each([
    ['NUL', 'KM\u0000AR', 'contains the control character U+0000 at position 3'],
    ['a line feed', 'KMAR\n', 'contains the control character U+000A at position 5'],
    ['a tab', '\tKMAR', 'contains the control character U+0009 at position 1'],
    ['an escape', 'K\u001b[31m', 'contains the control character U+001B at position 2'],
    ['DEL', 'K\u007f', 'contains the control character U+007F at position 2'],
    ['a C1 control', 'K\u0085', 'contains the control character U+0085 at position 2'],
    ['a C1 control (last)', 'K\u009f', 'contains the control character U+009F at position 2'],
  ])('refuses %s, naming it and where', (_what, value, reason) => {
    expect(textProblem(value)).toBe(`${reason}; control characters are not accepted`);
  });

  it('refuses unpaired surrogates, which no encoding can store', () => {
    expect(textProblem('A\ud800B')).toBe(
      'contains an unpaired surrogate U+D800 at position 2; it is not Unicode text',
    );
    expect(textProblem('\udc00')).toBe(
      'contains an unpaired surrogate U+DC00 at position 1; it is not Unicode text',
    );
  });

  it('lets multi-line text have tab, line feed and carriage return, but nothing else', () => {
    expect(textProblem('seen at gate 4\r\n\tpassport kept', { multiline: true })).toBeUndefined();
    expect(textProblem('note\u0000', { multiline: true })).toMatch(/U\+0000 at position 5/);
    expect(textProblem('note\u000b', { multiline: true })).toMatch(/U\+000B/);
  });
});

describe('refusedCharacterAt', () => {
  it('finds the first control character or unpaired surrogate, or -1', () => {
    expect(refusedCharacterAt('REF-1')).toBe(-1);
    expect(refusedCharacterAt('RE\u0000F\u0001')).toBe(2);
    expect(refusedCharacterAt('🛂\ud800')).toBe(2);
    expect(refusedCharacterAt('a\nb', { multiline: true })).toBe(-1);
  });
});

describe('findTextProblems', () => {
  it('names every string and key that is refused by its path', () => {
    const body = {
      name: 'KMar',
      reference: 'REF\u0000',
      travellers: [{ surname: 'DOE' }, { surname: 'RO\u0007E', 'bad\u0000key': 1 }],
      note: 'line one\nline two',
    };
    expect(
      findTextProblems(body, { multiline: (path) => path.join('.') === 'note' }).map((p) => p.path),
    ).toEqual(['reference', 'travellers.1.bad\u0000key', 'travellers.1.surname']);
  });

  it('puts the prefix before every path and stops at the limit', () => {
    const many = Array.from({ length: 50 }, () => '\u0000');
    const problems = findTextProblems(many, { prefix: ['ids'], limit: 3 });
    expect(problems.map((p) => p.path)).toEqual(['ids.0', 'ids.1', 'ids.2']);
  });

  it('walks a body nested far deeper than the call stack', () => {
    let nested: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const problems = findTextProblems(nested);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/U\+0000/);
  });

  it('finds nothing in numbers, booleans and null', () => {
    expect(findTextProblems({ a: 1, b: true, c: null, d: [2.5] })).toEqual([]);
  });
});
