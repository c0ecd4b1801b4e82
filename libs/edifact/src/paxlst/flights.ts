/**
 * Flights and their legs from TDT and the LOC/DTM pairs after it (UN segment group 3/4, and the
 * legacy US TDT/LOC/DTM). A leg opens at a departure airport and closes at an arrival airport:
 *
 * - UN `LOC 125` departs, `LOC 87` arrives; `LOC 92` may be either, and the DTM after it decides
 *   (189 departure, 232 arrival). Several TDTs, or several 125/87 pairs under one TDT, make several legs.
 * - US `LOC 5/005` departs, `LOC 8/008` arrives, `LOC PT` is a progressive port: it closes one leg
 *   and opens the next. US locations are country + airport (`NZAKL`); we keep the airport.
 */
import { readDate } from '../dates.js';
import { type Segment, valueAt } from '../segment.js';
import { LEG_LOCATIONS, LEG_TIMES } from './codes.js';
import type { MappingContext } from './context.js';
import type { PaxlstDialect, PaxlstFlight, PaxlstLeg } from './types.js';

interface OpenLeg {
  leg: PaxlstLeg;
  /** Segment of the departure LOC, for defects. */
  from?: Segment;
}

/** Splits `LA532` or `UA0989` into designator and number (IATA 2-character or ICAO 3-letter). */
export function splitFlightDesignator(
  value: string,
  carrier: string,
): { carrierCode: string; flightNumber: string } {
  if (carrier !== '' && value.startsWith(carrier))
    return { carrierCode: carrier, flightNumber: value.slice(carrier.length) };
  if (carrier !== '' && /^\d{1,5}[A-Z]?$/.test(value)) return { carrierCode: carrier, flightNumber: value };
  const match = /^([A-Z0-9]{2}[A-Z]?)(\d{1,5}[A-Z]?)$/.exec(value);
  if (match) return { carrierCode: carrier || (match[1] ?? ''), flightNumber: match[2] ?? '' };
  return { carrierCode: carrier, flightNumber: value };
}

export class FlightsBuilder {
  readonly flights: PaxlstFlight[] = [];
  private flight?: PaxlstFlight;
  private open?: OpenLeg;
  /** Last LOC: its airport, and the leg(s) it completed or opened. */
  private last?: {
    segment: Segment;
    airport: string;
    arrived?: PaxlstLeg;
    departed?: PaxlstLeg;
    /** A LOC 92 whose role no DTM has settled yet. */
    pending92: boolean;
    /** Came from LOC 92, so a departure time may still follow its arrival time. */
    from92: boolean;
  };

  constructor(
    private readonly ctx: MappingContext,
    private readonly dialect: PaxlstDialect,
  ) {}

  tdt(segment: Segment): void {
    this.finish();
    const qualifier = valueAt(segment, 1);
    // UN TDT: 8051 qualifier (20 main carriage), 8028 journey id, …, C040 carrier at element 5.
    // Legacy US leaves the qualifier empty and writes the carrier at element 4 (after mode 40).
    if (this.dialect === 'un' && qualifier !== '20') {
      this.ctx.report(
        segment,
        'unknown-qualifier',
        `transport stage qualifier ${JSON.stringify(qualifier)}; 20 (main carriage) expected`,
        { element: 1, severity: 'warning' },
      );
    }
    const journey = valueAt(segment, 2);
    const carrier = valueAt(segment, this.dialect === 'un' ? 5 : 4);
    if (journey === '') {
      this.ctx.report(segment, 'missing-value', 'no flight number in TDT 2', { element: 2 });
    }
    this.flight = { segment: segment.index, ...splitFlightDesignator(journey, carrier), legs: [] };
    this.flights.push(this.flight);
  }

  loc(segment: Segment): void {
    this.resolvePending();
    const qualifier = valueAt(segment, 1);
    let airport = valueAt(segment, 2);
    if (this.dialect === 'us-legacy' && airport.length === 5) airport = airport.slice(2);
    if (!this.flight) {
      this.ctx.report(segment, 'unexpected-segment', 'flight location before any TDT', {
        severity: 'warning',
      });
      return;
    }
    if (airport === '') this.ctx.report(segment, 'missing-value', 'no airport in LOC 2', { element: 2 });
    if (LEG_LOCATIONS.departure.has(qualifier)) this.depart(segment, airport);
    else if (LEG_LOCATIONS.arrival.has(qualifier)) this.arrive(segment, airport);
    else if (LEG_LOCATIONS.through.has(qualifier)) {
      this.arrive(segment, airport);
      this.depart(segment, airport, true);
    } else if (LEG_LOCATIONS.either.has(qualifier)) {
      this.last = { segment, airport, pending92: true, from92: true };
    } else {
      this.ctx.report(
        segment,
        'unknown-qualifier',
        `location qualifier ${JSON.stringify(qualifier)} is not a flight location (125, 87, 92)`,
        { element: 1 },
      );
    }
  }

