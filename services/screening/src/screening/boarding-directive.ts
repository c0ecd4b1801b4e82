import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  BoardingDirectiveSchema,
  DirectiveCode,
  ScreeningOutcome,
  stableUuid,
  type BoardingDirective,
  type PassengerReported,
} from '@docscreen/contracts';
import { hitsOf, overallOutcome, type Decision } from './screening-completed.js';

/** What the carrier is told for one traveller, in the words of the iAPI board / no-board answer. */
export type Directive = 'board' | 'do-not-board' | 'contact-authority';

export interface CarrierInstruction {
  directive: Directive;
  /** For the carrier's agents: says what to do, never what screening found (that goes to agencies). */
  reason: string;
}

export const CARRIER_REASONS = Object.freeze({
  board: '',
  doNotBoard: 'travel document not accepted for this journey: do not board',
  contact: 'contact the border authority before boarding, quoting the screening id',
  inconclusive: 'screening could not be completed: contact the border authority before boarding',
});

/**
 * The instruction a decision gives the carrier. Only a CLEAR screening boards: a hit that calls for
 * do-not-board is do-not-board, any other hit and every inconclusive or failed screening is
 * contact-the-authority. There is no path by which missing data, an error or an unknown outcome
 * turns into "board".
 */
export function carrierInstruction(decision: Pick<Decision, 'checks'>): CarrierInstruction {
  const outcome = overallOutcome(decision.checks);
  if (outcome === ScreeningOutcome.CLEAR) return { directive: 'board', reason: CARRIER_REASONS.board };
  if (outcome === ScreeningOutcome.HIT) {
    const doNotBoard = hitsOf(decision.checks).some(({ finding }) => finding.action === 'do-not-board');
    return doNotBoard
      ? { directive: 'do-not-board', reason: CARRIER_REASONS.doNotBoard }
      : { directive: 'contact-authority', reason: CARRIER_REASONS.contact };
  }
  return { directive: 'contact-authority', reason: CARRIER_REASONS.inconclusive };
}

const CODES: Record<Directive, DirectiveCode> = {
  board: DirectiveCode.BOARD,
  'do-not-board': DirectiveCode.DO_NOT_BOARD,
  'contact-authority': DirectiveCode.CONTACT_AUTHORITY,
};

/**
 * The `BoardingDirective` of a stored decision. Its ids derive from the screening id, so a
 * redelivered passenger event republishes the very same directive and the gateway keeps one.
 */
export function boardingDirective(
  decision: Decision,
  event: Pick<PassengerReported, 'carrierCode'>,
  producer: { name: string; version: string },
): BoardingDirective {
  const { directive, reason } = carrierInstruction(decision);
  const directiveId = stableUuid(decision.id, 'boarding-directive');
  return create(BoardingDirectiveSchema, {
    envelope: {
      eventId: directiveId,
      occurredAt: timestampFromDate(decision.screenedAt),
      correlationId: decision.correlationId,
      causationId: decision.id,
      producer,
    },
    directiveId,
    carrierCode: event.carrierCode,
    flightKey: decision.flightKey,
    submissionId: decision.submissionId,
    travellerRef: decision.travellerRef,
    directive: CODES[directive],
    reason,
    screeningId: decision.id,
    issuedAt: timestampFromDate(decision.screenedAt),
  });
}
