import type { PaxlstDialect, PaxlstTraveller } from '@docscreen/edifact';
import { textProblem } from '@docscreen/input-values';
import { MANIFEST_LIMITS, tooLong } from './manifest-limits.js';
import type { MessageDefect } from './submission.js';

const { documentsPerTraveller, nameLength, documentNumberLength, codeLength, referenceLength } =
  MANIFEST_LIMITS;

/**
 * What of one PAXLST traveller is over MANIFEST_LIMITS, or holds a control character (the release
 * character lets a sender put any byte in data: `SMITH?<NUL>`), each with its segment, element and
 * limit. A traveller with any is rejected alone (PAXLST itself caps neither the DOC groups of a
 * traveller nor, in practice, element lengths: a reader accepts what the sender wrote).
 */
export function paxlstLimitDefects(t: PaxlstTraveller, dialect: PaxlstDialect): MessageDefect[] {
  const defects: MessageDefect[] = [];
  const tag = dialect === 'us-legacy' ? 'PDT' : 'NAD';
  const name = dialect === 'us-legacy' ? 'PDT 2' : 'NAD 4';
  const over = (
    at: { segment: number; tag: string; element?: string },
    what: string,
    value: string | undefined,
    limit: number,
  ) => {
    if (value && value.length > limit) {
      defects.push({
        ...at,
        message: tooLong(what, value.length, limit),
        severity: 'error',
        code: 'over-limit',
      });
      return;
    }
    const problem = value ? textProblem(value) : undefined;
    if (problem)
      defects.push({ ...at, message: `${what} ${problem}`, severity: 'error', code: 'control-character' });
  };
  const traveller = { segment: t.segment, tag };
  over({ ...traveller, element: `${name}.1` }, 'the surname', t.surname, nameLength);
  over({ ...traveller, element: `${name}.2` }, 'the given names', t.givenNames, nameLength);
  // The mapper keeps no segment number for these: they are cited by the traveller's own segment.
  const fields: [string, string | undefined][] = [
    ['the nationality (NAT 2)', t.nationality],
    ['the country of residence (LOC 174)', t.countryOfResidence],
    ['the port of embarkation (LOC 178)', t.portOfEmbarkation],
    ['the port of disembarkation (LOC 179)', t.portOfDisembarkation],
  ];
  for (const [what, value] of fields) over(traveller, what, value, codeLength);
  for (const ref of t.references) {
    over(traveller, `the reference ${ref.qualifier} (RFF 1.2)`, ref.value, referenceLength);
  }
  if (t.documents.length > documentsPerTraveller) {
    const first = t.documents[documentsPerTraveller]!;
    defects.push({
      segment: first.segment,
      tag: dialect === 'us-legacy' ? 'PDT' : 'DOC',
      element: dialect === 'us-legacy' ? 'PDT 1' : 'DOC 2',
      message: `traveller ${t.index} has ${t.documents.length} travel documents; at most ${documentsPerTraveller} are accepted (this is the first one over)`,
      severity: 'error',
      code: 'over-limit',
    });
  }
  const legacy = dialect === 'us-legacy';
  for (const d of t.documents.slice(0, documentsPerTraveller)) {
    const at = (element: string) => ({ segment: d.segment, tag: legacy ? 'PDT' : 'DOC', element });
    over(at(legacy ? 'PDT 1.1' : 'DOC 2'), 'the document number', d.number, documentNumberLength);
    over(at(legacy ? 'PDT 1.1' : 'DOC 1.1'), 'the document type', d.type, codeLength);
    // LOC 91 follows the DOC in its group; the mapper keeps the DOC's segment number.
    over(at(legacy ? 'PDT 1.3' : 'LOC 91 2'), 'the issuing state', d.issuingState, codeLength);
  }
  return defects;
}
