import { DOCUMENT_VALIDITY } from './document-validity.check.js';
import { INTEGRITY_RULES } from './integrity-rules.js';
import { ISSUING_AUTHORITY } from './issuing-authority.check.js';
import { MRZ_CONSISTENCY } from './mrz-consistency.check.js';

describe('INTEGRITY_RULES', () => {
  it.each([
    ['DOCUMENT_EXPIRED', DOCUMENT_VALIDITY, 'high', 'do-not-board'],
    ['INSUFFICIENT_REMAINING_VALIDITY', DOCUMENT_VALIDITY, 'medium', 'contact-authority'],
    ['VALIDITY_EXCEEDS_ISSUER_MAXIMUM', DOCUMENT_VALIDITY, 'high', 'contact-authority'],
    ['BIRTH_DATE_IN_FUTURE', DOCUMENT_VALIDITY, 'medium', 'contact-authority'],
    ['IMPOSSIBLE_AGE', DOCUMENT_VALIDITY, 'medium', 'contact-authority'],
    ['DOCUMENT_TYPE_NOT_ACCEPTED', DOCUMENT_VALIDITY, 'high', 'do-not-board'],
    ['VALIDITY_DATA_MISSING', DOCUMENT_VALIDITY, 'info', 'no-action'],
    ['MRZ_DECLARED_MISMATCH', MRZ_CONSISTENCY, 'high', 'contact-authority'],
    ['UNKNOWN_ISSUING_STATE', ISSUING_AUTHORITY, 'high', 'contact-authority'],
    ['SPECIMEN_DOCUMENT', ISSUING_AUTHORITY, 'critical', 'do-not-board'],
    ['NUMBER_FORMAT_MISMATCH', ISSUING_AUTHORITY, 'medium', 'contact-authority'],
    ['NUMBER_FORMAT_UNKNOWN', ISSUING_AUTHORITY, 'info', 'no-action'],
  ])('defines %s (%s) as %s, %s', (id, check, severity, action) => {
    expect(INTEGRITY_RULES.find((rule) => rule.id === id)).toMatchObject({
      id,
      version: 1,
      check,
      severity,
      action,
      enabled: true,
    });
  });

  it('defines each rule once, with an explanation for the officer', () => {
    expect(new Set(INTEGRITY_RULES.map((rule) => rule.id)).size).toBe(INTEGRITY_RULES.length);
    expect(INTEGRITY_RULES).toHaveLength(12);
    for (const rule of INTEGRITY_RULES) {
      expect(rule.id).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(rule.explanation.length).toBeGreaterThan(60);
    }
  });
});