  dtm(segment: Segment): void {
    const qualifier = valueAt(segment, 1);
    const departure = LEG_TIMES.departure.has(qualifier);
    if (!departure && !LEG_TIMES.arrival.has(qualifier)) {
      this.ctx.report(
        segment,
        'unknown-qualifier',
        `date qualifier ${JSON.stringify(qualifier)} is not a flight time (189, 232)`,
        { element: 1, severity: 'warning' },
      );
      return;
    }
    const last = this.last;
    if (last?.pending92) {
      last.pending92 = false;
      if (departure) this.depart(last.segment, last.airport);
      else this.arrive(last.segment, last.airport);
    }
    const when =
      this.dialect === 'un' ? this.ctx.date(segment, 'flight', 'flight time') : this.usTime(segment);
    if (when === undefined) return;
    const leg = departure
      ? (this.last?.departed ?? (this.last?.arrived && this.last.from92 ? this.departFromLast() : undefined))
      : this.last?.arrived;
    if (!leg) {
      this.ctx.report(
        segment,
        'unexpected-segment',
        `${departure ? 'departure' : 'arrival'} time with no ${departure ? 'departure' : 'arrival'} airport before it`,
        { severity: 'warning' },
      );
      return;
    }
    if (departure) leg.scheduledDepartureLocal = when;
    else leg.scheduledArrivalLocal = when;
  }

  /** Closes the flight being read; call at the next TDT and at the end of the message. */
  finish(): void {
    this.resolvePending();
    if (this.open) {
      this.ctx.report(
        this.open.from,
        'incomplete-leg',
        `no arrival airport after departure from ${this.open.leg.departureAirport || '(none)'}`,
      );
      this.flight?.legs.push(this.open.leg);
      this.open = undefined;
    }
    this.last = undefined;
    this.flight = undefined;
  }

  private depart(segment: Segment, airport: string, through = false): void {
    if (this.open && !through) {
      this.ctx.report(
        this.open.from,
        'incomplete-leg',
        `no arrival airport after departure from ${this.open.leg.departureAirport || '(none)'}`,
      );
      this.flight?.legs.push(this.open.leg);
    }
    const leg: PaxlstLeg = { departureAirport: airport, arrivalAirport: '' };
    this.open = { leg, from: segment };
    const same = this.last?.segment === segment ? this.last : undefined;
    this.last = {
      segment,
      airport,
      arrived: same?.arrived,
      departed: leg,
      pending92: false,
      from92: same?.from92 ?? false,
    };
  }

  private arrive(segment: Segment, airport: string): void {
    let leg = this.open?.leg;
    if (!leg) {
      this.ctx.report(
        segment,
        'incomplete-leg',
        `arrival at ${airport || '(none)'} with no departure airport before it`,
      );
      leg = { departureAirport: '', arrivalAirport: '' };
    }
    leg.arrivalAirport = airport;
    this.flight?.legs.push(leg);
    this.open = undefined;
    const same = this.last?.segment === segment ? this.last : undefined;
    this.last = { segment, airport, arrived: leg, pending92: false, from92: same?.from92 ?? false };
  }

  /** A departure time after an arrival (LOC 92 + DTM 232 + DTM 189): the next leg leaves from there. */
  private departFromLast(): PaxlstLeg | undefined {
    const last = this.last;
    if (!last) return undefined;
    this.depart(last.segment, last.airport);
    return this.open?.leg;
  }

  /** A LOC 92 with no DTM after it: it arrives when a leg is open, otherwise it departs. */
  private resolvePending(): void {
    const last = this.last;
    if (!last?.pending92) return;
    last.pending92 = false;
    if (this.open) this.arrive(last.segment, last.airport);
    else this.depart(last.segment, last.airport);
  }

  /** Legacy US DTM: qualifier, date YYMMDD, time HHMM, zone offset (kept implicit: times stay local). */
  private usTime(segment: Segment): string | undefined {
    const date = valueAt(segment, 2);
    const time = valueAt(segment, 3);
    const reading = readDate(`${date}${time}`, time === '' ? '101' : '201', 'flight', this.ctx.referenceYear);
    if (reading.ok) return reading.iso;
    this.ctx.report(segment, 'bad-date', `flight time ${reading.reason}`, { element: 2 });
    return undefined;
  }
}
