import { VISA_MATRIX_FORMAT, VisaDataError, VisaMatrix, type VisaMatrixEntry } from './visa-matrix.js';

const META = { version: 'test-1', source: 'unit test', importedAt: '2026-01-02T03:04:05Z' };
const ENTRIES: VisaMatrixEntry[] = [
  { nationality: 'AFG', destination: 'D', requirement: { kind: 'visa-required' } },
  { nationality: 'AFG', destination: 'AFG', requirement: { kind: 'own-state' } },
  { nationality: 'AFG', destination: 'BGD', requirement: { kind: 'visa-on-arrival' } },
  { nationality: 'D', destination: 'USA', requirement: { kind: 'eta' } },
  { nationality: 'D', destination: 'BRA', requirement: { kind: 'visa-free', days: 90 } },
  { nationality: 'D', destination: 'FRA', requirement: { kind: 'visa-free' } },
  { nationality: 'D', destination: 'IND', requirement: { kind: 'e-visa' } },
  { nationality: 'ISR', destination: 'KWT', requirement: { kind: 'no-admission' } },
];

describe('VisaMatrix', () => {
  const matrix = VisaMatrix.fromEntries(META, ENTRIES);

  it('answers nationality × destination', () => {
    expect(matrix.requirement('AFG', 'D')).toEqual({ kind: 'visa-required' });
    expect(matrix.requirement('D', 'BRA')).toEqual({ kind: 'visa-free', days: 90 });
    expect(matrix.requirement('ISR', 'KWT')).toEqual({ kind: 'no-admission' });
    expect(matrix.requirement('D', 'JPN')).toBeUndefined();
    expect(matrix.requirement('XYZ', 'D')).toBeUndefined();
  });

  it('treats a state’s own nationals as own-state even without a cell', () => {
    expect(matrix.requirement('USA', 'USA')).toEqual({ kind: 'own-state' });
    expect(matrix.requirement('', '')).toBeUndefined();
  });

  it('keeps its metadata and counts', () => {
    expect(matrix).toMatchObject(META);
    expect(matrix.size).toBe(ENTRIES.length);
    expect(matrix.nationalities).toEqual(['AFG', 'D', 'ISR']);
    expect(matrix.destinations).toEqual(['AFG', 'BGD', 'BRA', 'D', 'FRA', 'IND', 'KWT', 'USA']);
    expect(matrix.hasNationality('D')).toBe(true);
    expect(matrix.hasDestination('KWT')).toBe(true);
    expect(matrix.hasDestination('JPN')).toBe(false);
  });

  it('refuses contradictory entries and airport-transit cells', () => {
    expect(() =>
      VisaMatrix.fromEntries(META, [
        ...ENTRIES,
        { nationality: 'AFG', destination: 'D', requirement: { kind: 'visa-free' } },
      ]),
    ).toThrow(VisaDataError);
    expect(() =>
      VisaMatrix.fromEntries(META, [
        { nationality: 'AFG', destination: 'D', requirement: { kind: 'airport-transit-visa' } },
      ]),
    ).toThrow(/airport-transit list/);
    expect(() =>
      VisaMatrix.fromEntries(META, [{ nationality: 'afg', destination: 'D', requirement: { kind: 'eta' } }]),
    ).toThrow(/ICAO state code/);
  });

  it('has no airport-transit list unless given one', () => {
    expect(matrix.hasAirportTransitList).toBe(false);
    expect(matrix.requiresAirportTransitVisa('AFG', 'D')).toBeUndefined();
    const withList = matrix.withAirportTransit([{ transitState: 'D', nationality: 'AFG' }]);
    expect(withList.hasAirportTransitList).toBe(true);
    expect(withList.requiresAirportTransitVisa('AFG', 'D')).toBe(true);
    expect(withList.requiresAirportTransitVisa('AFG', 'FRA')).toBe(false);
    expect(withList.version).toBe(META.version);
    expect(withList.size).toBe(matrix.size);
  });

  it('serialises compactly and reads itself back', () => {
    const full = matrix.withAirportTransit([
      { transitState: 'D', nationality: 'AFG' },
      { transitState: 'D', nationality: 'BGD' },
      { transitState: 'GBR', nationality: 'AFG' },
    ]);
    const json = full.toJSON();
    expect(json).toMatchObject({ format: VISA_MATRIX_FORMAT, ...META });
    expect(json.states).toEqual(matrix.destinations);
    expect(json.rows['D']).toBe(',,F90,,F,E,,T');
    expect(json.airportTransit).toEqual({ D: ['AFG', 'BGD'], GBR: ['AFG'] });

    const back = VisaMatrix.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.toJSON()).toEqual(json);
    expect([...back.entries()]).toEqual([...full.entries()]);
    expect(VisaMatrix.fromJSON(JSON.stringify(json)).toJSON()).toEqual(json);
    expect(matrix.toJSON()).not.toHaveProperty('airportTransit');
  });

  it('says where a serialised matrix is malformed', () => {
    const json = matrix.toJSON();
    expect(() => VisaMatrix.fromJSON('not json')).toThrow(/not JSON/);
    expect(() => VisaMatrix.fromJSON({ ...json, format: 'other/1' })).toThrow(/format "other\/1"/);
    expect(() => VisaMatrix.fromJSON({ ...json, version: 1 })).toThrow(/version must be a string/);
    expect(() => VisaMatrix.fromJSON({ ...json, rows: { ...json.rows, D: 'F' } })).toThrow(
      /rows.D has 1 entries, expected 8/,
    );
    expect(() => VisaMatrix.fromJSON({ ...json, rows: { ...json.rows, D: ',,F90,,X,E,,T' } })).toThrow(
      /rows.D\[4\] \(FRA\): unknown token "X"/,
    );
    expect(() => VisaMatrix.fromJSON({ ...json, states: [...json.states.slice(0, -1), 'AFG'] })).toThrow(
      /repeat/,
    );
    expect(() => VisaMatrix.fromJSON({ ...json, airportTransit: { D: 'AFG' } })).toThrow(/airportTransit.D/);
  });
});
