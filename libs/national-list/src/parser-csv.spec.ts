import { GOOD, GOOD_SERIES, HEADER, TODAY, csvLine, parseCsv, parseLines } from './__fixtures__/lists.js';
import {
  NationalListParser,
  detectFormat,
  linesOf,
  parseNationalList,
  parseNationalListChunks,
  parseNationalListSync,
} from './parser.js';
import { NATIONAL_LIST_FIELDS } from './fields.js';
import { NationalListHeaderError, type NationalListEvent } from './types.js';

const GOOD_LINE = csvLine(GOOD);
const summary = (events: NationalListEvent[]) => events.map((event) => `${event.line}:${event.kind}`);

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('CSV structure', () => {
  it('numbers lines physically, the header being line 1, and skips blank lines', () => {
    const events = parseCsv([
      '',
      GOOD_LINE,
      '   ',
      '\t',
      csvLine(GOOD_SERIES),
      ',,,,,,,,,',
      ' , ,,,,,,,,',
      GOOD_LINE,
    ]);
    expect(summary(events)).toEqual(['3:record', '6:series', '9:record']);
  });

  it('takes lines with or without their terminators, LF or CRLF', () => {
    const text = `${HEADER}\r\n${GOOD_LINE}\r\n\r\n${GOOD_LINE}\r\n`;
    expect(summary(parseLines(text.split('\n')))).toEqual(['2:record', '4:record']);
    expect(summary(parseLines([`${HEADER}\r\n`, `${GOOD_LINE}\n`, `${GOOD_LINE}\r`]))).toEqual([
      '2:record',
      '3:record',
    ]);
    const [event] = parseLines([HEADER, `${csvLine({ ...GOOD, authority_reference: 'ref' })}\r`]);
    expect(event).toMatchObject({ kind: 'record', record: { authorityReference: 'ref' } });
  });

  it('tolerates a UTF-8 byte order mark before the header', () => {
    expect(summary(parseLines([`\uFEFF${HEADER}`, GOOD_LINE]))).toEqual(['2:record']);
    expect(summary(parseLines(['\uFEFF', HEADER, GOOD_LINE]))).toEqual(['3:record']);
  });

  it('reads quoted fields: commas, doubled quotes, quoted codes and numbers', () => {
    const line = '"NLD","P","XA 123-4567","lost","2026-01-15","","KMar, case ""12""",,,';
    expect(parseLines([HEADER, line])).toEqual([
      {
        kind: 'record',
        line: 2,
        record: {
          issuingState: 'NLD',
          documentType: 'PASSPORT',
          documentNumber: 'XA1234567',
          status: 'lost',
          reportedOn: '2026-01-15',
          authorityReference: 'KMar, case "12"',
        },
      },
    ]);
  });

  it('rejects a badly quoted line, naming the field, and goes on with the next', () => {
    expect(parseCsv(['NLD,P,"XA1234567,lost,2026-01-15,,,,,', GOOD_LINE])).toEqual([
      {
        kind: 'reject',
        line: 2,
        reason: 'field 3 (document_number): unterminated quoted field (a quoted field cannot span lines)',
      },
      expect.objectContaining({ kind: 'record', line: 3 }),
    ]);
    expect(parseCsv(['NLD,P,XA1234567,lost,2026-01-15,,"ref" 2,,,'])).toEqual([
      { kind: 'reject', line: 2, reason: 'field 7 (authority_reference): text after the closing quote' },
    ]);
    expect(parseCsv(['NLD,P,XA"12,lost,2026-01-15,,,,,'])[0]).toMatchObject({
      reason:
        'field 3 (document_number): a quote inside an unquoted field (quote the whole field and double the quote)',
    });
  });

  it('rejects a line with more or fewer fields than the header', () => {
    expect(parseCsv([`${GOOD_LINE},extra`, 'NLD,P,XA1234567,lost,2026-01-15'])).toEqual([
      { kind: 'reject', line: 2, reason: '11 fields, but the header has 10 columns' },
      { kind: 'reject', line: 3, reason: '5 fields, but the header has 10 columns' },
    ]);
  });

  it('reads a rejects line in full even when its document number is broken', () => {
    const [event] = parseCsv([csvLine({ ...GOOD, document_number: 'ÄÖÜ' })]);
    expect(event).toMatchObject({ kind: 'reject', line: 2 });
    expect(JSON.stringify(event)).not.toContain('ÄÖÜ');
  });
});

