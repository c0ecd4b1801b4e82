import { FLIGHT, paxlst } from '../../test/fixtures.js';
import { parsePaxlst } from '../index.js';
import { splitFlightDesignator } from './flights.js';

const flightsOf = (body: string[]) => {
  const result = parsePaxlst(paxlst(body, { cnt: null }));
  return { result, flights: result.messages[0]!.flights };
};

describe('PAXLST flights (TDT, LOC, DTM)', () => {
  it('reads one leg from LOC 125/87 and DTM 189/232 (YYMMDDHHMM, local)', () => {
    const { flights, result } = flightsOf(FLIGHT);
    expect(result.errors).toEqual([]);
    expect(flights).toEqual([
      {
        segment: 5,
        carrierCode: 'LA',
        flightNumber: '532',
        legs: [
          {
            departureAirport: 'SCL',
            arrivalAirport: 'JFK',
            scheduledDepartureLocal: '2020-01-19T23:00',
            scheduledArrivalLocal: '2020-01-20T07:40',
          },
        ],
      },
    ]);
  });

  it('takes the carrier from TDT C040 when sent', () => {
    const { flights } = flightsOf(['TDT+20+UA0989+++UA', 'LOC+125+FRA', 'LOC+87+IAD']);
    expect(flights[0]).toMatchObject({ carrierCode: 'UA', flightNumber: '0989' });
  });

  it('reads LOC 92 as departure or arrival from the DTM after it, over several TDTs', () => {
    const { flights, result } = flightsOf([
      'TDT+20+KE250+++KE',
      'LOC+92+JFK',
      'DTM+189:1402010220:201',
      'LOC+92+ANC',
      'DTM+232:1402010550:201',
      'TDT+20+KE250+++KE',
      'LOC+125+ANC',
      'DTM+189:1402010650:201',
      'LOC+87+ICN',
      'DTM+232:1402020840:201',
    ]);
    expect(result.errors).toEqual([]);
    expect(flights.map((f) => f.legs.map((l) => `${l.departureAirport}-${l.arrivalAirport}`))).toEqual([
      ['JFK-ANC'],
      ['ANC-ICN'],
    ]);
    expect(flights[0]!.legs[0]!.scheduledArrivalLocal).toBe('2014-02-01T05:50');
  });

  it('reads several legs under one TDT', () => {
    const { flights } = flightsOf([
      'TDT+20+KE250+++KE',
      'LOC+92+JFK',
      'DTM+189:1402010220:201',
      'LOC+92+ANC',
      'DTM+232:1402010550:201',
      'LOC+125+ANC',
      'DTM+189:1402010650:201',
      'LOC+87+ICN',
      'DTM+232:1402020840:201',
    ]);
    expect(flights).toHaveLength(1);
    expect(flights[0]!.legs).toEqual([
      {
        departureAirport: 'JFK',
        arrivalAirport: 'ANC',
        scheduledDepartureLocal: '2014-02-01T02:20',
        scheduledArrivalLocal: '2014-02-01T05:50',
      },
      {
        departureAirport: 'ANC',
        arrivalAirport: 'ICN',
        scheduledDepartureLocal: '2014-02-01T06:50',
        scheduledArrivalLocal: '2014-02-02T08:40',
      },
    ]);
  });

  it('reads an intermediate LOC 92 with an arrival and then a departure time as two legs', () => {
    const { flights } = flightsOf([
      'TDT+20+AB100',
      'LOC+125+AAA',
      'LOC+92+BBB',
      'DTM+232:2001011000:201',
      'DTM+189:2001011100:201',
      'LOC+87+CCC',
    ]);
    expect(flights[0]!.legs).toEqual([
      { departureAirport: 'AAA', arrivalAirport: 'BBB', scheduledArrivalLocal: '2020-01-01T10:00' },
      { departureAirport: 'BBB', arrivalAirport: 'CCC', scheduledDepartureLocal: '2020-01-01T11:00' },
    ]);
  });

  it('settles a LOC 92 with no DTM by whether a leg is open', () => {
    const { flights } = flightsOf(['TDT+20+AB100', 'LOC+92+AAA', 'LOC+92+BBB']);
    expect(flights[0]!.legs).toEqual([{ departureAirport: 'AAA', arrivalAirport: 'BBB' }]);
  });

  it('reports incomplete legs, unknown qualifiers, a missing flight number and a bad time', () => {
    const { flights, result } = flightsOf([
      'TDT+12+',
      'LOC+87+JFK',
      'LOC+125+SCL',
      'LOC+125+LIM',
      'DTM+189:2013192300:201',
      'LOC+5000+XXX',
      'DTM+777:2001192300:201',
    ]);
    expect(result.errors.map((e) => [e.segment, e.tag, e.element, e.code, e.severity])).toEqual([
      [5, 'TDT', 'TDT 1', 'unknown-qualifier', 'warning'],
      [5, 'TDT', 'TDT 2', 'missing-value', 'error'],
      [6, 'LOC', undefined, 'incomplete-leg', 'error'],
      [7, 'LOC', undefined, 'incomplete-leg', 'error'],
      [8, 'LOC', undefined, 'incomplete-leg', 'error'],
      [9, 'DTM', 'DTM 1.2', 'bad-date', 'error'],
      [10, 'LOC', 'LOC 1', 'unknown-qualifier', 'error'],
      [11, 'DTM', 'DTM 1', 'unknown-qualifier', 'warning'],
    ]);
    expect(flights[0]!.legs).toEqual([
      { departureAirport: '', arrivalAirport: 'JFK' },
      { departureAirport: 'SCL', arrivalAirport: '' },
      { departureAirport: 'LIM', arrivalAirport: '' },
    ]);
  });
});

describe('splitFlightDesignator', () => {
  it.each([
    ['LA532', '', 'LA', '532'],
    ['UA0989', 'UA', 'UA', '0989'],
    ['U21234', '', 'U2', '1234'],
    ['BAW123', '', 'BAW', '123'],
    ['9W12A', '', '9W', '12A'],
    ['12345', 'XX', 'XX', '12345'],
    ['???', '', '', '???'],
  ])('%s (carrier %s) → %s %s', (value, carrier, carrierCode, flightNumber) => {
    expect(splitFlightDesignator(value, carrier)).toEqual({ carrierCode, flightNumber });
  });
});
