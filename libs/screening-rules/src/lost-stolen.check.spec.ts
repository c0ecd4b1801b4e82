import fc from 'fast-check';
import { SltdIndex } from '@docscreen/sltd-index';
import { DEFAULT_RULE_SET } from './default-rule-set.js';
import { DOCUMENT_NOT_CHECKED, lostStolenCheck } from './lost-stolen.check.js';
import { RuleBook } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';

// On the real index screening replicas hold, filled as the registry topic fills it.

const rules = new RuleBook(DEFAULT_RULE_SET);

function index(): SltdIndex {
  const sltd = new SltdIndex();
  sltd.upsert({ issuingState: 'NOR', documentType: 'P', documentNumber: 'NP5012BC', status: 'stolen' });
  sltd.upsert({ issuingState: 'NLD', documentType: 'I', documentNumber: 'IX0001234', status: 'lost' });
  sltd.upsert({ issuingState: 'FRA', documentType: 'V', documentNumber: 'VF7788990', status: 'revoked' });
  sltd.upsert({ issuingState: 'ITA', documentType: 'P', documentNumber: 'YA1234567', status: 'stolen' });
  sltd.withdraw({ issuingState: 'ITA', documentType: 'P', documentNumber: 'YA1234567' });
  sltd.upsertSeries({
    issuingState: 'BEL',
    documentType: 'P',
    prefix: 'EM',
    firstNumber: '100000',
    lastNumber: '199999',
    status: 'stolen',
  });
  return sltd;
}

const document = (code: string, issuingState: string, number: string): SubjectDocument => ({
  code,
  type: { P: 'PASSPORT', I: 'IDENTITY_CARD', V: 'VISA' }[code] ?? 'OTHER',
  number,
  issuingState,
  mrzLines: [],
});

const subject = (...documents: SubjectDocument[]): ScreeningSubject => ({
  role: 'passenger',
  surname: 'DOE',
  givenNames: 'JANE',
  birthDate: '1985-03-14',
  sex: 'F',
  nationality: 'NOR',
  documents,
  legs: [],
  portOfEmbarkation: 'OSL',
  portOfDisembarkation: 'FRA',
  transitPorts: [],
});

const codes = (s: ScreeningSubject) =>
  lostStolenCheck(s, { rules, index: index() }).findings.map((f) => f.code);

