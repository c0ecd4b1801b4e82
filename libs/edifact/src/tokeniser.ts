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
 * - The release character makes the next character data, whatever it is.
 */
import type { Separators } from './una.js';

export interface RawSegment {
  /** Tag first (element 0, component 0), then the data elements, as written. */
  elements: string[][];
  offset: number;
  /** False for a last segment that ran into the end of the text without a terminator. */
  terminated: boolean;
}

export interface Tokenised {
  segments: RawSegment[];
  /** Control characters (other than CR/LF) dropped, and the offset of the first one. */
  controlCharacters: { count: number; firstOffset: number; firstSegment: number };
  /** Typographic apostrophes read as terminators, and the segment (0-based in `segments`) of the first. */
  typographicTerminators: { count: number; firstSegment: number };
  /** Non-blank text after the UNZ segment, which ends the interchange. */
  trailing?: { offset: number; text: string };
  /** Runs of terminators with nothing between them (`''`), skipped. */
  emptySegments: { count: number; firstOffset: number };
}

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const RIGHT_QUOTE = 0x2019;
const LEFT_QUOTE = 0x2018;

function isControl(code: number): boolean {
  return (code < 0x20 && code !== TAB) || code === 0x7f || (code >= 0x80 && code < 0xa0);
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || isControl(code);
}

export function tokenise(text: string, from: number, separators: Separators): Tokenised {
  const componentSep = separators.component.charCodeAt(0);
  const elementSep = separators.element.charCodeAt(0);
  const terminator = separators.terminator.charCodeAt(0);
  const release = separators.release === ' ' ? -1 : separators.release.charCodeAt(0);
  const typographic = separators.terminator === "'";
  const n = text.length;

  const result: Tokenised = {
    segments: [],
    controlCharacters: { count: 0, firstOffset: -1, firstSegment: -1 },
    typographicTerminators: { count: 0, firstSegment: -1 },
    emptySegments: { count: 0, firstOffset: -1 },
  };

  const noteControl = (at: number): void => {
    const c = result.controlCharacters;
    if (c.count++ === 0) {
      c.firstOffset = at;
      c.firstSegment = result.segments.length;
    }
  };

  /** Skips blanks before a segment; CR/LF are expected there, other controls are counted. */
  const skipBlanks = (at: number): number => {
    while (at < n) {
      const code = text.charCodeAt(at);
      if (!isBlank(code) && code !== CR && code !== LF) break;
      if (code !== CR && code !== LF && code !== SPACE && code !== TAB) noteControl(at);
      at++;
    }
    return at;
  };

  /** True when what follows a typographic apostrophe looks like the next segment or the end. */
  const segmentFollows = (at: number): boolean => {
    while (
      at < n &&
      (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === CR || text.charCodeAt(at) === LF)
    ) {
      at++;
    }
    if (at >= n) return true;
    if (!/^[A-Z][A-Z0-9]{2}$/.test(text.slice(at, at + 3))) return false;
    const next = text.charCodeAt(at + 3);
    return next === elementSep || next === terminator || next === RIGHT_QUOTE || next === LEFT_QUOTE;
  };

  let i = skipBlanks(from);
  let segmentStart = i;
  let elements: string[][] = [];
  let components: string[] = [];
  let buffer = '';
  let runStart = i;
  let touched = false; // anything (even a separator) seen in the current segment

  const endSegment = (terminated: boolean): boolean => {
    if (!touched) {
      if (terminated && result.emptySegments.count++ === 0) result.emptySegments.firstOffset = segmentStart;
      return false;
    }
    components.push(buffer);
    elements.push(components);
    result.segments.push({ elements, offset: segmentStart, terminated });
    const tag = elements[0]?.[0]?.trim().toUpperCase();
    elements = [];
    components = [];
    buffer = '';
    touched = false;
    return tag === 'UNZ';
  };

  while (i < n) {
    const code = text.charCodeAt(i);
    const isTerminator =
      code === terminator ||
      (typographic && (code === RIGHT_QUOTE || code === LEFT_QUOTE) && segmentFollows(i + 1));
    if (isTerminator) {
      buffer += text.slice(runStart, i);
      if (code !== terminator && touched) {
        if (result.typographicTerminators.count++ === 0) {
          result.typographicTerminators.firstSegment = result.segments.length;
        }
      }
      const wasUnz = endSegment(true);
      i = skipBlanks(i + 1);
      segmentStart = i;
      runStart = i;
      if (wasUnz) {
        const rest = text.slice(i).trim();
        if (rest !== '') result.trailing = { offset: i, text: rest };
        return result;
      }
      continue;
    }
    if (code === elementSep || code === componentSep) {
      buffer += text.slice(runStart, i);
      components.push(buffer);
      buffer = '';
      if (code === elementSep) {
        elements.push(components);
        components = [];
      }
      touched = true;
      runStart = ++i;
      continue;
    }
    if (code === release) {
      buffer += text.slice(runStart, i);
      // A release at the very end has nothing to release; otherwise the next character is data.
      if (i + 1 < n) buffer += text.charAt(i + 1);
      touched = true;
      i += 2;
      runStart = i;
      continue;
    }
    if (code === CR || code === LF || isControl(code)) {
      buffer += text.slice(runStart, i);
      if (code !== CR && code !== LF) noteControl(i);
      runStart = ++i;
      continue;
    }
    touched = true;
    i++;
  }
  buffer += text.slice(runStart, n);
  if (buffer.trim() === '' && components.length === 0 && elements.length === 0) return result;
  endSegment(false);
  return result;
}
