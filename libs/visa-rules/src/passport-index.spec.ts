import { PassportIndexFormatError, parsePassportIndexCsv } from './passport-index.js';

const META = { version: 'sample', source: 'unit test', importedAt: '2026-01-01T00:00:00Z' };

const TIDY_ISO3 = [
  'Passport,Destination,Requirement',
  'AFG,ALB,e-visa',
  'AFG,DEU,visa required',
  'AFG,AFG,-1',
  'DEU,USA,eta',
  'DEU,XKX,90',
  'XKX,DEU,visa free',
  'ISR,KWT,no admission',
  'ALB,BGD,visa on arrival',
].join('\n');

const TIDY_ISO2 = [
  'Passport,Destination,Requirement',
  'AF,AL,e-visa',
  'AF,DE,visa required',
  'AF,AF,-1',
  'DE,US,eta',
  'DE,XK,90',
  'XK,DE,visa free',
  'IL,KW,no admission',
  'AL,BD,visa on arrival',
].join('\r\n');

describe('parsePassportIndexCsv', () => {
  it('reads the tidy ISO-3 layout into ICAO codes', () => {
    const result = parsePassportIndexCsv(TIDY_ISO3, META);
    expect(result.format).toBe('tidy-iso3');
    expect(result.rejects).toEqual([]);
    expect(result.lines).toBe(8);
    expect(result.matrix.size).toBe(8);
    expect(result.matrix.requirement('AFG', 'D')).toEqual({ kind: 'visa-required' });
    expect(result.matrix.requirement('D', 'RKS')).toEqual({ kind: 'visa-free', days: 90 });
    expect(result.matrix.requirement('RKS', 'D')).toEqual({ kind: 'visa-free' });
    expect(result.matrix.requirement('AFG', 'AFG')).toEqual({ kind: 'own-state' });
    expect(result.matrix).toMatchObject(META);
  });

  it('reads the tidy ISO-2 layout (CRLF, BOM) into the same matrix', () => {
    const iso2 = parsePassportIndexCsv(`\uFEFF${TIDY_ISO2}\r\n`, META);
    expect(iso2.format).toBe('tidy-iso2');
    expect(iso2.rejects).toEqual([]);
    expect(iso2.matrix.toJSON()).toEqual(parsePassportIndexCsv(TIDY_ISO3, META).matrix.toJSON());
  });

  it('reads the matrix layout', () => {
    const text = ['Passport,AFG,DEU,USA', 'AFG,-1,visa required,visa required', 'DEU,90,-1,eta'].join('\n');
    const result = parsePassportIndexCsv(text, META);
    expect(result.format).toBe('matrix-iso3');
    expect(result.rejects).toEqual([]);
    expect(result.matrix.size).toBe(6);
    expect(result.matrix.requirement('D', 'USA')).toEqual({ kind: 'eta' });
    expect(result.matrix.requirement('D', 'AFG')).toEqual({ kind: 'visa-free', days: 90 });
  });

  it('reports bad lines of the tidy layout with line, column and reason, keeping the rest', () => {
    const text = [
      'Passport,Destination,Requirement',
      'AFG,ALB,e-visa',
      'AFG,QQQ,visa required',
      'AFG,DEU',
      'AFG,USA,covid ban',
      'AFG,ALB,e-visa',
      'AFG,USA,-1',
      '',
      'AFG,"IND",visa required',
      'AFG,"IND,visa required',
      'ZZZ,USA,eta',
    ].join('\n');
    const result = parsePassportIndexCsv(text, META);
    expect(result.matrix.size).toBe(2);
    expect(result.lines).toBe(9);
    expect(result.rejects).toEqual([
      { line: 3, column: 2, reason: 'unknown ISO 3166-1 alpha-3 code "QQQ"' },
      { line: 4, reason: 'expected 3 fields (passport, destination, requirement), found 2' },
      { line: 5, column: 3, reason: expect.stringContaining('unknown requirement "covid ban"') },
      { line: 6, reason: 'AFG → ALB repeats line 2' },
      { line: 7, column: 3, reason: '-1 (own state) given for two different states' },
      { line: 10, reason: 'unterminated quote' },
      { line: 11, column: 1, reason: 'unknown ISO 3166-1 alpha-3 code "ZZZ"' },
    ]);
  });

  it('reports bad cells of the matrix layout and short rows', () => {
    const text = [
      'Passport,AFG,DEU',
      'AFG,-1,sometimes',
      'DEU,90',
      'AFG,-1,visa required',
      'XYZ,1,2',
      'USA,,eta',
    ].join('\n');
    const result = parsePassportIndexCsv(text, META);
    expect(result.rejects).toEqual([
      { line: 2, column: 3, reason: expect.stringMatching(/^DEU: unknown requirement "sometimes"/) },
      { line: 3, reason: 'expected 3 fields like the header, found 2' },
      { line: 4, column: 1, reason: 'passport AFG repeats line 2' },
      { line: 5, column: 1, reason: 'unknown ISO 3166-1 alpha-3 code "XYZ"' },
      { line: 6, column: 2, reason: 'AFG: empty requirement' },
    ]);
    expect(result.matrix.size).toBe(2);
  });

  it.each([
    ['', /line 1: empty input/],
    ['Pass,Destination,Requirement\nAFG,ALB,eta', /line 1, column 1: expected "Passport", found "Pass"/],
    ['Passport,Destination,Req\nAFG,ALB,eta', /line 1, column 3: expected "Requirement", found "Req"/],
    ['Passport,Destination\nAFG,ALB', /line 1, column 3: expected "Requirement", found ""/],
    ['Passport,Destination,Requirement,Note', /line 1, column 4: the tidy header has 4 columns, expected 3/],
    ['Passport', /line 1, column 2: expected "Destination" \(tidy layout\) or destination codes/],
    ['Passport,AFG,DE', /line 1, column 3: "DE" is not an ISO 3166-1 alpha-3 code like the first/],
    ['Passport,AFG,QQQ', /line 1, column 3: unknown ISO 3166-1 alpha-3 code "QQQ"/],
    ['Passport,AFG,AFG', /line 1, column 3: destination AFG repeats column 2/],
    ['Passport,Afghanistan,Albania', /line 1, column 2: .*country-names variant .* not supported/],
  ])('refuses a wrong header %j', (text, message) => {
    expect(() => parsePassportIndexCsv(text, META)).toThrow(PassportIndexFormatError);
    expect(() => parsePassportIndexCsv(text, META)).toThrow(message);
  });

  it('refuses the country-names layout with a clear message', () => {
    const text =
      'Passport,Destination,Requirement\nAfghanistan,Albania,e-visa\nAfghanistan,Algeria,visa required';
    expect(() => parsePassportIndexCsv(text, META)).toThrow(
      /line 2, column 1: "Afghanistan" is not a country code: the country-names variant .* import the ISO-3 or ISO-2 file/,
    );
  });

  it('gives the error position as properties', () => {
    try {
      parsePassportIndexCsv('Passport,Destination,Req', META);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(PassportIndexFormatError);
      expect(error).toMatchObject({ line: 1, column: 3 });
    }
  });
});
