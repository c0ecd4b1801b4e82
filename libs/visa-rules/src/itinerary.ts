import type { AirportDirectory } from './airports.js';
import { daysBetween } from './dates.js';

/** One flight leg, airports by IATA code, dates local "YYYY-MM-DD" (as in the screening subject). */
export interface ItineraryLeg {
  departureAirport: string;
  arrivalAirport: string;
  departureDate: string;
  /** Empty/undefined when not reported; the departure date stands in for it. */
  arrivalDate?: string | undefined;
}

/** A stay in one state between arriving there by air and leaving it by air (or the journey's end). */
export interface StateVisit {
  /** ICAO 9303 code; `undefined` when the arrival airport is not in the directory. */
  state: string | undefined;
  /** Index of the leg arriving in the state. */
  arrivalLeg: number;
  arrivalAirport: string;
  /** The arriving leg's arrival date, or its departure date when none was reported; undefined if neither. */
  arrivalDate: string | undefined;
  /** Index of the leg leaving the state; undefined when the itinerary ends here. */
  departureLeg: number | undefined;
  departureAirport: string | undefined;
  departureDate: string | undefined;
  /** Airports used in this state in order: the arrival airport, domestic connections, the departure airport. */
  airports: string[];
  /** Flights within the state during the visit. */
  domesticLegs: number;
  /** Leaves from another airport than it arrived at, or flies domestically: the traveller must enter. */
  changesAirport: boolean;
  /** Days from arrival to departure; undefined for the final visit or unknown dates. */
  days: number | undefined;
  /** No leg leaves this state: the itinerary ends here. */
  final: boolean;
  /**
   * For an intermediate visit: the traveller can stay airside (same airport, no domestic flight, leaving
   * within `transitMaxDays`). Always false for the final visit.
   */
  airside: boolean;
  /** An intermediate visit longer than `transitMaxDays`. */
  stopover: boolean;
}

export interface ItineraryStates {
  /** State of the first departure airport; undefined for an unknown airport or no legs. */
  origin: string | undefined;
  /** Every state arrived in by air, in travel order; consecutive domestic flights stay in one visit. */
  visits: StateVisit[];
  /**
   * Where the journey leads: the final visit, or, when the itinerary returns to its origin state, the
   * intermediate visit with the longest stay (the turnaround of a round trip).
   */
  destination: StateVisit | undefined;
  /**
   * Intermediate visits in order: states where the traveller arrives and leaves again by air (the
   * turnaround of a round trip, being the destination, is not among them).
   */
  transits: StateVisit[];
  /** Their states (undefined entries dropped), in order. */
  transitStates: string[];
  /** The itinerary ends in a state other than the one it starts from (no leg back). */
  endsAbroad: boolean;
  /** The itinerary ends in the state it starts from (a return leg exists). */
  returnsToOrigin: boolean;
  /** Airports the directory does not know, each once, in travel order. */
  unknownAirports: string[];
  /** Legs that do not depart from where the previous leg arrived (surface travel or missing legs). */
  gaps: Array<{ leg: number; previousArrival: string; departure: string }>;
}

export interface ItineraryOptions {
  /**
   * Longest connection, in calendar days between arrival and onward departure, treated as a transit the
   * traveller can spend airside (default 1: same or next day). Dates carry no time of day.
   */
  transitMaxDays?: number;
}

type Directory = Pick<AirportDirectory, 'stateOfAirport'>;

/**
 * The states an itinerary passes through: where it starts, every state arrived in (with the connection
 * there), the destination and the transit states. Airports the directory does not know keep their place
 * with `state: undefined` and are listed in `unknownAirports`.
 */
