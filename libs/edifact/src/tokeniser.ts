/**
 * Splits EDIFACT text into segments, elements and components with the given separators. It is
 * deliberately forgiving about what real carrier traffic contains, and counts each liberty it takes
 * so that the reader can report it:
 *
 * - CR and LF are never data in EDIFACT (UNOA/UNOB have no line breaks), so they are dropped
 *   everywhere: between segments and inside a segment that a mail or telex gateway wrapped.
 * - Other control characters (SOH/STX/ETX of a Type-B telex envelope, NUL padding, C1 controls from a
 *   Windows-1252 file read as Latin-1) are dropped and counted.
 * - Spaces and tabs before a segment tag are dropped; inside data they are kept.
 * - When the terminator is `'`, a typographic apostrophe (’ or ‘, as word processors write it) also
 *   ends a segment, but only where a segment tag or the end of the text follows, so that a name such
 *   as O’LEARY keeps its apostrophe.
 * - The release character makes the next character data, whatever it is, except a line break or
 *   control character (a line wrapped right after `?`): those are skipped and the one after them released.
 * - Characters that could not be decoded (U+FFFD), or beyond Latin-1 where the interchange does not
 *   declare a Unicode syntax level, are kept as data and counted.
 *
 * The loop classifies each character through a table, so that plain data (nearly all of the text)
 * costs one lookup; all state is local, with no closures over it, which keeps V8's fast path.
 */
import type { Separators } from './una.js';

export interface RawSegment {
  /** The tag as written (first component of the first element), untrimmed. */
  tag: string;
  /** Components written in the tag's element: 1 normally, more for `TAG:x+…`. */
  tagComponents: number;
  /** Data elements after the tag, as written. */
  elements: string[][];
  offset: number;
  /** False for a last segment that ran into the end of the text without a terminator. */
  terminated: boolean;
}

/** How often a tolerated oddity occurred, and where first (offset, and position in `segments`). */
export interface Occurrences {
  count: number;
  firstOffset: number;
  firstSegment: number;
}

export interface Tokenised {
  segments: RawSegment[];
  controlCharacters: Occurrences;
  typographicTerminators: Occurrences;
  /** Undecodable characters, or characters outside Latin-1 in a non-Unicode interchange. */
  unexpectedCharacters: Occurrences;
  /** Runs of terminators with nothing between them (`''`), skipped. */
  emptySegments: Occurrences;
  /** Non-blank text after the UNZ segment, which ends the interchange. */
  trailing?: { offset: number; text: string };
}

const DATA = 0;
const TERMINATOR = 1;
const ELEMENT = 2;
const COMPONENT = 3;
const RELEASE = 4;
const NEWLINE = 5;
const CONTROL = 6;
const BLANK = 7; // space and tab: data inside a segment, skipped before one

const RIGHT_QUOTE = 0x2019;
const LEFT_QUOTE = 0x2018;
const REPLACEMENT = 0xfffd;

const tables = new Map<string, Uint8Array>();

