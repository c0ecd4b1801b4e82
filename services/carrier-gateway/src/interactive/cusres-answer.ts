import { randomInt } from 'node:crypto';
import { writeCusres } from '@docscreen/edifact';
import type { IncomingManifest } from '../manifests/submission.js';
import type { InteractiveAnswer } from './interactive-answer.js';

/** A control reference for UNB/UNH: 14 digits, unique enough per sender and day. */
const controlReference = (): string =>
  `${Date.now() % 1e8}`.padStart(8, '0') + `${randomInt(1e6)}`.padStart(6, '0');

/**
 * The UN/EDIFACT CUSRES answer to an interactive PAXLST query: one ERC per traveller (0Z board, 1Z do
 * not board, 2Z contact the authority — libs/edifact/src/cusres/codes.ts) with its FTX reason,
 * addressed back to the query's sender and referring to its interchange and message.
 */
export function cusresAnswer(
  answer: InteractiveAnswer,
  incoming: IncomingManifest,
  senderId: string,
): string {
  const leg = incoming.manifest.legs[0];
  if (!leg) throw new Error('a manifest has at least one leg');
  const reference = controlReference();
  const travellers = new Map(incoming.manifest.travellers.map((t) => [t.travellerRef, t] as const));
  return writeCusres({
    sender: senderId,
    recipient: incoming.source.senderId || leg.carrierCode,
    interchangeRef: reference,
    messageRef: reference,
    ...(incoming.source.interchangeRef ? { queryInterchangeRef: incoming.source.interchangeRef } : {}),
    ...(incoming.source.messageRef ? { queryMessageRef: incoming.source.messageRef } : {}),
    preparedAt: new Date(),
    flight: {
      carrierCode: leg.carrierCode,
      flightNumber: leg.flightNumber,
      departureAirport: leg.departureAirport,
      arrivalAirport: leg.arrivalAirport,
      scheduledDepartureLocal: leg.scheduledDepartureLocal.slice(0, 16),
      ...(leg.scheduledArrivalLocal ? { scheduledArrivalLocal: leg.scheduledArrivalLocal.slice(0, 16) } : {}),
    },
    travellers: answer.directives.map((d) => {
      const traveller = travellers.get(d.travellerRef);
      const reservationRef = traveller?.reservationRef;
      return {
        // The carrier matches the answer on its own reference (RFF ABO); the position otherwise.
        travellerRef: traveller?.carrierRef ?? d.travellerRef,
        ...(reservationRef ? { reservationRef } : {}),
        directive: d.directive,
        ...(d.reason ? { reason: d.reason } : {}),
      };
    }),
  });
}