describe('the examples of the README', () => {
  it('parse as documented', () => {
    const csv = [
      HEADER,
      'NLD,P,XA1234567,lost,2026-01-15,2026-01-10,KMar/2026/000123,,,',
      'D,I,L01X00T47,stolen,2025-11-02,,"BKA, Az. 7 ""West""",,,',
      'D,P,,stolen_blank,2025-06-30,,BKA/2025/1,C01,000,999',
      'USA,V,,stolen_blank,2025-06-30,,,,04100000,04104999',
    ];
    const jsonl = [
      '{"issuing_state":"NLD","document_type":"P","document_number":"XA1234567","status":"lost","reported_on":"2026-01-15","lost_on":"2026-01-10"}',
      '{"issuing_state":"D","document_type":"P","series_prefix":"C01","series_first":"000","series_last":"999","status":"stolen_blank","reported_on":"2025-06-30"}',
    ];
    expect(parseLines(csv)).toEqual([
      {
        kind: 'record',
        line: 2,
        record: {
          issuingState: 'NLD',
          documentType: 'PASSPORT',
          documentNumber: 'XA1234567',
          status: 'lost',
          reportedOn: '2026-01-15',
          lostOn: '2026-01-10',
          authorityReference: 'KMar/2026/000123',
        },
      },
      {
        kind: 'record',
        line: 3,
        record: {
          issuingState: 'D',
          documentType: 'IDENTITY_CARD',
          documentNumber: 'L01X00T47',
          status: 'stolen',
          reportedOn: '2025-11-02',
          authorityReference: 'BKA, Az. 7 "West"',
        },
      },
      {
        kind: 'series',
        line: 4,
        series: {
          issuingState: 'D',
          documentType: 'PASSPORT',
          prefix: 'C01',
          firstNumber: '000',
          lastNumber: '999',
          status: 'stolen_blank',
          reportedOn: '2025-06-30',
          authorityReference: 'BKA/2025/1',
        },
      },
      {
        kind: 'series',
        line: 5,
        series: {
          issuingState: 'USA',
          documentType: 'VISA',
          prefix: '',
          firstNumber: '04100000',
          lastNumber: '04104999',
          status: 'stolen_blank',
          reportedOn: '2025-06-30',
        },
      },
    ]);
    expect(parseLines(jsonl).map((event) => event.kind)).toEqual(['record', 'series']);
  });
});

