import { REDACTED, redactPersonalData } from './personal-data.js';

describe('redactPersonalData', () => {
  it('masks personal fields at any depth and keeps the rest', () => {
    const input = {
      flight: 'XX123/2026-12-01',
      traveller: { surname: 'ERIKSSON', given_names: 'ANNA', birthDate: '1974-08-12', nationality: 'UTO' },
      documents: [{ documentNumber: 'L898902C3', issuingState: 'UTO' }],
    };
    const out = redactPersonalData(input);
    expect(out).toEqual({
      flight: 'XX123/2026-12-01',
      traveller: { surname: REDACTED, given_names: REDACTED, birthDate: REDACTED, nationality: 'UTO' },
      documents: [{ documentNumber: REDACTED, issuingState: 'UTO' }],
    });
    expect(JSON.stringify(out)).not.toMatch(/ERIKSSON|L898902C3|1974-08-12/);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { surname: 'X' };
    a['self'] = a;
    expect(redactPersonalData(a)).toEqual({ surname: REDACTED, self: '[truncated]' });
  });
});
