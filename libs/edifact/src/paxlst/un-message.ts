/**
 * The body of a UN/EDIFACT PAXLST message (D02B, D05B, D12B), between UNH and UNT:
 *
 *   BGM, RFF TN, [NAD MS, COM/CTA], [TDT, [LOC, DTM]…]…, [NAD FL/FM/…, ATT, DTM, LOC, NAT, RFF,
 *   [DOC, DTM, LOC 91]…]…, CNT
 *
 * Senders do not always keep that order, so the walk follows which group was opened last rather than
 * insisting on positions, and reports segments it cannot place instead of stopping.
 */
import { type Segment, componentsAt, valueAt } from '../segment.js';
import { DOCUMENT_CODES, IGNORED_TAGS, NAD_ROLES } from './codes.js';
import type { MappingContext } from './context.js';
import { FlightsBuilder } from './flights.js';
import { TravellersBuilder } from './travellers.js';
import type { PaxlstMessage, PaxlstReportingParty } from './types.js';

type Section = 'header' | 'reporting' | 'flight' | 'travellers' | 'end';

/** COM+703-555-1212:TE+703-555-4545:FX (also the trailing elements of a legacy CTA). */
export function addContacts(party: PaxlstReportingParty, segment: Segment, fromElement: number): void {
  for (let e = fromElement; e <= segment.elements.length; e++) {
    const number = valueAt(segment, e, 1);
    const channel = valueAt(segment, e, 2).toUpperCase();
    if (number === '') continue;
    if (channel === 'TE') party.telephone ??= number;
    else if (channel === 'FX') party.fax ??= number;
    else if (channel === 'EM') party.email ??= number;
  }
}

function readBgm(segment: Segment, message: PaxlstMessage, ctx: MappingContext): void {
  message.documentCode = valueAt(segment, 1);
  const identifier = valueAt(segment, 2);
  if (identifier !== '') message.documentIdentifier = identifier;
  const known = DOCUMENT_CODES[message.documentCode];
  message.listType = known?.listType ?? 'other';
  if (message.documentCode === '') {
    ctx.report(
      segment,
      'missing-value',
      'no document name code in BGM 1 (745 passenger list, 250 crew list…)',
      { element: 1 },
    );
  } else if (!known) {
    ctx.report(
      segment,
      'unknown-qualifier',
      `document name code ${message.documentCode} is not one we know (${Object.keys(DOCUMENT_CODES).join(', ')})`,
      { element: 1, severity: 'warning' },
    );
  }
}

/** Returns the CNT segments, which the caller checks once every traveller has been read. */
export function mapUnBody(body: Segment[], message: PaxlstMessage, ctx: MappingContext): Segment[] {
  const flights = new FlightsBuilder(ctx, 'un');
  const travellers = new TravellersBuilder(ctx, message.travellers);
  const counts: Segment[] = [];
  let section: Section = 'header';
  let bgm = false;

  const unplaced = (segment: Segment, why: string): void =>
    ctx.report(segment, 'unexpected-segment', `${segment.tag} ${why}; ignored`, { severity: 'warning' });

  for (const segment of body) {
    switch (segment.tag) {
      case 'BGM':
        bgm = true;
        readBgm(segment, message, ctx);
        break;
      case 'NAD': {
        const qualifier = valueAt(segment, 1);
        flights.finish();
        if (qualifier === 'MS') {
          travellers.finish();
          section = 'reporting';
          const party: PaxlstReportingParty = {};
          const name = componentsAt(segment, 4).join(' ');
          if (name !== '') party.name = name;
          if (valueAt(segment, 2) !== '') party.id = valueAt(segment, 2);
          message.reportingParty = party;
        } else {
          section = 'travellers';
          travellers.open(segment, NAD_ROLES[qualifier] ?? 'unknown', qualifier);
        }
        break;
      }
      case 'COM':
      case 'CTA':
        if (section === 'reporting' && message.reportingParty) {
          if (segment.tag === 'CTA') message.reportingParty.name ??= valueAt(segment, 2, 2) || undefined;
          else addContacts(message.reportingParty, segment, 1);
        } else travellers.accept(segment);
        break;
      case 'TDT':
        if (section === 'travellers') {
          travellers.finish();
          ctx.report(
            segment,
            'unexpected-segment',
            'TDT after the travellers; flights should come before them',
            { severity: 'warning' },
          );
        }
        section = 'flight';
        flights.tdt(segment);
        break;
      case 'LOC':
      case 'DTM':
        if (section === 'flight') {
          if (segment.tag === 'LOC') flights.loc(segment);
          else flights.dtm(segment);
        } else if (!travellers.accept(segment) && section !== 'header')
          unplaced(segment, 'outside a flight or traveller');
        break;
      case 'RFF':
        if (section === 'travellers') travellers.accept(segment);
        else if (valueAt(segment, 1, 1) === 'TN') message.transactionReference = valueAt(segment, 1, 2);
        break;
      case 'CNT':
        travellers.finish();
        flights.finish();
        section = 'end';
        counts.push(segment);
        break;
      default:
        if (section === 'travellers' && travellers.accept(segment)) break;
        if (!IGNORED_TAGS.has(segment.tag)) unplaced(segment, 'is not part of a PAXLST message');
    }
  }
  travellers.finish();
  flights.finish();
  message.flights = flights.flights;
  if (!bgm) message.listType = 'other';
  return counts;
}
