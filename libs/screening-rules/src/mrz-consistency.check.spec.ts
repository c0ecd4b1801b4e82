import {
  RULES,
  RULE_SET_VERSION,
  passport,
  raised,
  rulesWith,
  traveller,
} from './__fixtures__/integrity-subjects.js';
import type { CheckOutcome } from './check-result.js';
import { MRZ_CONSISTENCY, mrzConsistencyCheck } from './mrz-consistency.check.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';

// ICAO Doc 9303 specimens (Utopia) and the German specimen passport (Erika Mustermann).
const TD3_LINE_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3_LINE_2];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const GERMAN = [
  'P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<',
  'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4',
];

/** A TD3 whose name field is `name` (fillers for spaces), cut or padded to the 44 characters of line 1. */
function td3Named(name: string): string[] {
  return [`P<UTO${name}`.padEnd(44, '<').slice(0, 44), TD3_LINE_2];
}

function specimenDocument(change: Partial<SubjectDocument> = {}): SubjectDocument {
  return passport({
    number: 'L898902C3',
    issuingState: 'UTO',
    expiryDate: '2012-04-15',
    mrzLines: TD3,
    ...change,
  });
}

function specimenHolder(change: Partial<ScreeningSubject> = {}, document: Partial<SubjectDocument> = {}) {
  return traveller({ nationality: 'UTO', documents: [specimenDocument(document)], ...change });
}

interface Scenario {
  name: string;
  subject: ScreeningSubject;
  raised: string[];
  outcome: CheckOutcome;
}

function expectScenario(scenario: Scenario): void {
  const result = mrzConsistencyCheck(scenario.subject, { rules: RULES, today: '2026-03-01' });
  expect(raised(result)).toEqual(scenario.raised);
  expect(result.outcome).toBe(scenario.outcome);
}

const mismatch = (field: string, index = 0) => `MRZ_DECLARED_MISMATCH documents[${index}].mrz.${field}`;

