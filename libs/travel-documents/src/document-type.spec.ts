import { DOCUMENT_STATUSES, isDocumentStatus } from './document-status.js';
import { documentTypeName, requireDocumentType } from './document-type.js';

describe('document types', () => {
  it('read ICAO and PAXLST codes and type names', () => {
    expect(documentTypeName('P')).toBe('PASSPORT');
    expect(documentTypeName(' i ')).toBe('IDENTITY_CARD');
    expect(documentTypeName('C')).toBe('IDENTITY_CARD');
    expect(documentTypeName('V')).toBe('VISA');
    expect(documentTypeName('AC')).toBe('CREW_MEMBER_CERTIFICATE');
    expect(documentTypeName('residence_permit')).toBe('RESIDENCE_PERMIT');
    expect(documentTypeName('OTHER')).toBe('OTHER');
  });

  it('leave unknown codes unknown, and refuse them where a type is required', () => {
    expect(documentTypeName('F')).toBeUndefined();
    expect(documentTypeName('')).toBeUndefined();
    expect(documentTypeName('toString')).toBeUndefined();
    expect(() => requireDocumentType('IP')).toThrow(RangeError);
  });
});

describe('document statuses', () => {
  it('are the five registry statuses', () => {
    expect(DOCUMENT_STATUSES).toEqual(['lost', 'stolen', 'revoked', 'invalidated', 'stolen_blank']);
    expect(isDocumentStatus('stolen_blank')).toBe(true);
    expect(isDocumentStatus('STOLEN')).toBe(false);
  });
});
