import { DOCUMENT_VALIDITY } from './document-validity.check.js';
import { ISSUING_AUTHORITY } from './issuing-authority.check.js';
import { MRZ_CONSISTENCY } from './mrz-consistency.check.js';
import type { RuleDefinition } from './rule-book.js';

/**
 * The default definitions of the document-integrity rules (checks document-validity, mrz-consistency
 * and issuing-authority). A rule set may change severity, action, wording or parameters, or disable a
 * rule, and must then bump the rule's version. Reference data (destination policy, number formats)
 * is passed to the checks separately.
 */
export const INTEGRITY_RULES: RuleDefinition[] = [
  {
    id: 'DOCUMENT_EXPIRED',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'A travel document other than a visa expired before the travel date (departure of the first ' +
      'flight). An expired document does not allow entry, and the carrier would have to fly the ' +
      'traveller back.',
    enabled: true,
  },
  {
    id: 'INSUFFICIENT_REMAINING_VALIDITY',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The passport or identity card is valid for fewer months beyond the arrival date than the ' +
      'destination state requires (destination policy; rules phrased "beyond departure from the ' +
      'state" are counted from arrival, so only certain shortfalls are raised). Nationals of the ' +
      'destination and exempt nationalities are not held to the minimum. Ask the destination whether ' +
      'the traveller will be admitted.',
    enabled: true,
  },
  {
    id: 'VALIDITY_EXCEEDS_ISSUER_MAXIMUM',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      'The period from issue to expiry is longer than the issuing state ever makes such a document ' +
      'valid (10 years plus a few months by default, per issuer and type in the reference data). An ' +
      'altered expiry date or a counterfeit is likely; have the document examined.',
    enabled: true,
  },
  {
    id: 'BIRTH_DATE_IN_FUTURE',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The reported birth date lies after today (a birth date known only to the month or year is ' +
      'read at its earliest). A data entry or reading error, or altered data.',
    enabled: true,
  },
  {
    id: 'IMPOSSIBLE_AGE',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The reported birth date makes the traveller older than any living person is (parameter ' +
      'maximumAgeYears, counted from the latest day a reduced-precision birth date may stand for), ' +
      'or a document was issued before the traveller was born. A data error, or data that does not ' +
      'belong to this traveller.',
    enabled: true,
    parameters: { maximumAgeYears: 120 },
  },
  {
    id: 'DOCUMENT_TYPE_NOT_ACCEPTED',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'None of the travel documents presented is accepted for entry into the destination state for ' +
      'this traveller (for example an identity card where only some nationalities may enter on one). ' +
      'The traveller needs a document the destination accepts.',
    enabled: true,
  },
  {
    id: 'VALIDITY_DATA_MISSING',
    version: 1,
    check: DOCUMENT_VALIDITY,
    severity: 'info',
    action: 'no-action',
    explanation:
      'Information: a date, the nationality or the destination state needed for a validity rule was ' +
      'not reported or is unreadable, so that rule was not checked. Missing data is never an alarm ' +
      'by itself.',
    enabled: true,
  },
  {
    id: 'MRZ_DECLARED_MISMATCH',
    version: 1,
    check: MRZ_CONSISTENCY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      "A field of the document's machine-readable zone (number, birth date, expiry, nationality, " +
      'issuing state or names) differs from what the carrier declared for it. Two-digit MRZ years, ' +
      'transliteration and truncated names are allowed for. Either the declared data is wrong or the ' +
      'document does not belong to this traveller: compare the document with the booking.',
    enabled: true,
  },
  {
    id: 'UNKNOWN_ISSUING_STATE',
    version: 1,
    check: ISSUING_AUTHORITY,
    severity: 'high',
    action: 'contact-authority',
    explanation:
      "The document's issuing state, or the traveller's nationality, is not a code of ICAO Doc 9303. " +
      'No real authority issues such a document: a fantasy or counterfeit document, or a data error.',
    enabled: true,
  },
  {
    id: 'SPECIMEN_DOCUMENT',
    version: 1,
    check: ISSUING_AUTHORITY,
    severity: 'critical',
    action: 'do-not-board',
    explanation:
      'The document (or nationality) belongs to Utopia (UTO), the state of the ICAO specimens. ' +
      'Specimen documents are published samples and never valid for travel.',
    enabled: true,
  },
  {
    id: 'NUMBER_FORMAT_MISMATCH',
    version: 1,
    check: ISSUING_AUTHORITY,
    severity: 'medium',
    action: 'contact-authority',
    explanation:
      'The document number fits none of the formats on record for that issuing state and document ' +
      'type (number format reference data). A counterfeit, or a number mistyped by the carrier.',
    enabled: true,
  },
  {
    id: 'NUMBER_FORMAT_UNKNOWN',
    version: 1,
    check: ISSUING_AUTHORITY,
    severity: 'info',
    action: 'no-action',
    explanation:
      'Information: no number format is on record for that issuing state and document type, so the ' +
      'number was not checked. Not an alarm.',
    enabled: true,
  },
];
