import { mrzIntegrityCheck } from './mrz-integrity.check.js';

const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const passport = (mrzLines: string[]) => ({ code: 'P', number: 'L898902C3', issuingState: 'UTO', mrzLines });

describe('mrzIntegrityCheck', () => {
  it('passes the ICAO specimen', () => {
    const result = mrzIntegrityCheck([passport(SPECIMEN)]);
    expect(result.outcome).toBe('passed');
    expect(result.findings).toEqual([]);
  });

  it('fails an altered birth date and names the field', () => {
    const altered = [SPECIMEN[0]!, SPECIMEN[1]!.replace('7408122', '7408132')];
    const result = mrzIntegrityCheck([passport(altered)]);
    expect(result.outcome).toBe('failed');
    expect(result.findings.map((f) => f.field)).toContain('documents[0].mrz.birthDate');
    expect(result.findings[0]).toMatchObject({ code: 'MRZ_CHECK_DIGIT', action: 'contact-authority' });
  });

  it('reports an unreadable zone instead of passing it', () => {
    const result = mrzIntegrityCheck([passport(['P<UTO', 'garbage'])]);
    expect(result.outcome).toBe('failed');
    expect(result.findings[0]?.code).toBe('MRZ_UNREADABLE');
  });

  it('is not applicable without any MRZ, rather than passed', () => {
    expect(mrzIntegrityCheck([passport([])]).outcome).toBe('not-applicable');
  });

  it('never puts the document number in a message', () => {
    const altered = [SPECIMEN[0]!, SPECIMEN[1]!.replace('L898902C36', 'L898902C37')];
    const result = mrzIntegrityCheck([passport(altered)]);
    expect(JSON.stringify(result)).not.toContain('L898902C3');
  });
});
