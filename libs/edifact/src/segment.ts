/** A segment as read from the interchange, with release characters already resolved. */
export interface Segment {
  /** 1-based position in the interchange (UNA, when present, is 1); the number errors cite. */
  index: number;
  /** Three-character tag, trimmed and upper-case (`NAD`, `DOC`…). */
  tag: string;
  /** Data elements after the tag, each an array of its components (at least one, maybe empty). */
  elements: string[][];
  /** Character offset of the segment's first character in the text given to the reader. */
  offset: number;
}

/**
 * Component `component` of element `element` (both 1-based, counted after the tag, as in error
 * references), trimmed; '' when absent. Trimming is safe for PAXLST data: surrounding spaces carry
 * no meaning, and senders pad fields (`UNG+PAXLST+AIR1+ DHS`).
 */
export function valueAt(segment: Segment, element: number, component = 1): string {
  return segment.elements[element - 1]?.[component - 1]?.trim() ?? '';
}

/** Same as {@link valueAt} but untrimmed, for checks that care about stray spaces. */
export function rawValueAt(segment: Segment, element: number, component = 1): string {
  return segment.elements[element - 1]?.[component - 1] ?? '';
}

/** The non-empty components of an element, trimmed. */
export function componentsAt(segment: Segment, element: number): string[] {
  return (segment.elements[element - 1] ?? []).map((c) => c.trim()).filter((c) => c !== '');
}
