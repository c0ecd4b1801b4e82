import { FLIGHT, passenger, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';

// maxTravellers: an interchange with more travellers than the caller takes is not mapped at all, so
// its cost is one read however many (empty) travellers it repeats, and the caller learns the count.
describe('parsePaxlst with maxTravellers', () => {
  const bare = (n: number) => Array.from({ length: n }, () => 'NAD+FL');

  it('maps an interchange at the limit as without one', () => {
    const text = paxlst([...FLIGHT, ...passenger('ONE', 'N1'), ...passenger('TWO', 'N2')]);
    const limited = parsePaxlst(text, { maxTravellers: 2 });
    expect(limited.travellerLimit).toBeUndefined();
    expect(limited).toEqual(parsePaxlst(text));
  });

  it('counts every traveller segment, readable or not, and maps nothing beyond the limit', () => {
    const text = paxlst([...FLIGHT, ...passenger('ONE', 'N1'), ...bare(5_000), 'NAD+MS+++AGENT']);
    const result = parsePaxlst(text, { maxTravellers: 1_000 });
    expect(result.travellerLimit).toEqual({ limit: 1_000, travellers: 5_001 });
    expect(result.messages).toEqual([]);
    expect(result.summary.travellers).toBe(5_001);
    expect(result.interchange.controlReference).not.toBe('');
    // Without the limit the same interchange is 5,001 travellers, each with its defects.
    const unlimited = parsePaxlst(text);
    expect(unlimited.summary.travellers).toBe(5_001);
    expect(unlimited.errors.length).toBeGreaterThan(5_000);
    expect(result.errors.length).toBeLessThan(10);
  });

  it('counts legacy US PDT travellers alike', () => {
    const pdt = Array.from({ length: 12 }, (_, i) => `PDT+P/X${i}:300101:US+DOE:JOHN::900101:M+PAX`);
    const text = paxlst(['TDT++1234+40+QL', 'LOC+005+USJFK', 'UNS+D', ...pdt], {
      unh: 'PAXLST:1:000:UN',
      bgm: null,
      cnt: null,
    });
    expect(parsePaxlst(text, { maxTravellers: 10 }).travellerLimit).toEqual({ limit: 10, travellers: 12 });
  });
});