describe('the CSV header', () => {
  it('may order the columns freely, in any case, and leave out optional ones', () => {
    const events = parseLines([
      ' Reported_On , STATUS,document_number,issuing_state,document_type',
      '2026-01-15,lost,XA1234567,NLD,P',
    ]);
    expect(events).toEqual([
      {
        kind: 'record',
        line: 2,
        record: {
          issuingState: 'NLD',
          documentType: 'PASSPORT',
          documentNumber: 'XA1234567',
          status: 'lost',
          reportedOn: '2026-01-15',
        },
      },
    ]);
  });

  it('may list series only', () => {
    const events = parseLines([
      'issuing_state,document_type,status,reported_on,series_first,series_last',
      'D,P,stolen_blank,2026-01-15,C01000,C01999',
    ]);
    expect(events).toMatchObject([{ kind: 'series', series: { prefix: 'C', firstNumber: '01000' } }]);
  });

  it('reports unknown columns once, as a warning, and ignores them', () => {
    const events = parseLines([
      `${HEADER},holder_name,"remarks, internal",`,
      `${GOOD_LINE},J. Doe,none,`,
      `${GOOD_LINE},A. N. Other,,`,
    ]);
    expect(events).toEqual([
      {
        kind: 'warning',
        line: 1,
        message: 'unknown columns ignored: "holder_name", "remarks, internal", ""',
      },
      expect.objectContaining({ kind: 'record', line: 2 }),
      expect.objectContaining({ kind: 'record', line: 3 }),
    ]);
    expect(JSON.stringify(events)).not.toContain('Doe');
  });

  it('must have the required columns: a file-level error', () => {
    const header = (columns: string) => () => parseLines([columns, GOOD_LINE]);
    expect(header('issuing_state,document_type,document_number')).toThrow(NationalListHeaderError);
    expect(header('issuing_state,document_type,document_number')).toThrow(
      'line 1: the header lacks the required columns status, reported_on (a CSV national list starts with a ' +
        'header such as issuing_state,document_type,document_number,status,reported_on,lost_on,' +
        'authority_reference,series_prefix,series_first,series_last)',
    );
    expect(header('issuing_state,document_type,status,reported_on')).toThrow(
      'line 1: the header lacks the required column document_number (',
    );
    expect(header('issuing_state,document_type,status,reported_on,document_number,series_first')).toThrow(
      'line 1: the header lacks the required column series_last (',
    );
    expect(header('issuing_state,document_type,status,reported_on,series_prefix')).toThrow(
      'the header lacks the required columns series_first, series_last (',
    );
    expect(header(NATIONAL_LIST_FIELDS.join(';'))).toThrow(/; columns are separated by commas\)$/);
    // A list without a header: its first record is read as one.
    expect(header(GOOD_LINE)).toThrow(/lacks the required columns issuing_state, document_type, status/);
  });

  it('must not name a column twice, and must be readable', () => {
    expect(() => parseLines([`${HEADER},Status`])).toThrow(
      'line 1: column status appears twice in the header',
    );
    expect(() => parseLines(['', `"issuing_state,${HEADER}`])).toThrow(
      'line 2: cannot read the header: column 1: unterminated quoted field (a quoted field cannot span lines)',
    );
    try {
      parseLines(['', '', 'x,y']);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(NationalListHeaderError);
      expect((error as NationalListHeaderError).line).toBe(3);
    }
  });

  it('alone, or no input at all, gives no events', () => {
    expect(parseLines([HEADER])).toEqual([]);
    expect(parseLines([])).toEqual([]);
    expect(parseLines(['', '  '])).toEqual([]);
  });
});

describe('resuming with startAfterLine', () => {
  const lines = [
    `${HEADER},extra`,
    `${GOOD_LINE},x`,
    `${csvLine({ ...GOOD, status: 'bad' })},x`,
    '',
    `${GOOD_LINE},x`,
    `${csvLine(GOOD_SERIES)},x`,
  ];

  it('still reads the header, and parses only the lines after the given one', () => {
    const all = parseLines(lines);
    expect(summary(all)).toEqual(['1:warning', '2:record', '3:reject', '5:record', '6:series']);
    for (let after = 0; after <= lines.length + 1; after++) {
      const resumed = parseLines(lines, { startAfterLine: after });
      expect(resumed).toEqual(all.filter((event) => event.kind === 'warning' || event.line > after));
    }
  });

  it('works when the header is preceded by blank lines', () => {
    expect(summary(parseLines(['', HEADER, GOOD_LINE, GOOD_LINE], { startAfterLine: 3 }))).toEqual([
      '4:record',
    ]);
  });

  it('must be a line number', () => {
    expect(() => new NationalListParser({ startAfterLine: -1 })).toThrow(RangeError);
    expect(() => new NationalListParser({ startAfterLine: 1.5 })).toThrow(RangeError);
  });
});

describe('options', () => {
  it('today must be a date; by default it is the UTC date', () => {
    expect(() => new NationalListParser({ today: '30.06.2026' })).toThrow(
      'today: "30.06.2026" is not a date YYYY-MM-DD',
    );
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const events = [
      ...parseNationalListSync([
        HEADER,
        csvLine({ ...GOOD, reported_on: today }),
        csvLine({ ...GOOD, reported_on: tomorrow }),
      ]),
    ];
    // (Around midnight UTC the two calls to the clock may see different days; both outcomes are fine.)
    expect(events[0]?.kind).toBe('record');
    expect(['reject', 'record']).toContain(events[1]?.kind);
    if (new Date().toISOString().slice(0, 10) === today) expect(events[1]?.kind).toBe('reject');
  });

  it('format csv reads the first line as a header whatever it looks like', () => {
    expect(() => parseLines(['{"issuing_state":"NLD"}'], { format: 'csv' })).toThrow(NationalListHeaderError);
  });
});

