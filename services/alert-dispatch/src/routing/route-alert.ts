import { ALERT_SEVERITIES, type AlertSeverity } from '@docscreen/contracts';

// Which agencies an alert goes to. Pure: no Nest, no I/O — the consumer hands it the alert's routing
// facts and the active agencies, and stores what it answers.

/** What routing needs to know about an alert. */
export interface RoutableAlert {
  severity: AlertSeverity;
  /** The checks that raised it (reason.check): lost-stolen, mrz-integrity, visa-scrutiny, … */
  alertTypes: readonly string[];
  /** ICAO 9303 code; empty when screening could not tell. */
  destinationState: string;
  transitStates: readonly string[];
  /** IATA code; empty when unknown. */
  arrivalAirport: string;
}

/** What routing needs to know about an agency. */
export interface RoutingAgency {
  code: string;
  states: readonly string[];
  ports: readonly string[];
  /** Empty: every type. */
  alertTypes: readonly string[];
  minSeverity: AlertSeverity;
  fallback: boolean;
}

/** Why an agency got the alert; stored with its copy so an officer can see it. */
export type RoutingBasis = 'destination-state' | 'transit-state' | 'arrival-airport' | 'fallback';

export interface RoutedAgency {
  code: string;
  via: RoutingBasis[];
}

export type Routing =
  /** At least one responsible agency admits the alert: those, and only those, get it. */
  | { kind: 'responsible'; agencies: RoutedAgency[] }
  /** No responsible agency admits it: the national desk(s) get it, whatever their own filters. */
  | { kind: 'fallback'; agencies: RoutedAgency[] }
  /** Nobody: neither a responsible agency nor a fallback is configured. Never drop such an alert. */
  | { kind: 'none' };

const rank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);
const normalise = (code: string): string => code.trim().toUpperCase();

/** The bases on which `agency` is responsible for `alert` (none: it is not). */
function responsibility(alert: RoutableAlert, agency: RoutingAgency): RoutingBasis[] {
  const states = new Set(agency.states.map(normalise));
  const ports = new Set(agency.ports.map(normalise));
  const via: RoutingBasis[] = [];
  const destination = normalise(alert.destinationState);
  if (destination && states.has(destination)) via.push('destination-state');
  if (alert.transitStates.some((state) => state && states.has(normalise(state)))) via.push('transit-state');
  const airport = normalise(alert.arrivalAirport);
  if (airport && ports.has(airport)) via.push('arrival-airport');
  return via;
}

/** Whether the agency wants this kind of alert at this severity. */
function admits(alert: RoutableAlert, agency: RoutingAgency): boolean {
  if (rank(alert.severity) < rank(agency.minSeverity)) return false;
  if (agency.alertTypes.length === 0) return true;
  const wanted = new Set(agency.alertTypes);
  return alert.alertTypes.some((type) => wanted.has(type));
}

/**
 * Routes an alert: to every agency responsible for its destination state, one of its transit states or
 * its arrival airport whose alert types and minimum severity admit it; when there is none, to every
 * fallback agency (the national desk takes what nobody else does, so its own filters do not apply to
 * it then). Agencies come back ordered by code, so the same input always routes the same way.
 */
export function routeAlert(alert: RoutableAlert, agencies: readonly RoutingAgency[]): Routing {
  const sorted = [...agencies].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const responsible = sorted.flatMap((agency) => {
    const via = responsibility(alert, agency);
    return via.length > 0 && admits(alert, agency) ? [{ code: agency.code, via }] : [];
  });
  if (responsible.length > 0) return { kind: 'responsible', agencies: responsible };
  const fallback = sorted
    .filter((agency) => agency.fallback)
    .map((agency) => ({ code: agency.code, via: ['fallback'] as RoutingBasis[] }));
  return fallback.length > 0 ? { kind: 'fallback', agencies: fallback } : { kind: 'none' };
}
