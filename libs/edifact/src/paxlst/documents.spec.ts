import { passenger, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';

/** A passenger whose lines after NAT are `docLines`. */
function withDocs(docLines: string[]) {
  const body = [...passenger('DOE', 'unused').slice(0, 4), ...docLines];
  const result = parsePaxlst(paxlst(body));
  return { result, traveller: result.messages[0]!.travellers[0]! };
}

describe('PAXLST documents (DOC group)', () => {
  it('reads type, number, expiry, issue date and issuing state, and several documents', () => {
    const { traveller, result } = withDocs([
      'DOC+P:110:111+YY3478621G',
      'DTM+36:261205',
      'DTM+182:161206',
      'LOC+91+FRA',
      'DOC+V+57131424',
      'DTM+36:210729',
      'LOC+91+USA',
    ]);
    expect(result.errors).toEqual([]);
    expect(traveller.documents).toEqual([
      {
        segment: 9,
        type: 'P',
        number: 'YY3478621G',
        expiryDate: '2026-12-05',
        issueDate: '2016-12-06',
        issuingState: 'FRA',
      },
      { segment: 13, type: 'V', number: '57131424', expiryDate: '2021-07-29', issuingState: 'USA' },
    ]);
  });

  it.each(['P', 'V', 'I', 'A', 'C', 'AC', 'IP', 'F', 'M'])('accepts document type %s', (type) => {
    expect(withDocs([`DOC+${type}+N1`, 'LOC+91+GBR']).traveller.errors).toEqual([]);
  });

  it('reports a missing document type and keeps the document', () => {
    const { traveller } = withDocs(['DOC++433419360', 'DTM+36:230920', 'LOC+91+CHN']);
    expect(traveller.documents).toEqual([
      { segment: 9, type: '', number: '433419360', expiryDate: '2023-09-20', issuingState: 'CHN' },
    ]);
    expect(traveller.errors).toEqual([
      {
        segment: 9,
        tag: 'DOC',
        element: 'DOC 1.1',
        message: "traveller 1's document has no type code in DOC 1.1 (P, V, I…)",
        severity: 'error',
        code: 'missing-document-type',
        travellerIndex: 1,
      },
    ]);
  });

  it('warns about an unknown document type', () => {
    const { traveller } = withDocs(['DOC+K+48302004', 'LOC+91+USA']);
    expect(traveller.documents).toHaveLength(1);
    expect(traveller.errors).toEqual([
      expect.objectContaining({ code: 'unknown-qualifier', severity: 'warning', element: 'DOC 1.1' }),
    ]);
  });

  it('reports a document without a number and leaves it out', () => {
    const { traveller } = withDocs(['DOC+P+1', 'LOC+91+GBR', 'DOC++', 'DTM+36:190919', 'LOC+91+']);
    expect(traveller.documents.map((d) => d.number)).toEqual(['1']);
    expect(traveller.errors.map((e) => [e.segment, e.element, e.code])).toEqual([
      [11, 'DOC 1.1', 'missing-document-type'],
      [11, 'DOC 2', 'missing-document-number'],
      [13, 'LOC 2', 'missing-issuing-state'],
    ]);
  });

  it('reports an empty LOC 91 on that segment, and an absent one on the DOC', () => {
    const empty = withDocs(['DOC+P+396949747', 'DTM+36:261205', 'LOC+91+']).traveller;
    expect(empty.errors).toEqual([
      expect.objectContaining({ segment: 11, tag: 'LOC', element: 'LOC 2', code: 'missing-issuing-state' }),
    ]);
    expect(empty.errors[0]!.message).toBe(
      "traveller 1's document (DOC at segment 9) has no issuing state (LOC 91)",
    );
    expect(empty.errors[0]!.message).not.toContain('396949747');
    const absent = withDocs(['DOC+P+396949747', 'DTM+36:261205']).traveller;
    expect(absent.errors).toEqual([
      expect.objectContaining({ segment: 9, tag: 'DOC', code: 'missing-issuing-state' }),
    ]);
    expect(absent.errors[0]!.element).toBeUndefined();
    expect(absent.documents).toHaveLength(1);
  });

  it('reports a bad expiry date and document dates with no DOC', () => {
    const { traveller } = withDocs(['DTM+36:210729', 'DOC+P+1', 'DTM+36:211331', 'LOC+91+GBR']);
    expect(traveller.errors.map((e) => [e.segment, e.code, e.severity])).toEqual([
      [9, 'unexpected-segment', 'warning'],
      [11, 'bad-date', 'error'],
    ]);
    expect(traveller.documents[0]!.expiryDate).toBeUndefined();
  });
});
