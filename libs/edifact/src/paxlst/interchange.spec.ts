import { passenger, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';

const ONE = passenger('ONE', 'N1');
const errorsOf = (text: string) => parsePaxlst(text).errors.map((e) => [e.segment, e.tag, e.element, e.code]);

describe('PAXLST interchange envelope', () => {
  it('reads UNB', () => {
    const result = parsePaxlst(paxlst(ONE));
    expect(result.interchange).toEqual({
      segment: 2,
      syntax: 'UNOA:4',
      sender: 'SENDER',
      senderQualifier: 'ZZ',
      recipient: 'RECEIVER',
      recipientQualifier: 'ZZ',
      preparedAt: '2020-01-30T03:00',
      controlReference: 'IC1',
      applicationReference: 'APIS',
      declaredCount: 1,
      groups: [],
    });
  });

  it('places two-digit birth years against the UNB date, not against today', () => {
    const body = [...ONE];
    body[2] = 'DTM+329:010328';
    const at = (date: string) =>
      parsePaxlst(paxlst(body, { unbDate: date })).messages[0]!.travellers[0]!.birthDate;
    expect(at('200130')).toBe('2001-03-28');
    expect(at('990130')).toBe('1901-03-28');
  });

  it('reads without UNB, using the reference year given', () => {
    const text = paxlst(ONE).replace(/UNB[^']*'\n/, '');
    const result = parsePaxlst(text, { referenceYear: 2020 });
    expect(result.summary.readable).toBe(1);
    expect(result.interchange.segment).toBe(0);
    expect(result.errors.map((e) => [e.segment, e.tag, e.code])).toEqual([[2, 'UNH', 'missing-segment']]);
  });

  it('reports a bad UNB date', () => {
    expect(errorsOf(paxlst(ONE, { unbDate: '2001' }))).toEqual([[2, 'UNB', 'UNB 4.1', 'bad-date']]);
    expect(errorsOf(paxlst(ONE, { unbDate: '00500101' }))).toEqual([[2, 'UNB', 'UNB 4.1', 'bad-date']]);
  });

  it('reports UNZ counts and references that do not match', () => {
    const good = paxlst(ONE);
    expect(errorsOf(good.replace("UNZ+1+IC1'", "UNZ+2+IC1'"))).toEqual([
      [14, 'UNZ', 'UNZ 1', 'count-mismatch'],
    ]);
    expect(errorsOf(good.replace("UNZ+1+IC1'", "UNZ+1+020A07'"))).toEqual([
      [14, 'UNZ', 'UNZ 2', 'reference-mismatch'],
    ]);
    expect(errorsOf(good.replace("UNZ+1+IC1'", ''))).toEqual([[13, 'UNT', undefined, 'missing-segment']]);
  });

  it('checks UNG/UNE groups: UNE counts messages, UNZ counts groups', () => {
    const text = paxlst(ONE)
      .replace("APIS'\n", "APIS'\nUNG+PAXLST+HAWAIIAN AIRLINES+USCSAPIS+140202:0600+G1+UN+D:02B'\n")
      .replace("UNZ+1+IC1'", "UNE+2+G2'\nUNZ+1+IC1'");
    const result = parsePaxlst(text);
    expect(result.interchange.groups).toEqual([
      { segment: 3, reference: 'G1', sender: 'HAWAIIAN AIRLINES', recipient: 'USCSAPIS', declaredCount: 2 },
    ]);
    expect(result.errors.map((e) => [e.segment, e.tag, e.element, e.code])).toEqual([
      [15, 'UNE', 'UNE 1', 'count-mismatch'],
      [15, 'UNE', 'UNE 2', 'reference-mismatch'],
    ]);
  });

  it('reports segments outside any message, and an interchange with no message', () => {
    const text = paxlst(ONE).replace("UNZ+1+IC1'", "FTX+AAA'\nUNZ+1+IC1'");
    expect(errorsOf(text)).toEqual([[14, 'FTX', undefined, 'unexpected-segment']]);
    expect(errorsOf("UNB+UNOA:4+A+B+200101:0000+1'UNZ+0+1'")).toEqual([
      [1, 'UNB', undefined, 'missing-segment'],
    ]);
  });

  it('reads several messages, numbering travellers across them', () => {
    const one = paxlst(ONE).split('\n');
    const message = one.slice(2, -1); // UNH … UNT
    const second = message.map((s) =>
      s.replace('UNH+M1+', 'UNH+M2+').replace("+M1'", "+M2'").replace('ONE:', 'TWO:'),
    );
    const text = [...one.slice(0, -1), ...second, "UNZ+2+IC1'"].join('\n');
    const result = parsePaxlst(text);
    expect(result.errors).toEqual([]);
    expect(result.messages.map((m) => [m.reference, m.travellers.map((t) => [t.index, t.surname])])).toEqual([
      ['M1', [[1, 'ONE']]],
      ['M2', [[2, 'TWO']]],
    ]);
  });

  it('returns nothing and one error for text that is not EDIFACT', () => {
    const result = parsePaxlst('%PDF-1.7 not a manifest');
    expect(result.messages).toEqual([]);
    expect(result.errors).toEqual([
      {
        segment: 0,
        tag: '',
        message: 'no UNA, UNB or UNH segment found: this is not an EDIFACT interchange',
        severity: 'error',
        code: 'not-edifact',
      },
    ]);
    expect(result.summary).toEqual({
      messages: 0,
      travellers: 0,
      readable: 0,
      unreadable: 0,
      errors: 1,
      warnings: 0,
    });
  });
});