describe('mrzConsistencyCheck', () => {
  it('passes declared data that agrees with the specimen, recording the rule set version', () => {
    const result = mrzConsistencyCheck(specimenHolder(), { rules: RULES });
    expect(result).toEqual({
      check: MRZ_CONSISTENCY,
      version: RULE_SET_VERSION,
      outcome: 'passed',
      findings: [],
    });
  });

  it.each<Scenario>([
    {
      name: 'another document number',
      subject: specimenHolder({}, { number: 'L898902C4' }),
      raised: [mismatch('documentNumber')],
      outcome: 'failed',
    },
    {
      name: 'another birth date',
      subject: specimenHolder({ birthDate: '1974-08-13' }),
      raised: [mismatch('birthDate')],
      outcome: 'failed',
    },
    {
      name: 'another birth year at year precision',
      subject: specimenHolder({ birthDate: '1975' }),
      raised: [mismatch('birthDate')],
      outcome: 'failed',
    },
    {
      name: 'another expiry date',
      subject: specimenHolder({}, { expiryDate: '2012-04-16' }),
      raised: [mismatch('expiryDate')],
      outcome: 'failed',
    },
    {
      name: 'another nationality',
      subject: specimenHolder({ nationality: 'NLD' }),
      raised: [mismatch('nationality')],
      outcome: 'failed',
    },
    {
      name: 'another issuing state',
      subject: specimenHolder({}, { issuingState: 'NLD' }),
      raised: [mismatch('issuingState')],
      outcome: 'failed',
    },
    {
      name: 'another surname',
      subject: specimenHolder({ surname: 'ERIKSON' }),
      raised: [mismatch('surname')],
      outcome: 'failed',
    },
    {
      name: 'given names the untruncated MRZ has more of',
      subject: specimenHolder({ givenNames: 'ANNA' }),
      raised: [mismatch('givenNames')],
      outcome: 'failed',
    },
    {
      name: 'a declared name the untruncated MRZ only begins',
      subject: specimenHolder({ givenNames: 'ANNA MARIA LOUISE' }),
      raised: [mismatch('givenNames')],
      outcome: 'failed',
    },
    {
      name: 'a truncated MRZ name that is not the start of the declared one',
      subject: specimenHolder(
        { surname: 'VANDERBERGHE SMITH', givenNames: 'ANNA MARIA ELIZABETH' },
        { mrzLines: td3Named('VANDERBERGHE<SMITH<<ANNA<MARIA<ELISABETH<CHARLOTTE') },
      ),
      raised: [mismatch('givenNames')],
      outcome: 'failed',
    },
    {
      name: 'a transliteration no ICAO rule gives',
      subject: traveller({
        surname: 'MILLER',
        givenNames: 'ERIKA',
        nationality: 'D',
        birthDate: '1964-08-12',
        documents: [
          passport({
            number: 'C01X00T47',
            issuingState: 'D',
            expiryDate: '2027-02-28',
            mrzLines: td3MullerLines(),
          }),
        ],
      }),
      raised: [mismatch('surname')],
      outcome: 'failed',
    },
    {
      name: 'every field of every document, one finding each',
      subject: traveller({
        surname: 'SMITH',
        givenNames: 'JOHN',
        birthDate: '1980-01-01',
        nationality: 'USA',
        documents: [
          passport({ number: 'X1', issuingState: 'USA', expiryDate: '2030-01-01', mrzLines: [] }),
          passport({ number: 'X1', issuingState: 'USA', expiryDate: '2030-01-01', mrzLines: TD1 }),
        ],
      }),
      raised: [
        'documentNumber',
        'issuingState',
        'nationality',
        'birthDate',
        'expiryDate',
        'surname',
        'givenNames',
      ].map((field) => mismatch(field, 1)),
      outcome: 'failed',
    },
  ])('raises for $name', expectScenario);

  it.each<Scenario>([
    {
      name: 'a document number written with blanks and in lower case',
      subject: specimenHolder({}, { number: 'l898 902-c3' }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'a birth date at month or year precision',
      subject: specimenHolder({ birthDate: '1974-08' }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: "a century the MRZ's two-digit year cannot tell",
      subject: specimenHolder({}, { expiryDate: '2112-04-15' }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'fields the carrier did not declare',
      subject: specimenHolder(
        { birthDate: '', nationality: '', surname: '', givenNames: '' },
        { number: '', expiryDate: undefined },
      ),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'ISO DEU declared for the ICAO code D in the MRZ',
      subject: traveller({
        surname: 'MUSTERMANN',
        givenNames: 'ERIKA',
        nationality: 'DEU',
        birthDate: '1964-08-12',
        documents: [
          passport({ number: 'C01X00T47', issuingState: 'DEU', expiryDate: '2027-02-28', mrzLines: GERMAN }),
        ],
      }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'diacritics transliterated either way (Ü as UE or U)',
      subject: traveller({
        surname: 'MÜLLER',
        givenNames: 'ERIKA',
        nationality: 'D',
        birthDate: '1964-08-12',
        documents: [
          passport({
            number: 'C01X00T47',
            issuingState: 'D',
            expiryDate: '2027-02-28',
            mrzLines: td3MullerLines(),
          }),
          passport({
            number: 'C01X00T47',
            issuingState: 'D',
            expiryDate: '2027-02-28',
            mrzLines: td3MullerLines('MULLER'),
          }),
        ],
      }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'apostrophes dropped and hyphens as fillers',
      subject: specimenHolder(
        { surname: "O'NEILL-SMITH", givenNames: 'ANNA' },
        { mrzLines: td3Named('ONEILL<SMITH<<ANNA') },
      ),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'a truncated MRZ name that begins the declared one',
      subject: specimenHolder(
        { surname: 'VANDERBERGHE SMITH', givenNames: 'ANNA MARIA ELISABETH CHARLOTTE' },
        { mrzLines: td3Named('VANDERBERGHE<SMITH<<ANNA<MARIA<ELISABETH<CHARLOTTE') },
      ),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'a surname cut short and given names truncated to initials',
      subject: specimenHolder(
        { surname: 'WOLFESCHLEGELSTEINHAUSENBERGERDORFF', givenNames: 'HUBERT BLAINE' },
        { mrzLines: td3Named('WOLFESCHLEGELSTEINHAUSENBERGERDORF<<H<B') },
      ),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'a name split differently between surname and given names',
      subject: specimenHolder({ surname: 'ERIKSSON ANNA', givenNames: 'MARIA' }),
      raised: [],
      outcome: 'passed',
    },
    {
      name: 'the TD1 specimen identity card',
      subject: specimenHolder({}, { code: 'I', type: 'IDENTITY_CARD', number: 'D23145890', mrzLines: TD1 }),
      raised: [],
      outcome: 'passed',
    },
  ])('does not raise for $name', expectScenario);

  it.each<Scenario>([
    {
      name: 'no MRZ at all',
      subject: specimenHolder({}, { mrzLines: [] }),
      raised: [],
      outcome: 'not-applicable',
    },
    {
      name: 'an MRZ that cannot be read (mrz-integrity reports it)',
      subject: specimenHolder({ surname: 'SOMEONE ELSE' }, { mrzLines: ['P<UTO', 'garbage'] }),
      raised: [],
      outcome: 'not-applicable',
    },
  ])('is not applicable with $name', expectScenario);

  it('skips an unreadable MRZ but compares the readable one beside it', () => {
    const subject = traveller({
      nationality: 'UTO',
      documents: [specimenDocument({ mrzLines: ['garbage'] }), specimenDocument({ number: 'L898902C4' })],
    });
    expect(raised(mrzConsistencyCheck(subject, { rules: RULES }))).toEqual([mismatch('documentNumber', 1)]);
  });

  it('raises nothing when the rule is disabled', () => {
    const result = mrzConsistencyCheck(specimenHolder({ surname: 'ERIKSON' }), {
      rules: rulesWith('MRZ_DECLARED_MISMATCH', { enabled: false }),
    });
    expect(result).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('names the field but never the values in its message', () => {
    const result = mrzConsistencyCheck(
      specimenHolder(
        { surname: 'ERIKSON', givenNames: 'ANNA', birthDate: '1974-08-13' },
        { number: 'L898902C4' },
      ),
      { rules: RULES },
    );
    expect(result.findings).toHaveLength(4);
    expect(result.findings[0]).toMatchObject({ severity: 'high', action: 'contact-authority' });
    const messages = result.findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('document number');
    for (const value of ['ERIKS', 'ANNA', '1974', '740812', 'L898902C'])
      expect(messages).not.toContain(value);
  });
});

function td3MullerLines(surname = 'MUELLER'): string[] {
  return [`P<D<<${surname}<<ERIKA`.padEnd(44, '<'), GERMAN[1]!];
}