describe('lostStolenCheck', () => {
  it.each([
    ['a listed passport', document('P', 'NOR', 'NP5012BC'), ['DOCUMENT_LISTED'], 'failed'],
    ['a listed identity card', document('I', 'NLD', 'IX0001234'), ['DOCUMENT_LISTED'], 'failed'],
    ['a revoked visa', document('V', 'FRA', 'VF7788990'), ['DOCUMENT_LISTED'], 'failed'],
    [
      'a number in a stolen blank series',
      document('P', 'BEL', 'EM150000'),
      ['DOCUMENT_FROM_STOLEN_BLANK'],
      'failed',
    ],
    [
      'the same number from another state',
      document('P', 'DNK', 'NP5012BC'),
      ['DOCUMENT_LISTED_ELSEWHERE'],
      'passed',
    ],
    ['a withdrawn listing', document('P', 'ITA', 'YA1234567'), [], 'passed'],
    ['a number nobody listed', document('P', 'NOR', 'NP5012BD'), [], 'passed'],
    ['a number just outside the blank series', document('P', 'BEL', 'EM200000'), [], 'passed'],
  ])('%s', (_what, doc, expected, outcome) => {
    const result = lostStolenCheck(subject(doc), { rules, index: index() });
    expect(result.findings.map((f) => f.code)).toEqual(expected);
    expect(result.outcome).toBe(outcome);
  });

  it('finds a listed document among several, whichever position it holds', () => {
    expect(codes(subject(document('P', 'NOR', 'NX0000001'), document('V', 'FRA', 'VF7788990')))).toEqual([
      'DOCUMENT_LISTED',
    ]);
  });

  it.each([
    ['Cyrillic В and С', 'NP5012\u0412\u0421'],
    ['Greek Ν and Ρ', '\u039D\u03A15012BC'],
    ['fullwidth', '\uFF2E\uFF30\uFF15\uFF10\uFF11\uFF12\uFF22\uFF23'],
    ['zero-width spaces', 'N\u200BP5012\u200BBC'],
  ])('hits the listed passport spelled with %s', (_how, spelling) => {
    expect(codes(subject(document('P', 'NOR', spelling)))).toEqual(['DOCUMENT_LISTED']);
  });

  it.each([
    ['only a zero-width space', '\u200B', /unreadable \(has no letters or digits\)/],
    ['only fillers and hyphens', '-<-', /unreadable \(has no letters or digits\)/],
    ['a letter with no Latin look-alike', 'NP5012\u0416C', /unreadable \(character 7 \(U\+0416\)/],
    ['no number', '', /it has no number/],
  ])('fails closed on a document with %s: never passed, never silent', (_what, number, why) => {
    const result = lostStolenCheck(subject(document('P', 'NOR', number)), { rules, index: index() });
    expect(result.outcome).toBe('error');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code: DOCUMENT_NOT_CHECKED, action: 'contact-authority' });
    expect(result.findings[0]!.message).toMatch(why);
  });

  it('fails closed on a document without issuing state, and on a traveller without any document', () => {
    const stateless = lostStolenCheck(subject(document('P', '', 'NP5012BC')), { rules, index: index() });
    expect(stateless.outcome).toBe('error');
    expect(stateless.findings[0]!.message).toMatch(/no issuing state/);
    const undocumented = lostStolenCheck(subject(), { rules, index: index() });
    expect(undocumented.outcome).toBe('error');
    expect(undocumented.findings[0]).toMatchObject({ code: DOCUMENT_NOT_CHECKED, field: 'documents' });
  });

  it('still reports the listed document beside one it could not check', () => {
    const result = lostStolenCheck(
      subject(document('P', 'NOR', 'NP5012BC'), document('V', 'FRA', '\u200B')),
      { rules, index: index() },
    );
    expect(result.outcome).toBe('error');
    expect(result.findings.map((f) => f.code)).toEqual(['DOCUMENT_LISTED', DOCUMENT_NOT_CHECKED]);
  });

  it('without an index says so: no reference data, never passed', () => {
    expect(
      lostStolenCheck(subject(document('P', 'NOR', 'NP5012BC')), { rules, index: undefined }).outcome,
    ).toBe('no-reference-data');
  });

  it('hits every look-alike spelling of a listed number (10,000 spellings)', () => {
    const sltd = index();
    const lookAlikes: Record<string, string[]> = {
      N: ['N', 'n', '\u039D', '\uFF2E', '\u0274'],
      P: ['P', 'p', '\u0420', '\u0440', '\u03A1', '\u03C1', '\uFF30'],
      B: ['B', 'b', '\u0412', '\u0432', '\u0392', '\uFF22'],
      C: ['C', 'c', '\u0421', '\u0441', '\u03F9', '\u03F2', '\uFF23'],
      '5': ['5', '\uFF15'],
      '0': ['0', '\uFF10'],
      '1': ['1', '\uFF11'],
      '2': ['2', '\uFF12'],
    };
    const spelling = fc
      .tuple(
        ...[...'NP5012BC'].map((c) =>
          fc.tuple(fc.constantFrom(...lookAlikes[c]!), fc.constantFrom('', ' ', '-', '\u200B', '\u00AD')),
        ),
      )
      .map((parts) => parts.map(([c, gap]) => c + gap).join(''));
    fc.assert(
      fc.property(spelling, (number) => {
        const result = lostStolenCheck(subject(document('P', 'NOR', number)), { rules, index: sltd });
        return result.findings.some((f) => f.code === 'DOCUMENT_LISTED');
      }),
      { numRuns: 10_000 },
    );
  });
});
