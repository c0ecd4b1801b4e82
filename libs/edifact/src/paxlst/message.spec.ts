import { FLIGHT, passenger, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';

const TWO = [...FLIGHT, ...passenger('ONE', 'N1'), ...passenger('TWO', 'N2')];
const errorsOf = (text: string) =>
  parsePaxlst(text).errors.map((e) => [e.segment, e.tag, e.element, e.code, e.severity]);

describe('PAXLST message header', () => {
  it('reads UNH, BGM and RFF TN', () => {
    const result = parsePaxlst(paxlst(['RFF+TN:BART34567890:::1', ...TWO], { unh: 'PAXLST:D:05B:UN:IATA' }));
    expect(result.errors).toEqual([]);
    const { travellers, flights, ...message } = result.messages[0]!;
    expect(travellers).toHaveLength(2);
    expect(flights).toHaveLength(1);
    expect(message).toEqual({
      segment: 3,
      reference: 'M1',
      type: 'PAXLST',
      version: 'D:05B',
      dialect: 'un',
      listType: 'passenger',
      documentCode: '745',
      transactionReference: 'BART34567890',
      declaredCount: 2,
      declaredCountQualifier: '42',
      declaredSegmentCount: 24,
    });
  });

  it.each([
    ['745', 'passenger'],
    ['250', 'crew'],
    ['336', 'crew'],
    ['266', 'other'],
    ['655', 'other'],
  ])('maps BGM %s to a %s list and keeps the code', (code, listType) => {
    const message = parsePaxlst(paxlst([], { bgm: code, cnt: null })).messages[0]!;
    expect(message).toMatchObject({ documentCode: code, listType });
  });

  it('reads the document identifier, and warns about an unknown document code', () => {
    const result = parsePaxlst(paxlst([], { bgm: '999+C', cnt: null }));
    expect(result.messages[0]).toMatchObject({
      documentCode: '999',
      documentIdentifier: 'C',
      listType: 'other',
    });
    expect(errorsOf(paxlst([], { bgm: '999', cnt: null }))).toEqual([
      [4, 'BGM', 'BGM 1', 'unknown-qualifier', 'warning'],
    ]);
  });

  it('reports a missing BGM', () => {
    expect(errorsOf(paxlst([], { bgm: null, cnt: null }))).toEqual([
      [3, 'UNH', undefined, 'missing-segment', 'error'],
    ]);
  });

  it('reads the multi-part status of UNH', () => {
    const part = (tail: string) => parsePaxlst(paxlst(TWO, { unhTail: tail })).messages[0]!.part;
    expect(part('+ABC01+01:C')).toEqual({
      commonAccessReference: 'ABC01',
      sequence: 1,
      marker: 'C',
      isFirst: true,
      isFinal: false,
    });
    expect(part('+AA346+10:F')).toMatchObject({ sequence: 10, isFirst: false, isFinal: true });
    expect(part('')).toBeUndefined();
  });

  it('warns about an unknown version but reads it', () => {
    const result = parsePaxlst(paxlst(TWO, { unh: 'PAXLST:D:99A:UN:IATA' }));
    expect(result.summary.readable).toBe(2);
    expect(result.errors.map((e) => [e.code, e.severity])).toEqual([['unsupported-version', 'warning']]);
  });

  it('skips a message that is not a PAXLST', () => {
    const result = parsePaxlst(paxlst(TWO, { unh: 'PNRGOV:11:1:IA' }));
    expect(result.messages).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ segment: 3, tag: 'UNH', element: 'UNH 2.1', code: 'not-paxlst' }),
    ]);
  });
});

describe('PAXLST control totals', () => {
  it('reports a CNT total that does not match the travellers read', () => {
    const result = parsePaxlst(paxlst(TWO, { cnt: '42:3' }));
    expect(result.errors).toEqual([
      {
        segment: 24,
        tag: 'CNT',
        element: 'CNT 1.2',
        message: 'CNT declares 3 travellers but the message holds 2',
        severity: 'error',
        code: 'count-mismatch',
      },
    ]);
  });

  it('only warns when a part of a multi-part list declares more than it holds', () => {
    expect(errorsOf(paxlst(TWO, { cnt: '42:136', unhTail: '+AA346+10:F' }))).toEqual([
      [24, 'CNT', 'CNT 1.2', 'count-mismatch', 'warning'],
    ]);
    expect(errorsOf(paxlst(TWO, { cnt: '42:1', unhTail: '+ABC01+01:C' }))).toEqual([
      [24, 'CNT', 'CNT 1.2', 'count-mismatch', 'error'],
    ]);
  });

  it('reads a total sent as a second element (CNT+41+8), with a warning', () => {
    const result = parsePaxlst(paxlst(TWO, { cnt: '42+2' }));
    expect(result.messages[0]!.declaredCount).toBe(2);
    expect(result.errors.map((e) => [e.element, e.code, e.severity])).toEqual([
      ['CNT 2', 'malformed-element', 'warning'],
    ]);
  });

  it('reports an unknown qualifier, a qualifier for the other list type, and a total that is no number', () => {
    expect(errorsOf(paxlst(TWO, { cnt: '3:2' }))).toEqual([
      [24, 'CNT', 'CNT 1.1', 'unknown-qualifier', 'error'],
    ]);
    expect(errorsOf(paxlst(TWO, { cnt: '41:2' }))).toEqual([
      [24, 'CNT', 'CNT 1.1', 'unknown-qualifier', 'warning'],
    ]);
    expect(errorsOf(paxlst(TWO, { cnt: '42:TWO' }))).toEqual([
      [24, 'CNT', 'CNT 1.2', 'malformed-element', 'error'],
    ]);
  });

  it('warns when there is no CNT to check the travellers against', () => {
    expect(errorsOf(paxlst(TWO, { cnt: null }))).toEqual([
      [3, 'UNH', undefined, 'missing-segment', 'warning'],
    ]);
  });

  it('reports a UNT count or reference that does not match', () => {
    const good = paxlst(TWO);
    expect(errorsOf(good.replace("UNT+23+M1'", "UNT+22+M1'"))).toEqual([
      [25, 'UNT', 'UNT 1', 'count-mismatch', 'error'],
    ]);
    expect(errorsOf(good.replace("UNT+23+M1'", "UNT+23+140211180 0'"))).toEqual([
      [25, 'UNT', 'UNT 2', 'reference-mismatch', 'error'],
    ]);
  });

  it('reports a message with no UNT', () => {
    const text = paxlst(TWO).replace("UNT+23+M1'\n", '');
    expect(errorsOf(text)).toEqual([[3, 'UNH', undefined, 'missing-segment', 'error']]);
  });
});
