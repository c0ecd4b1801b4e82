import { readEdifact } from './read-edifact.js';

const tags = (text: string) => readEdifact(text).segments.map((s) => s.tag);
const codes = (text: string) => readEdifact(text).errors.map((e) => e.code);

describe('readEdifact', () => {
  it('reads segments, elements and components with the default separators', () => {
    const { segments, errors, serviceStringAdvice } = readEdifact(
      "UNB+UNOA:4+SENDER:ZZ+RCV+200130:0300+1'UNH+1+PAXLST:D:02B:UN:IATA'UNT+2+1'UNZ+1+1'",
    );
    expect(errors).toEqual([]);
    expect(serviceStringAdvice).toBe(false);
    expect(segments[0]).toEqual({
      index: 1,
      tag: 'UNB',
      elements: [['UNOA', '4'], ['SENDER', 'ZZ'], ['RCV'], ['200130', '0300'], ['1']],
      offset: 0,
    });
    expect(segments.map((s) => s.index)).toEqual([1, 2, 3, 4]);
  });

  it('counts UNA as segment 1, so that numbers match lines in a one-segment-per-line file', () => {
    const { segments } = readEdifact("UNA:+.? '\nUNB+UNOA:4+A+B+200101:0000+1'\nUNZ+0+1'\n");
    expect(segments.map((s) => [s.index, s.tag])).toEqual([
      [1, 'UNA'],
      [2, 'UNB'],
      [3, 'UNZ'],
    ]);
    expect(segments[0]!.elements).toEqual([[":+.? '"]]);
  });

  describe('UNA', () => {
    it('honours any separators it declares', () => {
      const { separators, segments } = readEdifact(
        'UNA:*.? $\r\nUNB*UNOA:4*SDT:ZZ*X*140211:1800*9$\r\nNAD*FL***A?$B:C$',
      );
      expect(separators.element).toBe('*');
      expect(separators.terminator).toBe('$');
      expect(segments[2]!.elements).toEqual([['FL'], [''], [''], ['A$B', 'C']]);
    });

    it('reports an unusable advice and falls back, taking separators from UNB', () => {
      const { errors, separators, segments } = readEdifact("UNA:A.? 'UNB*UNOA:4*A*B*200101:0000*1'UNZ*0*1'");
      expect(errors.map((e) => [e.code, e.segment, e.severity])).toEqual([
        ['bad-service-string', 1, 'error'],
        ['separators-inferred', 2, 'warning'],
      ]);
      expect(separators.element).toBe('*');
      expect(segments[1]!.elements[1]).toEqual(['A']);
    });
  });

  it('infers the separators from UNB when there is no UNA and UNB disagrees with the defaults', () => {
    const { separators, errors } = readEdifact("UNB*UNOA;4*A*B*200101;0000*1'UNZ*0*1'");
    expect(separators).toMatchObject({ element: '*', component: ';' });
    expect(errors.map((e) => e.code)).toEqual(['separators-inferred']);
  });

  it('applies the release character', () => {
    const { segments } = readEdifact(
      "UNB+UNOA:4+A+B+200101:0000+1'PDT+P/1+O?'LEARY:KRIS?:ANN?+X?? Y'UNZ+0+1'",
    );
    expect(segments[1]!.elements[1]).toEqual(["O'LEARY", 'KRIS:ANN+X? Y']);
  });

  it('reads typographic apostrophes as terminators, but not inside a name', () => {
    const text =
      'UNB+UNOA:4+A+B+200101:0000+1’UNH+1+PAXLST:D:05B:UN:IATA’NAD+FL+++O’LEARY:ANN‘ UNT+3+1’UNZ+1+1’';
    const { segments, errors } = readEdifact(text);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'NAD', 'UNT', 'UNZ']);
    expect(segments[2]!.elements[3]).toEqual(['O’LEARY', 'ANN']);
    expect(errors.map((e) => [e.code, e.segment, e.tag, e.severity])).toEqual([
      ['typographic-terminator', 1, 'UNB', 'warning'],
      // UNOA has no ’: the name keeps it, and the carrier is told.
      ['unexpected-character', 3, 'NAD', 'warning'],
    ]);
  });

  it('joins a segment wrapped over lines and drops CR/LF and leading blanks between segments', () => {
    const text = "  UNB+UNOA:4+A+B+200101:0000+1'\r\n   NAD+FL+++SMI\r\nTH:JO\nHN'\r\n\tUNZ+0+1'\r\n";
    const { segments, errors } = readEdifact(text);
    expect(errors).toEqual([]);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'UNZ']);
    expect(segments[1]!.elements[3]).toEqual(['SMITH', 'JOHN']);
  });

  // Found by read-edifact.fuzz.spec.ts: the release character used to release the line break, so the
  // apostrophe after it ended the segment and LEARY became a segment of its own.
  it('releases the character after a line break when a gateway wrapped the line right after ?', () => {
    const text = "UNB+UNOA:4+A+B+200101:0000+1'NAD+FL+++O?\r\n'LEARY:ANN?\u0002+MARIE'UNZ+0+1'";
    const { segments, errors } = readEdifact(text);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'UNZ']);
    expect(segments[1]!.elements[3]).toEqual(["O'LEARY", 'ANN+MARIE']);
    expect(errors.map((e) => [e.code, e.segment])).toEqual([['control-characters', 2]]);
  });

  // Found by read-edifact.fuzz.spec.ts: a released character was never checked against the character set.
  it('flags a released character outside the character set like any other', () => {
    const { segments, errors } = readEdifact("UNB+UNOA:4+A+B+200101:0000+1'NAD+FL+++M?\uFFFDLLER'UNZ+0+1'");
    expect(segments[1]!.elements[3]).toEqual(['M\uFFFDLLER']);
    expect(errors.map((e) => [e.code, e.segment])).toEqual([['unexpected-character', 2]]);
    expect(errors[0]!.message).toContain('could not be decoded');
  });

  it('keeps spaces inside data', () => {
    const { segments } = readEdifact("UNB+UNOA:4+A+B+200101:0000+1'NAD+MS+++WORLD CUSTOMS ORGANIZATION BRU'");
    expect(segments[1]!.elements[3]).toEqual(['WORLD CUSTOMS ORGANIZATION BRU']);
  });

  it('strips a Type-B telex envelope and its control characters', () => {
    const text =
      "\u0001QU HDQRMXH\r\n.ABCDEFG 281200\r\n\u0002UNB+UNOA:4+A+B+200101:0000+1'\u0003NAD+FL+++A\u0000B'UNZ+0+1'\u0003";
    const { segments, errors } = readEdifact(text);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'UNZ']);
    expect(segments[1]!.elements[3]).toEqual(['AB']);
    expect(errors.map((e) => [e.code, e.segment])).toEqual([
      ['leading-text-ignored', 1],
      ['control-characters', 2],
    ]);
    expect(errors[1]!.message).toMatch(/^3 control character/);
  });

  it('ignores text after UNZ with a warning', () => {
    expect(codes("UNB+UNOA:4+A+B+200101:0000+1'UNZ+0+1'\n13Nov09")).toEqual(['trailing-text-ignored']);
  });

  it('reports a last segment without terminator', () => {
    const { segments, errors } = readEdifact("UNB+UNOA:4+A+B+200101:0000+1'UNZ+0+1");
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNZ']);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'unterminated-segment', segment: 2, tag: 'UNZ' }),
    ]);
  });

  it('reports a tag with a space, a tag that is not one, and empty segments', () => {
    const { segments, errors } = readEdifact("UNB+UNOA:4+A+B+200101:0000+1'UNG +X''1AB+Y'UNZ+0+1'");
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNG', '1AB', 'UNZ']);
    expect(errors.map((e) => [e.code, e.segment, e.severity])).toEqual([
      ['space-in-tag', 2, 'warning'],
      ['bad-segment-tag', 3, 'error'],
      ['empty-segment', 2, 'warning'],
    ]);
  });

  it('starts at a bare UNH when there is no UNB', () => {
    expect(tags("junk UNH+1+PAXLST:D:02B:UN:IATA'UNT+2+1'")).toEqual(['UNH', 'UNT']);
  });

  it('does not mistake UNB inside a word for a header', () => {
    expect(tags("XUNB+1'UNB+UNOA:4+A+B+200101:0000+1'UNZ+0+1'")).toEqual(['UNB', 'UNZ']);
  });

  it('gives no segments and one error for text that is not EDIFACT', () => {
    expect(readEdifact('hello, world')).toMatchObject({
      segments: [],
      errors: [{ segment: 0, tag: '', code: 'not-edifact', severity: 'error' }],
    });
    expect(readEdifact('').segments).toEqual([]);
  });
});

describe('readEdifact character set', () => {
  it('reports undecodable bytes and characters beyond Latin-1, unless the syntax level is Unicode', () => {
    const latin = readEdifact("UNB+UNOC:3+A+B+200101:0000+1'NAD+FL+++NOV\uFFFDK:MÜLLER'UNZ+0+1'");
    expect(latin.errors).toEqual([
      expect.objectContaining({ code: 'unexpected-character', segment: 2, tag: 'NAD', severity: 'warning' }),
    ]);
    expect(latin.errors[0]!.message).toMatch(/U\+FFFD.*could not be decoded$/);
    expect(readEdifact("UNB+UNOY:4+A+B+200101:0000+1'NAD+FL+++ŁUKASZ'UNZ+0+1'").errors).toEqual([]);
    expect(readEdifact("UNB+UNOC:3+A+B+200101:0000+1'NAD+FL+++ŁUKASZ'UNZ+0+1'").errors).toHaveLength(1);
  });
});
