import type { Directive, TravellerScreening } from './screening-client.js';

/** The instruction for one traveller of an interactive query. */
export interface TravellerDirective {
  travellerRef: string;
  directive: Directive;
  /** For the carrier's agents; empty for "board". */
  reason: string;
  /** The screening behind it; null when the answer is the safe default. */
  screeningId: string | null;
}

export interface InteractiveAnswer {
  submissionId: string | null;
  correlationId: string;
  flightKey: string;
  /**
   * `screening`: every directive is screening's; `safe-default`: the budget ran out or screening failed;
   * `shed`: the replica was at INTERACTIVE_MAX_IN_FLIGHT, or the query had spent its budget waiting,
   * and was answered at once without asking screening.
   */
  answeredBy: 'screening' | 'safe-default' | 'shed';
  directives: TravellerDirective[];
}

export const SAFE_DEFAULT_REASON =
  'screening did not answer in time: contact the border authority before boarding';

/** A traveller the gateway could not read is never dropped and never boarded: the authority decides. */
export const unreadableReason = (why: string): string =>
  `traveller data could not be read (${why}): contact the border authority before boarding`;

/** What the query contained, in its order: travellers accepted (with their event ids) and rejected. */
export interface QueryTravellers {
  accepted: readonly { travellerRef: string; eventId: string }[];
  rejected: readonly { travellerRef: string; reason: string }[];
}

/** Screening's directive for each accepted traveller; the rejected ones are contact-the-authority. */
export function screenedDirectives(
  travellers: QueryTravellers,
  screenings: readonly TravellerScreening[],
): TravellerDirective[] {
  const byEvent = new Map(screenings.map((s) => [s.passengerEventId, s]));
  return [
    ...travellers.accepted.map(({ travellerRef, eventId }): TravellerDirective => {
      const screening = byEvent.get(eventId);
      return screening
        ? {
            travellerRef,
            directive: screening.directive,
            reason: screening.reason,
            screeningId: screening.screeningId,
          }
        : safeDefault(travellerRef);
    }),
    ...rejectedDirectives(travellers),
  ];
}

/** The answer when screening could not be had in time: contact the authority, for every traveller. */
export function safeDefaultDirectives(travellers: QueryTravellers): TravellerDirective[] {
  return [
    ...travellers.accepted.map(({ travellerRef }) => safeDefault(travellerRef)),
    ...rejectedDirectives(travellers),
  ];
}

function safeDefault(travellerRef: string): TravellerDirective {
  return { travellerRef, directive: 'contact-authority', reason: SAFE_DEFAULT_REASON, screeningId: null };
}

function rejectedDirectives(travellers: QueryTravellers): TravellerDirective[] {
  return travellers.rejected.map(({ travellerRef, reason }) => ({
    travellerRef,
    directive: 'contact-authority',
    reason: unreadableReason(reason),
    screeningId: null,
  }));
}
