/**
 * One PAXLST message, UNH to UNT: the header (reference, type, version, multi-part status), the body
 * in its dialect, and the checks a carrier can act on at the end: CNT against the travellers read,
 * UNT against the segments counted and against UNH's reference.
 */
import { type Segment, valueAt } from '../segment.js';
import { COUNT_QUALIFIERS, SUPPORTED_VERSIONS } from './codes.js';
import type { MappingContext } from './context.js';
import type { PaxlstDialect, PaxlstMessage, PaxlstMessagePart } from './types.js';
import { mapUnBody } from './un-message.js';
import { mapUsBody } from './us-legacy.js';

/** UNH+ref+PAXLST:D:02B:UN:IATA+commonAccessRef+01:C */
function readPart(unh: Segment): PaxlstMessagePart | undefined {
  const commonAccessReference = valueAt(unh, 3);
  const sequence = valueAt(unh, 4, 1);
  const marker = valueAt(unh, 4, 2).toUpperCase();
  if (commonAccessReference === '' && sequence === '' && marker === '') return undefined;
  const part: PaxlstMessagePart = {
    isFirst: marker === 'C' || Number(sequence) === 1,
    isFinal: marker === 'F',
  };
  if (commonAccessReference !== '') part.commonAccessReference = commonAccessReference;
  if (/^\d+$/.test(sequence)) part.sequence = Number(sequence);
  if (marker !== '') part.marker = marker;
  return part;
}

/** A message is one of several when UNH says it is a part other than a lone first-and-final one. */
function isMultiPart(part: PaxlstMessagePart | undefined): boolean {
  if (!part || (part.sequence === undefined && part.marker === undefined)) return false;
  return !(part.isFirst && part.isFinal) && !(part.sequence === 1 && part.marker === undefined);
}

/**
 * Maps the message opened by `unh`; `following` runs from the segment after it up to and including
 * UNT (UNT may be missing). Returns undefined for a message that is not a PAXLST, after reporting it.
 */
export function mapMessage(
  unh: Segment,
  following: Segment[],
  ctx: MappingContext,
): PaxlstMessage | undefined {
  const type = valueAt(unh, 2, 1).toUpperCase();
  const version = [valueAt(unh, 2, 2), valueAt(unh, 2, 3)].filter((v) => v !== '').join(':');
  if (type !== 'PAXLST') {
    ctx.report(
      unh,
      'not-paxlst',
      `message ${valueAt(unh, 1)} is a ${type || '(no type)'}, not a PAXLST; it is skipped`,
      { element: 2, component: 1 },
    );
    return undefined;
  }
  const last = following.at(-1);
  const unt = last?.tag === 'UNT' ? last : undefined;
  const body = unt ? following.slice(0, -1) : following;
  // Legacy US-EDIFACT numbers its version (001:000); its body has UNS and PDT instead of NAD groups.
  const dialect: PaxlstDialect =
    /^\d/.test(version) || body.some((s) => s.tag === 'PDT') ? 'us-legacy' : 'un';
  if (!SUPPORTED_VERSIONS.has(version)) {
    ctx.report(
      unh,
      'unsupported-version',
      `PAXLST version ${version || '(none)'} is not one we know (${[...SUPPORTED_VERSIONS].join(', ')}); read as ${dialect === 'un' ? 'UN/EDIFACT' : 'legacy US-EDIFACT'}`,
      { element: 2, severity: 'warning' },
    );
  }
  const message: PaxlstMessage = {
    segment: unh.index,
    reference: valueAt(unh, 1),
    type,
    version,
    dialect,
    listType: 'passenger',
    documentCode: '',
    flights: [],
    travellers: [],
  };
  const part = readPart(unh);
  if (part) message.part = part;
  if (message.reference === '')
    ctx.report(unh, 'missing-value', 'no message reference in UNH 1', { element: 1 });

  const counts = dialect === 'un' ? mapUnBody(body, message, ctx) : mapUsBody(body, message, ctx);
  if (dialect === 'un' && !body.some((s) => s.tag === 'BGM')) {
    ctx.report(
      unh,
      'missing-segment',
      `message ${message.reference} has no BGM, so its list type is unknown`,
    );
  }
  for (const cnt of counts) checkCount(cnt, message, ctx);
  if (counts.length === 0 && dialect === 'un' && message.travellers.length > 0) {
    ctx.report(
      unh,
      'missing-segment',
      `message ${message.reference} has no CNT total to check its ${message.travellers.length} travellers against`,
      { severity: 'warning' },
    );
  }
  checkTrailer(unh, unt, message, ctx);
  return message;
}

