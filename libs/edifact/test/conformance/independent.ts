/**
 * What a PAXLST file holds, worked out WITHOUT the library: separators from the six characters after
 * `UNA` (or the defaults), travellers and document numbers by regular expressions over the raw
 * text, and per-segment facts by splitting on the terminator (not after a release character). Crude
 * on purpose: it only has to be right for the corpus, and it must not share a line of code with the
 * parser it judges.
 */

export interface Independent {
  separators: { component: string; element: string; release: string; terminator: string };
  /** NAD FL/FM/DDU/DDT/COT and PDT segment starts. */
  travellers: number;
  /** DOC 2 numbers and PDT numbers (after `/`), non-empty ones, in file order. */
  documentNumbers: string[];
  /** Segments as split here: 1-based position = the segment number errors must cite. */
  segments: string[];
  /** 1-based positions of segments with a defect the parser must report. */
  defects: { kind: string; segment: number; tag: string }[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function inspect(text: string): Independent {
  const una = /UNA([\s\S]{6})/.exec(text)?.[1];
  const [component = ':', element = '+', , release = '?', , terminator = "'"] = una ? [...una] : [];
  const C = escape(component);
  const E = escape(element);
  const T = escape(terminator);
  const R = escape(release);
  const start = `(?:^|${T}|\u2019)\\s*`;

  const travellers = [
    ...text.matchAll(new RegExp(`${start}(?:NAD${E}(?:FL|FM|DDU|DDT|COT)${E}|PDT${E})`, 'g')),
  ].length;
  const docNumbers = [
    ...text.matchAll(new RegExp(`${start}DOC${E}[^${E}${T}]*${E}([^${E}${T}${C}]*)`, 'g')),
  ].map((m) => (m[1] ?? '').trim());
  const pdtNumbers = [...text.matchAll(new RegExp(`${start}PDT${E}[A-Z]*/([^${C}${E}${T}]*)`, 'g'))].map(
    (m) => (m[1] ?? '').trim(),
  );

  const segments = text
    .split(new RegExp(`(?<!${R})(?:${T}|\u2019)`))
    .map((s) => s.replace(/[\r\n]/g, '').trim())
    .filter((s) => s !== '');
  const fields = (s: string) => s.split(new RegExp(`(?<!${R})${E}`));
  const field = (s: string, n: number) => (fields(s)[n] ?? '').trim();
  const tagOf = (s: string) => field(s, 0);
  const defects: Independent['defects'] = [];
  const at = (i: number, kind: string) =>
    defects.push({ kind, segment: i + 1, tag: tagOf(segments[i] ?? '') });

  segments.forEach((segment, i) => {
    const [tag, e1 = '', e2 = ''] = fields(segment).map((f) => f.trim());
    if (tag === 'DOC') {
      if (e1.split(component)[0] === '') at(i, 'missing-document-type');
      if (e2.split(component)[0] === '') at(i, 'missing-document-number');
      // The DOC group runs to the next DOC, NAD, CNT or UNT; a LOC 91 with a value names the state.
      let j = i + 1;
      let state = '';
      let stateAt = -1;
      while (j < segments.length && !['DOC', 'NAD', 'CNT', 'UNT'].includes(tagOf(segments[j] ?? ''))) {
        const [t, q = '', v = ''] = fields(segments[j] ?? '').map((f) => f.trim());
        if (t === 'LOC' && q === '91') {
          state = v;
          stateAt = j;
        }
        j++;
      }
      if (state === '') at(stateAt >= 0 ? stateAt : i, 'missing-issuing-state');
    }
    if (tag === 'CNT') {
      const [qualifier = '', total = e2] = e1.split(component);
      if (!['41', '42'].includes(qualifier)) at(i, 'unknown-qualifier');
      if (Number(total) !== travellers) at(i, 'count-mismatch');
    }
    if (tag === 'UNT') {
      const unh = segments.findIndex((s) => tagOf(s) === 'UNH');
      if (Number(e1) !== i - unh + 1) at(i, 'count-mismatch');
      if (e2 !== field(segments[unh] ?? '', 1)) at(i, 'reference-mismatch');
    }
    if (tag === 'UNZ' || tag === 'UNE') {
      const header = segments.findIndex((s) => tagOf(s) === (tag === 'UNZ' ? 'UNB' : 'UNG'));
      if (header >= 0 && e2 !== field(segments[header] ?? '', 5)) at(i, 'reference-mismatch');
    }
  });

  return {
    separators: { component, element, release, terminator },
    travellers,
    documentNumbers: [...docNumbers, ...pdtNumbers].filter((n) => n !== ''),
    segments,
    defects,
  };
}
