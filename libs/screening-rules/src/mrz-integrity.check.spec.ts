import { mrzIntegrityCheck } from './mrz-integrity.check.js';
import { DEFAULT_RULE_SET } from './default-rule-set.js';
import { RuleBook } from './rule-book.js';
import type { ScreeningSubject } from './subject.js';

const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const rules = new RuleBook(DEFAULT_RULE_SET);
const subject = (mrzLines: string[]): ScreeningSubject => ({
  role: 'passenger',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  birthDate: '1974-08-12',
  sex: 'F',
  nationality: 'UTO',
  documents: [{ code: 'P', type: 'PASSPORT', number: 'L898902C3', issuingState: 'UTO', mrzLines }],
  legs: [],
  portOfEmbarkation: '',
  portOfDisembarkation: '',
  transitPorts: [],
});

describe('mrzIntegrityCheck', () => {
  it('passes the ICAO specimen', () => {
    const result = mrzIntegrityCheck(subject(SPECIMEN), { rules });
    expect(result.outcome).toBe('passed');
    expect(result.findings).toEqual([]);
  });

  it('fails an altered birth date, names the field, and quotes no value', () => {
    const altered = [SPECIMEN[0]!, SPECIMEN[1]!.replace('7408122', '7408132')];
    const result = mrzIntegrityCheck(subject(altered), { rules });
    expect(result.outcome).toBe('failed');
    expect(result.findings.map((f) => f.field)).toContain('documents[0].mrz.birthDate');
    expect(result.findings.map((f) => f.rule)).toContain('MRZ_CHECK_DIGIT');
    for (const finding of result.findings) expect(finding.message).not.toMatch(/740813|L898902C3|ERIKSSON/);
  });

  it('reports an unreadable MRZ', () => {
    const result = mrzIntegrityCheck(subject(['NOT AN MRZ']), { rules });
    expect(result.findings.map((f) => f.rule)).toEqual(['MRZ_UNREADABLE']);
  });

  it('is not applicable without an MRZ', () => {
    expect(mrzIntegrityCheck(subject([]), { rules }).outcome).toBe('not-applicable');
  });

  it('raises nothing for a rule the rule set disables', () => {
    const disabled = new RuleBook({
      version: 'test',
      rules: DEFAULT_RULE_SET.rules.map((r) => (r.id === 'MRZ_CHECK_DIGIT' ? { ...r, enabled: false } : r)),
    });
    const altered = [SPECIMEN[0]!, SPECIMEN[1]!.replace('7408122', '7408132')];
    expect(
      mrzIntegrityCheck(subject(altered), { rules: disabled }).findings.map((f) => f.rule),
    ).not.toContain('MRZ_CHECK_DIGIT');
  });
});