/** CNT+42:10 (passengers) or CNT+41:8 (crew): the sender's own total, checked against what we read. */
function checkCount(cnt: Segment, message: PaxlstMessage, ctx: MappingContext): void {
  const qualifier = valueAt(cnt, 1, 1);
  let written = valueAt(cnt, 1, 2);
  if (written === '' && valueAt(cnt, 2) !== '') {
    // CNT+41+8: the total sent as a second element instead of a component.
    written = valueAt(cnt, 2);
    ctx.report(
      cnt,
      'malformed-element',
      `the total ${written} is written as element 2; it belongs in CNT 1.2 (CNT+${qualifier}:${written})`,
      { element: 2, severity: 'warning' },
    );
  }
  const counted = COUNT_QUALIFIERS[qualifier];
  if (!counted) {
    ctx.report(
      cnt,
      'unknown-qualifier',
      `control total qualifier ${JSON.stringify(qualifier)}; 42 (passengers) or 41 (crew) expected`,
      { element: 1, component: 1 },
    );
  } else if (message.listType !== 'other' && counted !== message.listType) {
    ctx.report(
      cnt,
      'unknown-qualifier',
      `CNT ${qualifier} totals ${counted === 'crew' ? 'crew' : 'passengers'}, but BGM ${message.documentCode} is a ${message.listType} list`,
      { element: 1, component: 1, severity: 'warning' },
    );
  }
  if (!/^\d+$/.test(written)) {
    ctx.report(cnt, 'malformed-element', `the total ${JSON.stringify(written)} is not a number`, {
      element: 1,
      component: 2,
    });
    return;
  }
  const declared = Number(written);
  message.declaredCount = declared;
  message.declaredCountQualifier = qualifier;
  const read = message.travellers.length;
  if (declared === read) return;
  // In a list sent in several parts the total may cover every part, so a larger total is only a
  // warning there; a smaller one is wrong either way.
  const acrossParts = isMultiPart(message.part) && declared > read;
  ctx.report(
    cnt,
    'count-mismatch',
    `CNT declares ${declared} travellers but the message holds ${read}` +
      (acrossParts
        ? ` (part ${message.part?.sequence ?? '?'} of a multi-part list; the total may cover every part)`
        : ''),
    { element: 1, component: 2, severity: acrossParts ? 'warning' : 'error' },
  );
}

/** UNT+count+ref: the count includes UNH and UNT; the reference repeats UNH's. */
function checkTrailer(
  unh: Segment,
  unt: Segment | undefined,
  message: PaxlstMessage,
  ctx: MappingContext,
): void {
  if (!unt) {
    ctx.report(unh, 'missing-segment', `message ${message.reference} has no UNT trailer`);
    return;
  }
  const written = valueAt(unt, 1);
  const counted = unt.index - unh.index + 1;
  if (!/^\d+$/.test(written)) {
    ctx.report(unt, 'malformed-element', `the segment count ${JSON.stringify(written)} is not a number`, {
      element: 1,
    });
  } else {
    message.declaredSegmentCount = Number(written);
    if (Number(written) !== counted) {
      ctx.report(
        unt,
        'count-mismatch',
        `UNT declares ${Number(written)} segments but message ${message.reference} has ${counted} (UNH to UNT)`,
        { element: 1 },
      );
    }
  }
  if (valueAt(unt, 2) !== message.reference) {
    ctx.report(
      unt,
      'reference-mismatch',
      `UNT reference ${JSON.stringify(valueAt(unt, 2))} does not match UNH reference ${JSON.stringify(message.reference)}`,
      { element: 2 },
    );
  }
}