describe('detectFormat', () => {
  it('sees JSON Lines in an opening brace, CSV otherwise', () => {
    expect(detectFormat('{"issuing_state":"NLD"}')).toBe('jsonl');
    expect(detectFormat('\uFEFF  {')).toBe('jsonl');
    expect(detectFormat(HEADER)).toBe('csv');
    expect(detectFormat('"issuing_state",document_type')).toBe('csv');
    expect(detectFormat('')).toBe('csv');
  });
});

describe('NationalListParser', () => {
  it('tells the last line pushed and the format', () => {
    const parser = new NationalListParser({ today: TODAY });
    expect(parser.format).toBeUndefined();
    expect(parser.push('')).toEqual([]);
    expect(parser.push(HEADER)).toEqual([]);
    expect(parser.format).toBe('csv');
    expect(parser.push(GOOD_LINE)).toMatchObject([{ kind: 'record', line: 3 }]);
    expect(parser.lineNumber).toBe(3);
  });
});

describe('the async API', () => {
  it('parses async lines as the sync one does', async () => {
    async function* lines() {
      yield HEADER;
      yield GOOD_LINE;
      yield csvLine({ ...GOOD, reported_on: 'x' });
    }
    expect(await collect(parseNationalList(lines(), { today: TODAY }))).toEqual(
      parseLines([HEADER, GOOD_LINE, csvLine({ ...GOOD, reported_on: 'x' })]),
    );
  });

  it('refuses a whole text where lines are expected', async () => {
    const text = `${HEADER}\n${GOOD_LINE}`;
    expect(() => [...parseNationalListSync(text)]).toThrow(TypeError);
    await expect(collect(parseNationalList(text))).rejects.toThrow(TypeError);
  });

  it('throws the header error when iterated', async () => {
    await expect(collect(parseNationalList(['a,b', GOOD_LINE]))).rejects.toThrow(NationalListHeaderError);
  });

  it('splits chunks of text or UTF-8 bytes into lines, anywhere', async () => {
    const text = `\uFEFF${HEADER}\r\n${csvLine({ ...GOOD, authority_reference: 'Zürich – Büro 7' })}\r\n\r\n${GOOD_LINE}`;
    const bytes = new TextEncoder().encode(text);
    const expected = parseLines(text.split('\n'));
    expect(summary(expected)).toEqual(['2:record', '4:record']);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const byteChunks: Uint8Array[] = [];
      const textChunks: string[] = [];
      for (let i = 0; i < bytes.length; i += size) byteChunks.push(bytes.subarray(i, i + size));
      for (let i = 0; i < text.length; i += size) textChunks.push(text.slice(i, i + size));
      expect(await collect(parseNationalList(linesOf(byteChunks), { today: TODAY }))).toEqual(expected);
      expect(await collect(parseNationalList(linesOf(textChunks), { today: TODAY }))).toEqual(expected);
    }
    expect(await collect(linesOf(['a\nb', '\n', 'c\n']))).toEqual(['a', 'b', 'c']);
    expect(await collect(linesOf(['', 'a\n\nb']))).toEqual(['a', '', 'b']);
    expect(await collect(linesOf([]))).toEqual([]);
  });

  it('parses chunks into one batch of events per chunk', async () => {
    const text = `${HEADER}\n${GOOD_LINE}\n${csvLine({ ...GOOD, status: '' })}\n${GOOD_LINE}`;
    const expected = parseLines(text.split('\n'));
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 5, 100, bytes.length]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const batches = await collect(parseNationalListChunks(chunks, { today: TODAY }));
      expect(batches.every((batch) => batch.length > 0)).toBe(true);
      expect(batches.flat()).toEqual(expected);
    }
    expect(await collect(parseNationalListChunks([`${text}\n`], { today: TODAY }))).toEqual([expected]);
    await expect(collect(parseNationalListChunks(['x,y\n']))).rejects.toThrow(NationalListHeaderError);
  });
});
