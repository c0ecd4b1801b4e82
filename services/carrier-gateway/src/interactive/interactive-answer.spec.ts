import {
  SAFE_DEFAULT_REASON,
  safeDefaultDirectives,
  screenedDirectives,
  unreadableReason,
  type QueryTravellers,
} from './interactive-answer.js';
import type { TravellerScreening } from './screening-client.js';

// The directives of an interactive answer: screening's for each traveller it answered for, contact the
// authority for everyone else — never a traveller dropped, never one boarded by default.

const QUERY: QueryTravellers = {
  accepted: [
    { travellerRef: '1', eventId: 'e1' },
    { travellerRef: '2', eventId: 'e2' },
  ],
  rejected: [{ travellerRef: '3', reason: 'no document number' }],
};

const screened = (
  eventId: string,
  directive: TravellerScreening['directive'],
  reason = '',
): TravellerScreening => ({
  passengerEventId: eventId,
  travellerRef: eventId.replace('e', ''),
  screeningId: `s-${eventId}`,
  outcome: directive === 'board' ? 'CLEAR' : 'HIT',
  directive,
  reason,
});

describe('screenedDirectives', () => {
  it('takes screening’s directive per traveller, matched on the event id, in the query’s order', () => {
    const directives = screenedDirectives(QUERY, [
      screened('e2', 'do-not-board', 'document reported stolen'),
      screened('e1', 'board'),
    ]);
    expect(directives).toEqual([
      { travellerRef: '1', directive: 'board', reason: '', screeningId: 's-e1' },
      {
        travellerRef: '2',
        directive: 'do-not-board',
        reason: 'document reported stolen',
        screeningId: 's-e2',
      },
      {
        travellerRef: '3',
        directive: 'contact-authority',
        reason: unreadableReason('no document number'),
        screeningId: null,
      },
    ]);
  });

  it('gives the safe default to a traveller screening left out of its answer', () => {
    const directives = screenedDirectives(QUERY, [screened('e1', 'board')]);
    expect(directives[1]).toEqual({
      travellerRef: '2',
      directive: 'contact-authority',
      reason: SAFE_DEFAULT_REASON,
      screeningId: null,
    });
  });

  it('ignores an answer for an event the query did not hold', () => {
    const directives = screenedDirectives(QUERY, [screened('e1', 'board'), screened('e9', 'board')]);
    expect(directives.map((d) => d.travellerRef)).toEqual(['1', '2', '3']);
    expect(directives[1]!.directive).toBe('contact-authority');
  });
});

describe('safeDefaultDirectives', () => {
  it('tells the carrier to contact the authority for every traveller, accepted or not', () => {
    const directives = safeDefaultDirectives(QUERY);
    expect(directives.map((d) => [d.travellerRef, d.directive, d.screeningId])).toEqual([
      ['1', 'contact-authority', null],
      ['2', 'contact-authority', null],
      ['3', 'contact-authority', null],
    ]);
    expect(directives[0]!.reason).toBe(SAFE_DEFAULT_REASON);
    expect(directives[2]!.reason).toContain('could not be read (no document number)');
  });
});
