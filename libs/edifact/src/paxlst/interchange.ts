/**
 * The interchange envelope around PAXLST messages: UNB … [UNG … UNE] … UNZ. It splits the segments
 * into messages (UNH to UNT), and checks what the envelope promises: UNZ counts messages (or groups
 * when UNG is used), UNE counts the messages of its group, and each trailer repeats its header's
 * control reference.
 */
import { interchangeYear, readDate } from '../dates.js';
import { type Segment, valueAt } from '../segment.js';
import type { MappingContext } from './context.js';
import { mapMessage } from './message.js';
import type { PaxlstGroup, PaxlstInterchange, PaxlstMessage } from './types.js';

/** UNB+UNOA:4+SENDER:ZZ+RECIPIENT:ZZ+200130:0300+REF++APP */
export function readUnb(unb: Segment | undefined, ctx: MappingContext): PaxlstInterchange {
  const interchange: PaxlstInterchange = {
    segment: unb?.index ?? 0,
    syntax: '',
    sender: '',
    recipient: '',
    controlReference: '',
    groups: [],
  };
  if (!unb) return interchange;
  interchange.syntax = [valueAt(unb, 1, 1), valueAt(unb, 1, 2)].filter((v) => v !== '').join(':');
  interchange.sender = valueAt(unb, 2, 1);
  interchange.recipient = valueAt(unb, 3, 1);
  if (valueAt(unb, 2, 2) !== '') interchange.senderQualifier = valueAt(unb, 2, 2);
  if (valueAt(unb, 3, 2) !== '') interchange.recipientQualifier = valueAt(unb, 3, 2);
  interchange.controlReference = valueAt(unb, 5);
  if (valueAt(unb, 7) !== '') interchange.applicationReference = valueAt(unb, 7);
  const date = valueAt(unb, 4, 1);
  const year = interchangeYear(date);
  if (year === undefined) {
    ctx.report(
      unb,
      'bad-date',
      `interchange date ${JSON.stringify(date)} is not YYMMDD (or CCYYMMDD from 1970); two-digit years are read against ${ctx.referenceYear}`,
      { element: 4, component: 1 },
    );
  } else {
    ctx.referenceYear = year;
    const time = valueAt(unb, 4, 2);
    // With no format code the length decides: YYMMDD+HHMM is 201, CCYYMMDD+HHMM is 203.
    const reading = readDate(`${date}${time}`, '', 'flight', year);
    if (reading.ok) interchange.preparedAt = reading.iso;
    else ctx.report(unb, 'bad-date', `interchange date and time ${reading.reason}`, { element: 4 });
  }
  for (const [element, what] of [
    [2, 'sender'],
    [3, 'recipient'],
    [5, 'control reference'],
  ] as const) {
    if (valueAt(unb, element) === '')
      ctx.report(unb, 'missing-value', `no interchange ${what} in UNB ${element}`, { element });
  }
  return interchange;
}

function checkTrailer(
  trailer: Segment,
  header: Segment | undefined,
  counted: number,
  what: string,
  ctx: MappingContext,
): number | undefined {
  const written = valueAt(trailer, 1);
  let declared: number | undefined;
  if (!/^\d+$/.test(written)) {
    ctx.report(trailer, 'malformed-element', `the ${what} count ${JSON.stringify(written)} is not a number`, {
      element: 1,
    });
  } else {
    declared = Number(written);
    if (declared !== counted) {
      ctx.report(
        trailer,
        'count-mismatch',
        `${trailer.tag} declares ${declared} ${what}(s) but ${counted} were sent`,
        { element: 1 },
      );
    }
  }
  if (header) {
    // UNB 0020 and UNG 0048 both sit in element 5.
    const reference = valueAt(header, 5);
    if (valueAt(trailer, 2) !== reference) {
      ctx.report(
        trailer,
        'reference-mismatch',
        `${trailer.tag} reference ${JSON.stringify(valueAt(trailer, 2))} does not match ${header.tag} reference ${JSON.stringify(reference)} (segment ${header.index})`,
        { element: 2 },
      );
    }
  }
  return declared;
}

/** Walks the envelope, mapping each message; `segments` excludes UNA. */
export function mapInterchange(
  segments: Segment[],
  ctx: MappingContext,
): { interchange: PaxlstInterchange; messages: PaxlstMessage[] } {
  const unb = segments[0]?.tag === 'UNB' ? segments[0] : undefined;
  if (!unb && segments.length > 0) {
    ctx.report(segments[0], 'missing-segment', 'the interchange does not start with a UNB header');
  }
  const interchange = readUnb(unb, ctx);
  const messages: PaxlstMessage[] = [];
  let group: { header: Segment; info: PaxlstGroup; messages: number } | undefined;
  let messageCount = 0;
  let unz: Segment | undefined;

  for (let i = unb ? 1 : 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment) break;
    if (segment.tag === 'UNH') {
      let end = i + 1;
      while (end < segments.length && !['UNT', 'UNH', 'UNE', 'UNZ'].includes(segments[end]?.tag ?? '')) end++;
      const closed = segments[end]?.tag === 'UNT';
      const message = mapMessage(segment, segments.slice(i + 1, closed ? end + 1 : end), ctx);
      if (message) messages.push(message);
      messageCount++;
      if (group) group.messages++;
      i = closed ? end : end - 1;
    } else if (segment.tag === 'UNG') {
      if (group)
        ctx.report(group.header, 'missing-segment', `group ${group.info.reference} has no UNE trailer`);
      const info: PaxlstGroup = {
        segment: segment.index,
        reference: valueAt(segment, 5),
        sender: valueAt(segment, 2),
        recipient: valueAt(segment, 3),
      };
      interchange.groups.push(info);
      group = { header: segment, info, messages: 0 };
    } else if (segment.tag === 'UNE') {
      if (!group) {
        ctx.report(segment, 'unexpected-segment', 'UNE with no UNG before it', { severity: 'warning' });
        continue;
      }
      const declared = checkTrailer(segment, group.header, group.messages, 'message', ctx);
      if (declared !== undefined) group.info.declaredCount = declared;
      group = undefined;
    } else if (segment.tag === 'UNZ') {
      unz = segment;
      if (group)
        ctx.report(group.header, 'missing-segment', `group ${group.info.reference} has no UNE trailer`);
      const grouped = interchange.groups.length > 0;
      const declared = checkTrailer(
        segment,
        unb,
        grouped ? interchange.groups.length : messageCount,
        grouped ? 'group' : 'message',
        ctx,
      );
      if (declared !== undefined) interchange.declaredCount = declared;
      break;
    } else {
      ctx.report(segment, 'unexpected-segment', `${segment.tag} outside a message (UNH … UNT); ignored`);
    }
  }
  const last = segments[segments.length - 1];
  if (!unz && last) ctx.report(last, 'missing-segment', 'the interchange has no UNZ trailer');
  if (messageCount === 0 && segments.length > 0) {
    ctx.report(unb ?? segments[0], 'missing-segment', 'the interchange holds no message (UNH)');
  }
  return { interchange, messages };
}
