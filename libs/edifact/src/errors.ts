/**
 * The defect vocabulary shared by the reader and the PAXLST mapper. A carrier gets each defect with
 * the segment it sits in (its number and tag), the element where that helps, and a sentence saying
 * what is wrong, so that it can find and fix the message without our help.
 */
import type { Segment } from './segment.js';

export type Severity = 'error' | 'warning';

/** Stable, machine-readable kinds of defect; the `message` is for people. */
export type DefectCode =
  // reading
  | 'not-edifact'
  | 'leading-text-ignored'
  | 'trailing-text-ignored'
  | 'control-characters'
  | 'typographic-terminator'
  | 'unexpected-character'
  | 'bad-service-string'
  | 'separators-inferred'
  | 'bad-segment-tag'
  | 'space-in-tag'
  | 'empty-segment'
  | 'unterminated-segment'
  // envelope and structure
  | 'missing-segment'
  | 'unexpected-segment'
  | 'reference-mismatch'
  | 'count-mismatch'
  | 'not-paxlst'
  | 'unsupported-version'
  | 'malformed-element'
  // content
  | 'unknown-qualifier'
  | 'missing-value'
  | 'bad-date'
  | 'incomplete-leg'
  | 'missing-name'
  | 'missing-document'
  | 'missing-document-type'
  | 'missing-document-number'
  | 'missing-issuing-state'
  | 'unreadable-traveller';

export interface EdifactError {
  /**
   * 1-based position of the segment in the interchange, counting the UNA service string advice as
   * segment 1 when it is present: for a file written one segment per line this is the line number.
   * 0 means the interchange as a whole (for example, no EDIFACT found at all).
   */
  segment: number;
  /** Tag of that segment (`DOC`, `CNT`…); empty for segment 0. */
  tag: string;
  /**
   * Where in the segment, as `TAG element` or `TAG element.component`, both 1-based and counted after
   * the tag: `DOC 1.1` is the document type code, `DOC 2` the document number.
   */
  element?: string;
  message: string;
  severity: Severity;
  code: DefectCode;
}

export interface PaxlstError extends EdifactError {
  /** The traveller concerned: the same number as {@link PaxlstTraveller.index}. */
  travellerIndex?: number;
}

export interface DefectOptions {
  /** Element position after the tag, 1-based. */
  element?: number;
  /** Component position in that element, 1-based. */
  component?: number;
  severity?: Severity;
  travellerIndex?: number;
}

/** Builds a defect pointing at `segment`; without a segment it concerns the whole interchange. */
export function defect(
  segment: Pick<Segment, 'index' | 'tag'> | undefined,
  code: DefectCode,
  message: string,
  options: DefectOptions = {},
): PaxlstError {
  const error: PaxlstError = {
    segment: segment?.index ?? 0,
    tag: segment?.tag ?? '',
    message,
    severity: options.severity ?? 'error',
    code,
  };
  if (segment && options.element !== undefined) {
    error.element =
      options.component === undefined
        ? `${segment.tag} ${options.element}`
        : `${segment.tag} ${options.element}.${options.component}`;
  }
  if (options.travellerIndex !== undefined) error.travellerIndex = options.travellerIndex;
  return error;
}
