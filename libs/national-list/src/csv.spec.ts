import { csvField, splitCsvLine } from './csv.js';

describe('splitCsvLine', () => {
  it('splits plain lines on commas, keeping empty fields', () => {
    expect(splitCsvLine('NLD,P,XA1234567,lost')).toEqual(['NLD', 'P', 'XA1234567', 'lost']);
    expect(splitCsvLine('a,,b,')).toEqual(['a', '', 'b', '']);
    expect(splitCsvLine('')).toEqual(['']);
    expect(splitCsvLine(',')).toEqual(['', '']);
  });

  it('reads quoted fields with commas and doubled quotes (RFC 4180)', () => {
    expect(splitCsvLine('"a,b",c')).toEqual(['a,b', 'c']);
    expect(splitCsvLine('a,"say ""hi"", then go"')).toEqual(['a', 'say "hi", then go']);
    expect(splitCsvLine('"",x')).toEqual(['', 'x']);
    expect(splitCsvLine('x,""')).toEqual(['x', '']);
    expect(splitCsvLine('""""')).toEqual(['"']);
    expect(splitCsvLine('"a","b","c"')).toEqual(['a', 'b', 'c']);
    expect(splitCsvLine('"a",')).toEqual(['a', '']);
  });

  it('allows blanks around a quoted field', () => {
    expect(splitCsvLine('a, "b,c" ,d')).toEqual(['a', 'b,c', 'd']);
    expect(splitCsvLine('\t"b"\t')).toEqual(['b']);
  });

  it('tells which field is badly quoted, and how', () => {
    expect(splitCsvLine('a,"b,c')).toEqual({
      field: 2,
      problem: 'unterminated quoted field (a quoted field cannot span lines)',
    });
    expect(splitCsvLine('a,"b"c,d')).toEqual({ field: 2, problem: 'text after the closing quote' });
    expect(splitCsvLine('a,b,c"d"')).toEqual({
      field: 3,
      problem: 'a quote inside an unquoted field (quote the whole field and double the quote)',
    });
    expect(splitCsvLine('"a"""')).toEqual(['a"']);
    expect(splitCsvLine('"a""')).toMatchObject({
      field: 1,
      problem: expect.stringContaining('unterminated'),
    });
  });
});

describe('csvField', () => {
  it('quotes only what needs quoting, and round-trips', () => {
    expect(csvField('NLD/2024/000123')).toBe('NLD/2024/000123');
    expect(csvField('police, case 12')).toBe('"police, case 12"');
    expect(csvField('report "12"')).toBe('"report ""12"""');
    for (const value of ['plain', 'a,b', '"', 'x "y", z', '']) {
      expect(splitCsvLine(`${csvField(value)},end`)).toEqual([value, 'end']);
    }
  });
});
