import { AirportDirectory } from './airports.js';
import { type ItineraryLeg, itineraryStates } from './itinerary.js';

const directory = new AirportDirectory(
  [
    ['VIE', 'AUT'],
    ['KBL', 'AFG'],
    ['IST', 'TUR'],
    ['SAW', 'TUR'],
    ['FRA', 'DEU'],
    ['MUC', 'DEU'],
    ['LHR', 'GBR'],
    ['LGW', 'GBR'],
    ['JFK', 'USA'],
    ['LAX', 'USA'],
    ['BKK', 'THA'],
    ['DXB', 'ARE'],
  ],
  'test',
);

const leg = (from: string, to: string, date: string, arrivalDate?: string): ItineraryLeg => ({
  departureAirport: from,
  arrivalAirport: to,
  departureDate: date,
  arrivalDate,
});

describe('itineraryStates', () => {
  it('finds origin, transit and destination of a one-way journey', () => {
    const states = itineraryStates(
      [leg('KBL', 'IST', '2026-03-01'), leg('IST', 'FRA', '2026-03-01'), leg('FRA', 'JFK', '2026-03-02')],
      directory,
    );
    expect(states.origin).toBe('AFG');
    expect(states.visits.map((v) => v.state)).toEqual(['TUR', 'D', 'USA']);
    expect(states.transitStates).toEqual(['TUR', 'D']);
    expect(states.destination?.state).toBe('USA');
    expect(states.destination?.final).toBe(true);
    expect(states.endsAbroad).toBe(true);
    expect(states.returnsToOrigin).toBe(false);
    expect(states.transits[0]).toMatchObject({
      state: 'TUR',
      arrivalAirport: 'IST',
      departureAirport: 'IST',
      airside: true,
      stopover: false,
      days: 0,
    });
    expect(states.transits[1]).toMatchObject({
      state: 'D',
      days: 1,
      airside: true,
      arrivalLeg: 1,
      departureLeg: 2,
    });
    expect(states.unknownAirports).toEqual([]);
    expect(states.gaps).toEqual([]);
  });

  it('uses the arrival date when reported, else the departure date', () => {
    const states = itineraryStates(
      [leg('JFK', 'FRA', '2026-03-01', '2026-03-02'), leg('FRA', 'KBL', '2026-03-02')],
      directory,
    );
    expect(states.visits[0]).toMatchObject({ arrivalDate: '2026-03-02', days: 0 });
    expect(states.visits[1]).toMatchObject({ arrivalDate: '2026-03-02' });
  });

  it('treats a change of airport or a domestic flight as landside', () => {
    const states = itineraryStates(
      [
        leg('KBL', 'IST', '2026-03-01'),
        leg('SAW', 'LHR', '2026-03-01'),
        leg('LHR', 'JFK', '2026-03-01'),
        leg('JFK', 'LAX', '2026-03-01'),
        leg('LAX', 'BKK', '2026-03-02'),
      ],
      directory,
    );
    expect(states.visits.map((v) => v.state)).toEqual(['TUR', 'GBR', 'USA', 'THA']);
    expect(states.gaps).toEqual([{ leg: 1, previousArrival: 'IST', departure: 'SAW' }]);
    expect(states.visits[0]).toMatchObject({
      changesAirport: true,
      airside: false,
      airports: ['IST', 'SAW'],
    });
    expect(states.visits[1]).toMatchObject({ changesAirport: false, airside: true });
    expect(states.visits[2]).toMatchObject({
      domesticLegs: 1,
      changesAirport: true,
      airside: false,
      airports: ['JFK', 'LAX'],
      departureAirport: 'LAX',
    });
  });

  it('marks long connections as stopovers', () => {
    const states = itineraryStates(
      [leg('VIE', 'DXB', '2026-03-01'), leg('DXB', 'BKK', '2026-03-05')],
      directory,
      { transitMaxDays: 1 },
    );
    expect(states.transits[0]).toMatchObject({ state: 'ARE', days: 4, stopover: true, airside: false });
  });

  it('takes the longest stay as the destination of a round trip', () => {
    const states = itineraryStates(
      [
        leg('VIE', 'DXB', '2026-03-01'),
        leg('DXB', 'BKK', '2026-03-01'),
        leg('BKK', 'DXB', '2026-03-20'),
        leg('DXB', 'VIE', '2026-03-20'),
      ],
      directory,
    );
    expect(states.returnsToOrigin).toBe(true);
    expect(states.endsAbroad).toBe(false);
    expect(states.destination).toMatchObject({ state: 'THA', days: 19, final: false, stopover: true });
    expect(states.transitStates).toEqual(['ARE', 'ARE']);
    expect(states.visits.map((v) => v.state)).toEqual(['ARE', 'THA', 'ARE', 'AUT']);
  });

  it('keeps unknown airports in place and lists them', () => {
    const states = itineraryStates(
      [leg('VIE', 'QQQ', '2026-03-01'), leg('QQQ', 'ZZZ', '2026-03-01')],
      directory,
    );
    expect(states.visits.map((v) => [v.state, v.arrivalAirport])).toEqual([
      [undefined, 'QQQ'],
      [undefined, 'ZZZ'],
    ]);
    expect(states.unknownAirports).toEqual(['QQQ', 'ZZZ']);
    expect(states.endsAbroad).toBe(false);
  });

  it('is empty without legs', () => {
    const states = itineraryStates([], directory);
    expect(states).toMatchObject({ origin: undefined, visits: [], destination: undefined, transits: [] });
  });

  it('starts after domestic flights in the origin state', () => {
    const states = itineraryStates(
      [leg('LAX', 'JFK', '2026-03-01'), leg('JFK', 'LHR', '2026-03-01')],
      directory,
    );
    expect(states.origin).toBe('USA');
    expect(states.visits.map((v) => v.state)).toEqual(['GBR']);
  });
});
