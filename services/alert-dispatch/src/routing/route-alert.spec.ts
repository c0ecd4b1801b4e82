import { routeAlert, type RoutableAlert, type Routing, type RoutingAgency } from './route-alert.js';

const agency = (code: string, change: Partial<RoutingAgency> = {}): RoutingAgency => ({
  code,
  states: [],
  ports: [],
  alertTypes: [],
  minSeverity: 'info',
  fallback: false,
  ...change,
});

// A small world: the Dutch border police (NLD, Schiphol), the German federal police (D, FRA), a
// Schiphol-only unit that wants only lost/stolen hits of high severity, a British agency that wants
// visa findings only, and the national desk (fallback, which would otherwise want critical only).
const KMAR = agency('nl-kmar', { states: ['NLD'], ports: ['AMS'] });
const BPOL = agency('de-bpol', { states: ['D'], ports: ['FRA', 'MUC'] });
const SCHIPHOL = agency('nl-schiphol', {
  ports: ['AMS'],
  alertTypes: ['lost-stolen'],
  minSeverity: 'high',
});
const UKBF = agency('gb-ukbf', { states: ['GBR'], alertTypes: ['visa-scrutiny'] });
const DESK = agency('national-desk', { fallback: true, minSeverity: 'critical' });
const WORLD = [KMAR, BPOL, SCHIPHOL, UKBF, DESK];

const alert = (change: Partial<RoutableAlert> = {}): RoutableAlert => ({
  severity: 'medium',
  alertTypes: ['mrz-integrity'],
  destinationState: '',
  transitStates: [],
  arrivalAirport: '',
  ...change,
});

const routed = (kind: 'responsible' | 'fallback', ...agencies: [string, ...string[]][]): Routing => ({
  kind,
  agencies: agencies.map(([code, ...via]) => ({ code, via: via as never })),
});

describe('routeAlert', () => {
  it.each<[string, RoutableAlert, readonly RoutingAgency[], Routing]>([
    [
      'to the agency of the destination state',
      alert({ destinationState: 'NLD', arrivalAirport: 'RTM' }),
      WORLD,
      routed('responsible', ['nl-kmar', 'destination-state']),
    ],
    [
      'to the agency of a transit state as well as the destination’s',
      alert({ destinationState: 'NLD', transitStates: ['D'], arrivalAirport: 'RTM' }),
      WORLD,
      routed('responsible', ['de-bpol', 'transit-state'], ['nl-kmar', 'destination-state']),
    ],
    [
      'to the agency of the arrival airport alone',
      alert({ destinationState: 'XXA', arrivalAirport: 'MUC' }),
      WORLD,
      routed('responsible', ['de-bpol', 'arrival-airport']),
    ],
    [
      'on every basis an agency has, once',
      alert({ destinationState: 'D', transitStates: ['D'], arrivalAirport: 'FRA' }),
      WORLD,
      routed('responsible', ['de-bpol', 'destination-state', 'transit-state', 'arrival-airport']),
    ],
    [
      'to an airport unit only when its type and severity filters admit the alert',
      alert({
        destinationState: 'NLD',
        arrivalAirport: 'AMS',
        severity: 'critical',
        alertTypes: ['lost-stolen'],
      }),
      WORLD,
      routed(
        'responsible',
        ['nl-kmar', 'destination-state', 'arrival-airport'],
        ['nl-schiphol', 'arrival-airport'],
      ),
    ],
    [
      'not to the airport unit below its minimum severity',
      alert({
        destinationState: 'NLD',
        arrivalAirport: 'AMS',
        severity: 'medium',
        alertTypes: ['lost-stolen'],
      }),
      WORLD,
      routed('responsible', ['nl-kmar', 'destination-state', 'arrival-airport']),
    ],
    [
      'not to the airport unit for a type it does not want',
      alert({
        destinationState: 'NLD',
        arrivalAirport: 'AMS',
        severity: 'critical',
        alertTypes: ['visa-scrutiny'],
      }),
      WORLD,
      routed('responsible', ['nl-kmar', 'destination-state', 'arrival-airport']),
    ],
    [
      'to an agency with a type filter when any of the alert’s types is wanted',
      alert({ destinationState: 'GBR', alertTypes: ['mrz-integrity', 'visa-scrutiny'] }),
      WORLD,
      routed('responsible', ['gb-ukbf', 'destination-state']),
    ],
    [
      'to the fallback desk when the only responsible agency filters the alert out, whatever the desk’s filters',
      alert({ destinationState: 'GBR', alertTypes: ['lost-stolen'], severity: 'low' }),
      WORLD,
      routed('fallback', ['national-desk', 'fallback']),
    ],
    [
      'to the fallback desk when no agency is responsible',
      alert({ destinationState: 'USA', transitStates: ['CAN'], arrivalAirport: 'JFK' }),
      WORLD,
      routed('fallback', ['national-desk', 'fallback']),
    ],
    [
      'to the fallback desk when the alert has no routing facts at all',
      alert(),
      WORLD,
      routed('fallback', ['national-desk', 'fallback']),
    ],
    [
      'to every fallback agency when there are several',
      alert({ destinationState: 'USA' }),
      [...WORLD, agency('border-desk', { fallback: true })],
      routed('fallback', ['border-desk', 'fallback'], ['national-desk', 'fallback']),
    ],
    [
      'to a fallback agency on its own responsibility, without the others’ fallback',
      alert({ destinationState: 'UTO' }),
      [KMAR, agency('uto-desk', { fallback: true, states: ['UTO'] }), DESK],
      routed('responsible', ['uto-desk', 'destination-state']),
    ],
    [
      'nowhere when nobody is responsible and no fallback is configured',
      alert({ destinationState: 'USA' }),
      [KMAR, BPOL, UKBF],
      { kind: 'none' },
    ],
    ['nowhere when there are no agencies at all', alert({ destinationState: 'NLD' }), [], { kind: 'none' }],
    [
      'comparing state and airport codes without regard to case or stray spaces',
      alert({ destinationState: 'nld ', arrivalAirport: 'fra' }),
      WORLD,
      routed('responsible', ['de-bpol', 'arrival-airport'], ['nl-kmar', 'destination-state']),
    ],
    [
      'admitting an alert exactly at the minimum severity',
      alert({ arrivalAirport: 'AMS', severity: 'high', alertTypes: ['lost-stolen'] }),
      [SCHIPHOL],
      routed('responsible', ['nl-schiphol', 'arrival-airport']),
    ],
  ])('routes %s', (_case, input, agencies, expected) => {
    expect(routeAlert(input, agencies)).toEqual(expected);
  });

  it('answers the same whatever the order agencies come in', () => {
    const input = alert({
      destinationState: 'NLD',
      transitStates: ['D', 'GBR'],
      alertTypes: ['visa-scrutiny'],
    });
    expect(routeAlert(input, [...WORLD].reverse())).toEqual(routeAlert(input, WORLD));
  });
});