/** Character class of every Latin-1 code under the given separators (cached per separator set). */
function classTable(separators: Separators): Uint8Array {
  const key = `${separators.component}${separators.element}${separators.release}${separators.terminator}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Uint8Array(256);
  for (let code = 0; code < 256; code++) {
    if (code === 0x0a || code === 0x0d) table[code] = NEWLINE;
    else if (code === 0x20 || code === 0x09) table[code] = BLANK;
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) table[code] = CONTROL;
  }
  const set = (ch: string, cls: number) => {
    const code = ch.charCodeAt(0);
    if (code < 256) table[code] = cls;
  };
  if (separators.release !== ' ') set(separators.release, RELEASE);
  set(separators.component, COMPONENT);
  set(separators.element, ELEMENT);
  set(separators.terminator, TERMINATOR);
  tables.set(key, table);
  return table;
}

function note(o: Occurrences, offset: number, segment: number): void {
  if (o.count++ === 0) {
    o.firstOffset = offset;
    o.firstSegment = segment;
  }
}

const none = (): Occurrences => ({ count: 0, firstOffset: -1, firstSegment: -1 });

/** Skips blanks, line breaks and control characters before a segment, counting the controls. */
function skipBlanks(text: string, at: number, table: Uint8Array, result: Tokenised): number {
  const n = text.length;
  while (at < n) {
    const code = text.charCodeAt(at);
    if (code >= 256) break;
    const cls = table[code];
    if (cls === CONTROL) note(result.controlCharacters, at, result.segments.length);
    else if (cls !== NEWLINE && cls !== BLANK) break;
    at++;
  }
  return at;
}

/** True when what follows a typographic apostrophe looks like the next segment or the end. */
function segmentFollows(text: string, at: number, table: Uint8Array, separators: Separators): boolean {
  const n = text.length;
  while (at < n) {
    const code = text.charCodeAt(at);
    const cls = code < 256 ? table[code] : DATA;
    if (cls !== NEWLINE && cls !== BLANK && cls !== CONTROL) break;
    at++;
  }
  if (at >= n) return true;
  if (!/^[A-Z][A-Z0-9]{2}$/.test(text.slice(at, at + 3))) return false;
  const next = text.charAt(at + 3);
  return (
    next === separators.element || next === separators.terminator || next === '\u2019' || next === '\u2018'
  );
}

export function tokenise(text: string, from: number, separators: Separators, unicode = false): Tokenised {
  const table = classTable(separators);
  const typographic = separators.terminator === "'";
  const n = text.length;
  const result: Tokenised = {
    segments: [],
    controlCharacters: none(),
    typographicTerminators: none(),
    unexpectedCharacters: none(),
    emptySegments: none(),
  };

  let i = skipBlanks(text, from, table, result);
  let segmentStart = i;
  let runStart = i;
  let buffer = '';
  let components: string[] = [];
  let elements: string[][] = [];
  let tag: string[] | undefined;

  while (i < n) {
    const code = text.charCodeAt(i);
    let cls: number;
    if (code < 256) {
      cls = table[code] as number; // code < 256: always inside the 256-entry table
      if (cls === DATA || cls === BLANK) {
        i++;
        continue;
      }
    } else {
      if (
        typographic &&
        (code === RIGHT_QUOTE || code === LEFT_QUOTE) &&
        segmentFollows(text, i + 1, table, separators)
      ) {
        cls = TERMINATOR;
      } else {
        if (code === REPLACEMENT || !unicode) note(result.unexpectedCharacters, i, result.segments.length);
        i++;
        continue;
      }
    }
    if (cls === COMPONENT || cls === ELEMENT || cls === TERMINATOR) {
      components.push(runStart < i ? buffer + text.slice(runStart, i) : buffer);
      buffer = '';
      if (cls !== COMPONENT) {
        if (tag === undefined) tag = components;
        else elements.push(components);
        components = [];
      }
      runStart = ++i;
      if (cls !== TERMINATOR) continue;
      // End of segment. A segment with nothing in it (`''`) is skipped.
      const done = tag ?? [''];
      if (done.length === 1 && done[0] === '' && elements.length === 0) {
        note(result.emptySegments, segmentStart, result.segments.length);
      } else {
        if (code !== separators.terminator.charCodeAt(0)) {
          note(result.typographicTerminators, i - 1, result.segments.length);
        }
        result.segments.push({
          tag: done[0] ?? '',
          tagComponents: done.length,
          elements,
          offset: segmentStart,
          terminated: true,
        });
      }
      const ended = done[0]?.trim().toUpperCase();
      tag = undefined;
      elements = [];
      i = skipBlanks(text, i, table, result);
      segmentStart = i;
      runStart = i;
      if (ended === 'UNZ') {
        const rest = text.slice(i).trim();
        if (rest !== '') result.trailing = { offset: i, text: rest };
        return result;
      }
      continue;
    }
    // Release, line break or control character: keep the data before it, then skip it.
    buffer += text.slice(runStart, i);
    if (cls === RELEASE) {
      // A gateway may wrap the line right after the release character: line breaks and control
      // characters are never data, so the character released is the first one after them.
      i++;
      while (i < n) {
        const next = text.charCodeAt(i);
        const nextCls = next < 256 ? table[next] : DATA;
        if (nextCls !== NEWLINE && nextCls !== CONTROL) break;
        if (nextCls === CONTROL) note(result.controlCharacters, i, result.segments.length);
        i++;
      }
      if (i < n) {
        const released = text.charCodeAt(i);
        if (released >= 256 && (released === REPLACEMENT || !unicode))
          note(result.unexpectedCharacters, i, result.segments.length);
        buffer += text.charAt(i);
      }
      i++;
    } else {
      if (cls === CONTROL) note(result.controlCharacters, i, result.segments.length);
      i++;
    }
    runStart = i;
  }

  buffer += text.slice(runStart, n);
  if (tag === undefined && components.length === 0 && buffer.trim() === '') return result;
  components.push(buffer);
  if (tag === undefined) tag = components;
  else elements.push(components);
  result.segments.push({
    tag: tag[0] ?? '',
    tagComponents: tag.length,
    elements,
    offset: segmentStart,
    terminated: false,
  });
  return result;
}
