import { parseLines } from './__fixtures__/lists.js';
import type { NationalListEvent } from './types.js';

const GOOD = {
  issuing_state: 'NLD',
  document_type: 'P',
  document_number: 'XA1234567',
  status: 'lost',
  reported_on: '2026-01-15',
};
const line = (object: unknown) => JSON.stringify(object);
const one = (object: unknown): NationalListEvent => {
  const events = parseLines([line(object)]);
  expect(events).toHaveLength(1);
  return events[0]!;
};
const reasonOf = (object: unknown) => {
  const event = one(object);
  expect(event.kind).toBe('reject');
  return event.kind === 'reject' ? event.reason : '';
};

describe('JSON Lines', () => {
  it('are detected and give the same records as CSV', () => {
    expect(one({ ...GOOD, lost_on: '2026-01-01', authority_reference: 'KMar 1' })).toEqual({
      kind: 'record',
      line: 1,
      record: {
        issuingState: 'NLD',
        documentType: 'PASSPORT',
        documentNumber: 'XA1234567',
        status: 'lost',
        reportedOn: '2026-01-15',
        lostOn: '2026-01-01',
        authorityReference: 'KMar 1',
      },
    });
  });

  it('give series with or without series_prefix', () => {
    const series = {
      issuing_state: 'D',
      document_type: 'P',
      status: 'stolen_blank',
      reported_on: '2026-01-15',
    };
    expect(one({ ...series, series_prefix: 'C01', series_first: '000', series_last: '999' })).toMatchObject({
      kind: 'series',
      series: { prefix: 'C01', firstNumber: '000', lastNumber: '999' },
    });
    expect(one({ ...series, series_first: 'C01000', series_last: 'C01999' })).toMatchObject({
      kind: 'series',
      series: { prefix: 'C', firstNumber: '01000', lastNumber: '01999' },
    });
  });

  it('number lines physically and skip blank ones, with CRLF and a BOM', () => {
    const events = parseLines([
      `\uFEFF${line(GOOD)}\r\n`,
      '\r\n',
      '  ',
      `${line(GOOD)}\r`,
      ` ${line(GOOD)} `,
    ]);
    expect(events.map((event) => `${event.line}:${event.kind}`)).toEqual([
      '1:record',
      '4:record',
      '5:record',
    ]);
  });

  it('treat null as absent', () => {
    expect(one({ ...GOOD, lost_on: null, authority_reference: null })).toMatchObject({ kind: 'record' });
    expect(reasonOf({ ...GOOD, issuing_state: null })).toBe('issuing_state: missing');
  });

  it('reject values that are not strings, once per field', () => {
    expect(reasonOf({ ...GOOD, document_number: 123456789 })).toBe(
      'document_number: expected a string, found number (numbers lose leading zeros)',
    );
    expect(reasonOf({ ...GOOD, status: true })).toBe('status: expected a string, found boolean');
    expect(reasonOf({ ...GOOD, reported_on: 20260115 })).toBe('reported_on: expected a string, found number');
    expect(reasonOf({ ...GOOD, issuing_state: ['NLD'] })).toBe(
      'issuing_state: expected a string, found array',
    );
    expect(reasonOf({ ...GOOD, document_type: { code: 'P' } })).toBe(
      'document_type: expected a string, found object',
    );
    expect(reasonOf({ ...GOOD, lost_on: 1, authority_reference: 2, series_first: 3 })).toBe(
      'lost_on: expected a string, found number; authority_reference: expected a string, found number; ' +
        'series_first: expected a string, found number',
    );
  });

  // Found by parser.fuzz.spec.ts: the reason ended in an empty problem ("…found number; ").
  it('reject a series bound of another type with that one problem', () => {
    const series = {
      issuing_state: 'D',
      document_type: 'P',
      status: 'stolen_blank',
      reported_on: '2026-01-15',
    };
    expect(reasonOf({ ...series, series_first: 'C01000', series_last: 1999 })).toBe(
      'series_last: expected a string, found number',
    );
  });

  it('check every field as CSV does', () => {
    expect(reasonOf({ ...GOOD, reported_on: '2024-13-01', document_type: 'F' })).toBe(
      'document_type: "F" is not a document type: expected P, I, A, C, V, AC or a type name ' +
        '(PASSPORT, IDENTITY_CARD, VISA, RESIDENCE_PERMIT, CREW_MEMBER_CERTIFICATE, OTHER); ' +
        'reported_on: "2024-13-01" is not a date YYYY-MM-DD',
    );
    expect(reasonOf({ issuing_state: 'NLD' })).toBe(
      'document_type: missing; document_number: missing (a blank series gives series_first and series_last instead); ' +
        'status: missing; reported_on: missing',
    );
  });

  it('reject lines that are not JSON objects without quoting them', () => {
    const events = parseLines([
      line(GOOD),
      '{"issuing_state":"NLD","document_number":"XA7654321",',
      '[1,2]',
      '"NLD"',
      '42',
      'null',
      'NLD,P,XA7654321,lost,2026-01-15',
    ]);
    expect(events.slice(1)).toEqual([
      { kind: 'reject', line: 2, reason: 'not valid JSON' },
      { kind: 'reject', line: 3, reason: 'expected a JSON object, found array' },
      { kind: 'reject', line: 4, reason: 'expected a JSON object, found string' },
      { kind: 'reject', line: 5, reason: 'expected a JSON object, found number' },
      { kind: 'reject', line: 6, reason: 'expected a JSON object, found null' },
      { kind: 'reject', line: 7, reason: 'not valid JSON' },
    ]);
    expect(JSON.stringify(events)).not.toContain('7654321');
  });

  it('warn once about each unknown field, before the line that first has it', () => {
    const events = parseLines([
      line({ ...GOOD, holder: 'J. Doe' }),
      line({ ...GOOD, holder: 'A. Other', note: 'x' }),
      line(GOOD),
    ]);
    expect(events).toEqual([
      { kind: 'warning', line: 1, message: 'unknown field ignored: "holder"' },
      expect.objectContaining({ kind: 'record', line: 1 }),
      { kind: 'warning', line: 2, message: 'unknown field ignored: "note"' },
      expect.objectContaining({ kind: 'record', line: 2 }),
      expect.objectContaining({ kind: 'record', line: 3 }),
    ]);
  });

  it('resume after a line', () => {
    const lines = [line(GOOD), '', line({ ...GOOD, status: 'x' }), line(GOOD)];
    expect(parseLines(lines, { startAfterLine: 2 }).map((event) => `${event.line}:${event.kind}`)).toEqual([
      '3:reject',
      '4:record',
    ]);
    expect(parseLines(lines, { startAfterLine: 4 })).toEqual([]);
  });

  it('may be forced with the format option', () => {
    expect(parseLines(['"NLD"', line(GOOD)], { format: 'jsonl' }).map((event) => event.kind)).toEqual([
      'reject',
      'record',
    ]);
  });
});
