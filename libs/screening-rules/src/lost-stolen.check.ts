import type { CheckResult } from './check-result.js';
import { checkResult, documentLabel, documentTypeOf, Findings } from './integrity-check-support.js';
import type { RuleBook, RuleDefinition } from './rule-book.js';
import type { ScreeningSubject } from './subject.js';

export const LOST_STOLEN = 'lost-stolen';

/** What the lost/stolen index answers for one document (an SltdIndex fits). */
export interface ListedLookup {
  lookup(
    issuingState: string,
    documentNumber: string,
    documentType?: string,
  ): readonly { kind: 'record' | 'blank-series'; status: string }[];
  /** Other issuing states that list a document with this number. */
  listedElsewhere(issuingState: string, documentNumber: string): readonly string[];
}

export const LOST_STOLEN_RULES: RuleDefinition[] = [
  {
    id: 'DOCUMENT_LISTED',
    version: 1,
    check: LOST_STOLEN,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'The document is listed by its issuing state as lost, stolen, revoked or invalidated. A listed document must not be used for travel: whoever presents it is not entitled to it, or it is no longer valid.',
    enabled: true,
  },
  {
    id: 'DOCUMENT_FROM_STOLEN_BLANK',
    version: 1,
    check: LOST_STOLEN,
    severity: 'high',
    action: 'do-not-board',
    explanation:
      'The document number lies in a series of blank documents reported stolen before personalisation: the document was issued from a stolen blank, a counterfeit that no check digit reveals.',
    enabled: true,
  },
  {
    id: 'DOCUMENT_LISTED_ELSEWHERE',
    version: 1,
    check: LOST_STOLEN,
    severity: 'info',
    action: 'no-action',
    explanation:
      'Another issuing state lists a document with the same number. The same number issued by two states is two different documents, so this is only a near match; it may also reveal a wrongly reported issuing state.',
    enabled: true,
  },
];

/**
 * Every document the traveller presents (passport, identity card and each visa) against the
 * lost/stolen index. Exact on issuing state and normalised number, range match for blank series.
 */
export function lostStolenCheck(
  subject: ScreeningSubject,
  context: { rules: RuleBook; index: ListedLookup | undefined },
): CheckResult {
  const { rules, index } = context;
  const checkable = subject.documents
    .map((document, position) => ({ document, position }))
    .filter(({ document }) => document.issuingState && document.number);
  if (!index)
    return {
      check: LOST_STOLEN,
      version: rules.version,
      outcome: 'no-reference-data',
      findings: [],
    };
  const findings = new Findings();
  for (const { document, position } of checkable) {
    const label = documentLabel(position, document);
    let hits: readonly { kind: 'record' | 'blank-series'; status: string }[];
    try {
      hits = index.lookup(document.issuingState, document.number, documentTypeOf(document));
    } catch {
      // A state or number the index cannot read: the integrity checks say what is wrong with it.
      continue;
    }
    const field = `documents[${position}].number`;
    for (const hit of hits) {
      findings.add(
        hit.kind === 'record'
          ? rules.raise('DOCUMENT_LISTED', {
              message: `${label} is listed by its issuing state as ${hit.status.replace('_', ' ')}`,
              field,
            })
          : rules.raise('DOCUMENT_FROM_STOLEN_BLANK', {
              message: `${label} was issued from a stolen blank: its number lies in a series of blanks reported ${hit.status.replace('_', ' ')}`,
              field,
            }),
      );
    }
    if (hits.length === 0) {
      const elsewhere = index.listedElsewhere(document.issuingState, document.number);
      if (elsewhere.length > 0)
        findings.add(
          rules.raise('DOCUMENT_LISTED_ELSEWHERE', {
            message: `${label}: the same number is listed by ${elsewhere.join(', ')} (a different document; check the issuing state)`,
            field,
          }),
        );
    }
  }
  return checkResult(LOST_STOLEN, rules, findings.items, checkable.length > 0);
}
