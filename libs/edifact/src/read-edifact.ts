/**
 * Reads an EDIFACT interchange into numbered segments. It finds where EDIFACT starts (dropping a
 * telex or mail envelope before `UNA`/`UNB`), settles the separators (UNA, defaults, or what UNB
 * shows), tokenises, and reports every liberty taken as a warning and every unreadable tag as an
 * error. It never throws on bad input: text with no EDIFACT in it gives no segments and one error.
 */
import { type EdifactError, defect } from './errors.js';
import type { Segment } from './segment.js';
import { type RawSegment, type Tokenised, tokenise } from './tokeniser.js';
import { DEFAULT_SEPARATORS, type Separators, UNA_LENGTH, readUna, separatorsFromUnb } from './una.js';

export interface EdifactInterchange {
  separators: Separators;
  /** True when the text declared its separators with UNA (and they were usable). */
  serviceStringAdvice: boolean;
  segments: Segment[];
  errors: EdifactError[];
}

/** First `UNA`, `UNB` or (for a bare message) `UNH` that is not inside a longer word. */
function findStart(text: string): { at: number; tag: 'UNA' | 'UNB' | 'UNH' } | undefined {
  for (const tag of ['UNA', 'UNB', 'UNH'] as const) {
    const match = new RegExp(`(?<![A-Za-z0-9])${tag}(?![A-Za-z0-9])`).exec(text);
    if (match) return { at: match.index, tag };
  }
  return undefined;
}

const VALID_TAG = /^[A-Z][A-Z0-9]{2}$/;

export function readEdifact(text: string): EdifactInterchange {
  const errors: EdifactError[] = [];
  const start = findStart(text);
  if (!start) {
    errors.push(
      defect(
        undefined,
        'not-edifact',
        'no UNA, UNB or UNH segment found: this is not an EDIFACT interchange',
      ),
    );
    return { separators: { ...DEFAULT_SEPARATORS }, serviceStringAdvice: false, segments: [], errors };
  }

  const segments: Segment[] = [];
  let separators: Separators = { ...DEFAULT_SEPARATORS };
  let serviceStringAdvice = false;
  let from = start.at;
  let inferred: string | undefined;
  const leading = text.slice(0, start.at).trim();

  if (start.tag === 'UNA') {
    const una = readUna(text, start.at);
    const segment: Segment = {
      index: 1,
      tag: 'UNA',
      elements: [[text.slice(start.at + 3, start.at + UNA_LENGTH)]],
      offset: start.at,
    };
    segments.push(segment);
    separators = una.separators;
    serviceStringAdvice = !una.rejected;
    for (const problem of una.problems) {
      errors.push(
        defect(
          segment,
          'bad-service-string',
          una.rejected ? `${problem}; default separators used` : problem,
          {
            element: 1,
            severity: una.rejected ? 'error' : 'warning',
          },
        ),
      );
    }
    from = start.at + UNA_LENGTH;
  }
  const unbMatch = /(?<![A-Za-z0-9])UNB/.exec(text.slice(from, from + 4096));
  const unbAt = unbMatch ? from + unbMatch.index : -1;
  // UNOW/UNOY (syntax 4) declare UTF-8 / ISO 10646: characters beyond Latin-1 are then expected.
  const unicode = unbAt >= 0 && /^UNO[WY]$/.test(text.slice(unbAt + 4, unbAt + 8));
  if (!serviceStringAdvice) {
    const seen = unbAt >= 0 ? separatorsFromUnb(text, unbAt, separators) : undefined;
    if (seen && (seen.element !== separators.element || seen.component !== separators.component)) {
      separators = { ...separators, ...seen };
      inferred = `no usable UNA: element separator ${JSON.stringify(seen.element)} and component separator ${JSON.stringify(seen.component)} taken from UNB`;
    }
  }

  const tokens = tokenise(text, from, separators, unicode);
  for (const raw of tokens.segments) segments.push(toSegment(raw, segments.length + 1, errors));

  if (inferred) {
    errors.push(
      defect(
        segments.find((s) => s.tag === 'UNB'),
        'separators-inferred',
        inferred,
        { severity: 'warning' },
      ),
    );
  }
  const first = segments[0];
  if (leading !== '' && first) {
    errors.push(
      defect(
        first,
        'leading-text-ignored',
        `${start.at} characters before ${start.tag} ignored (a telex or mail envelope?): ${JSON.stringify(leading.slice(0, 40))}`,
        { severity: 'warning' },
      ),
    );
  }
  reportLiberties(text, tokens, segments, segments.length - tokens.segments.length, errors);
  return { separators, serviceStringAdvice, segments, errors };
}

