import { parseAirportTransitVisaCsv } from './airport-transit-list.js';
import { SCHENGEN_STATES } from './visa-areas.js';
import { VisaDataError } from './visa-matrix.js';

describe('parseAirportTransitVisaCsv', () => {
  it('reads ICAO and ISO codes and expands SCHENGEN', () => {
    const text = [
      '# national and Schengen lists',
      'transit_state,nationality',
      'SCHENGEN,AFG',
      'DEU,IND',
      'GBR,XXA',
      '',
    ].join('\n');
    const result = parseAirportTransitVisaCsv(text);
    expect(result.rejects).toEqual([]);
    expect(result.lines).toBe(3);
    expect(result.entries).toHaveLength(SCHENGEN_STATES.size + 2);
    expect(result.entries).toContainEqual({ transitState: 'D', nationality: 'AFG' });
    expect(result.entries).toContainEqual({ transitState: 'FRA', nationality: 'AFG' });
    expect(result.entries).toContainEqual({ transitState: 'D', nationality: 'IND' });
    expect(result.entries).toContainEqual({ transitState: 'GBR', nationality: 'XXA' });
  });

  it('reports bad lines', () => {
    const text = ['transit_state,nationality', 'ATLANTIS,AFG', 'D,QQQ', 'D'].join('\n');
    expect(parseAirportTransitVisaCsv(text).rejects).toEqual([
      { line: 2, column: 1, reason: 'unknown state code "ATLANTIS"' },
      { line: 3, column: 2, reason: 'unknown nationality code "QQQ"' },
      { line: 4, reason: 'expected 2 fields (transit state, nationality), found 1' },
    ]);
  });

  it('refuses a wrong header', () => {
    expect(() => parseAirportTransitVisaCsv('state,nat\nD,AFG')).toThrow(VisaDataError);
    expect(() => parseAirportTransitVisaCsv('')).toThrow(/expected the header "transit_state,nationality"/);
  });
});
