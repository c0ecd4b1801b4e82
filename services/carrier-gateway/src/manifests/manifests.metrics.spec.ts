import type { PaxlstTraveller } from '@docscreen/edifact';
import { formatOf, jsonRejectionCode, manifestResultOf, paxlstRejectionCodes } from './manifests.metrics.js';

// The metrics' labels must stay within fixed lists: each maps whatever comes in onto one of them.

describe('manifest metrics labels', () => {
  it('names the result of each answer of POST /v1/manifests', () => {
    expect([400, 401, 403, 409, 413, 415, 422, 503, 500].map(manifestResultOf)).toEqual([
      'unreadable',
      'refused',
      'refused',
      'refused',
      'too-large',
      'refused',
      'refused',
      'unavailable',
      'error',
    ]);
  });

  it('reads the format from the Content-Type, parameters and case aside', () => {
    expect(formatOf('application/json; charset=utf-8')).toBe('json');
    expect(formatOf('APPLICATION/EDIFACT')).toBe('paxlst');
    expect(formatOf('text/plain')).toBe('paxlst');
    expect(formatOf('application/xml')).toBe('other');
    expect(formatOf(undefined)).toBe('other');
  });

  it('names a rejected JSON traveller by the first field at fault, never by its value', () => {
    expect(
      jsonRejectionCode('travellers.3.documents.0.number: Too big; travellers.3.surname: Required'),
    ).toBe('invalid-documents');
    expect(jsonRejectionCode('travellers.0: Expected object, received string')).toBe('invalid-traveller');
  });

  it('names a rejected PAXLST traveller by limit, role or its first defect code', () => {
    const traveller = (t: Partial<PaxlstTraveller>) =>
      ({ readable: false, errors: [], ...t }) as PaxlstTraveller;
    const overLimit = traveller({ readable: true });
    const notATraveller = traveller({ readable: true });
    const noName = traveller({
      errors: [{ code: 'missing-name', segment: 9, tag: 'NAD', message: '…', severity: 'error' }],
    });
    const unknown = traveller({});
    const codes = paxlstRejectionCodes(
      [overLimit, notATraveller, noName, unknown],
      new Map([
        [
          overLimit,
          [{ segment: 9, tag: 'NAD', message: 'too long', severity: 'error' as const, code: 'over-limit' }],
        ],
      ]),
      (t) => t !== notATraveller,
    );
    expect(codes).toEqual(['over-limit', 'not-a-traveller', 'missing-name', 'unreadable-traveller']);
  });
});