function toSegment(raw: RawSegment, index: number, errors: EdifactError[]): Segment {
  const written = raw.tag;
  const tag = written.trim().toUpperCase();
  const segment: Segment = { index, tag, elements: raw.elements, offset: raw.offset };
  if (!VALID_TAG.test(tag)) {
    errors.push(
      defect(
        segment,
        'bad-segment-tag',
        `${JSON.stringify(written)} is not a segment tag (three letters or digits expected)`,
      ),
    );
  } else if (written !== tag) {
    errors.push(
      defect(segment, 'space-in-tag', `segment tag written as ${JSON.stringify(written)}; read as ${tag}`, {
        severity: 'warning',
      }),
    );
  }
  if (raw.tagComponents > 1) {
    errors.push(
      defect(
        segment,
        'bad-segment-tag',
        `the tag ${tag} is followed by a component separator instead of an element separator`,
        { severity: 'warning' },
      ),
    );
  }
  if (!raw.terminated) {
    errors.push(
      defect(
        segment,
        'unterminated-segment',
        'the text ends inside this segment: no segment terminator after it',
        { severity: 'warning' },
      ),
    );
  }
  return segment;
}

/** Turns what the tokeniser tolerated into warnings, each pointing at the first place it happened. */
function reportLiberties(
  text: string,
  tokens: Tokenised,
  segments: Segment[],
  shift: number,
  errors: EdifactError[],
): void {
  const at = (tokenIndex: number): Segment | undefined =>
    segments[Math.min(tokenIndex + shift, segments.length - 1)];
  const control = tokens.controlCharacters;
  if (control.count > 0) {
    errors.push(
      defect(
        at(control.firstSegment),
        'control-characters',
        `${control.count} control character(s) (such as SOH/STX/ETX of a telex envelope) removed, the first at character ${control.firstOffset}`,
        { severity: 'warning' },
      ),
    );
  }
  const typographic = tokens.typographicTerminators;
  if (typographic.count > 0) {
    errors.push(
      defect(
        at(typographic.firstSegment),
        'typographic-terminator',
        `${typographic.count} typographic apostrophe(s) (’ or ‘) read as segment terminators; the terminator is '`,
        { severity: 'warning' },
      ),
    );
  }
  const unexpected = tokens.unexpectedCharacters;
  if (unexpected.count > 0) {
    const ch = text.charAt(unexpected.firstOffset);
    errors.push(
      defect(
        at(unexpected.firstSegment),
        'unexpected-character',
        `${unexpected.count} character(s) outside the interchange's character set, kept as they are; the first is ${JSON.stringify(ch)} (U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) at character ${unexpected.firstOffset}${ch === '\uFFFD' ? ', a byte that could not be decoded' : ''}`,
        { severity: 'warning' },
      ),
    );
  }
  const empty = tokens.emptySegments;
  if (empty.count > 0) {
    errors.push(
      defect(
        at(Math.max(empty.firstSegment - 1, 0)),
        'empty-segment',
        `${empty.count} empty segment(s) (two terminators in a row) skipped, the first right after this segment (character ${empty.firstOffset})`,
        { severity: 'warning' },
      ),
    );
  }
  const last = segments[segments.length - 1];
  if (tokens.trailing && last) {
    errors.push(
      defect(
        last,
        'trailing-text-ignored',
        `text after UNZ ignored: ${JSON.stringify(tokens.trailing.text.slice(0, 40))}`,
        { severity: 'warning' },
      ),
    );
  }
}