export function itineraryStates(
  legs: readonly ItineraryLeg[],
  directory: Directory,
  options: ItineraryOptions = {},
): ItineraryStates {
  const transitMaxDays = options.transitMaxDays ?? 1;
  const unknownAirports: string[] = [];
  const stateOf = (airport: string): string | undefined => {
    const state = directory.stateOfAirport(airport);
    if (state === undefined && airport !== '' && !unknownAirports.includes(airport))
      unknownAirports.push(airport);
    return state;
  };
  // Unknown airports count as their own "state" for grouping, so two unknown airports never merge.
  const keyOf = (airport: string, state: string | undefined): string => state ?? `?${airport}`;

  const visits: StateVisit[] = [];
  const gaps: ItineraryStates['gaps'] = [];
  const first = legs[0];
  const origin = first === undefined ? undefined : stateOf(first.departureAirport);
  let currentKey = first === undefined ? undefined : keyOf(first.departureAirport, origin);
  let current: StateVisit | undefined;
  let previousArrival: string | undefined;

  legs.forEach((leg, index) => {
    const departureState = stateOf(leg.departureAirport);
    const arrivalState = stateOf(leg.arrivalAirport);
    const departureKey = keyOf(leg.departureAirport, departureState);
    const arrivalKey = keyOf(leg.arrivalAirport, arrivalState);
    if (previousArrival !== undefined && previousArrival !== leg.departureAirport) {
      gaps.push({ leg: index, previousArrival, departure: leg.departureAirport });
      if (current !== undefined) current.changesAirport = true;
    }
    previousArrival = leg.arrivalAirport;

    if (departureKey === arrivalKey && departureKey === currentKey) {
      // A domestic flight within the state the traveller is in (or in the origin state).
      if (current !== undefined) {
        current.domesticLegs++;
        current.changesAirport = true;
        pushAirport(current, leg.departureAirport);
        pushAirport(current, leg.arrivalAirport);
      }
      return;
    }
    if (current !== undefined) {
      current.departureLeg = index;
      current.departureAirport = leg.departureAirport;
      current.departureDate = blankToUndefined(leg.departureDate);
      pushAirport(current, leg.departureAirport);
      if (leg.departureAirport !== current.arrivalAirport) current.changesAirport = true;
      current.days = daysBetween(current.arrivalDate, current.departureDate);
    }
    current = {
      state: arrivalState,
      arrivalLeg: index,
      arrivalAirport: leg.arrivalAirport,
      arrivalDate: blankToUndefined(leg.arrivalDate) ?? blankToUndefined(leg.departureDate),
      departureLeg: undefined,
      departureAirport: undefined,
      departureDate: undefined,
      airports: [leg.arrivalAirport],
      domesticLegs: 0,
      changesAirport: false,
      days: undefined,
      final: false,
      airside: false,
      stopover: false,
    };
    currentKey = arrivalKey;
    visits.push(current);
  });

  for (const visit of visits) {
    visit.final = visit.departureLeg === undefined;
    visit.stopover = !visit.final && visit.days !== undefined && visit.days > transitMaxDays;
    visit.airside = !visit.final && !visit.changesAirport && !visit.stopover;
  }

  const final = visits[visits.length - 1];
  const returnsToOrigin = final !== undefined && origin !== undefined && final.state === origin;
  const intermediate = visits.filter((visit) => !visit.final);
  let destination = final;
  if (returnsToOrigin && intermediate.length > 0) {
    destination = intermediate.reduce((longest, visit) =>
      (visit.days ?? 0) > (longest.days ?? 0) ? visit : longest,
    );
  }
  const transits = intermediate.filter((visit) => visit !== destination);
  return {
    origin,
    visits,
    destination,
    transits,
    transitStates: transits.flatMap((visit) => (visit.state === undefined ? [] : [visit.state])),
    endsAbroad: final !== undefined && final.state !== undefined && final.state !== origin,
    returnsToOrigin,
    unknownAirports,
    gaps,
  };
}

function pushAirport(visit: StateVisit, airport: string): void {
  if (visit.airports[visit.airports.length - 1] !== airport) visit.airports.push(airport);
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
