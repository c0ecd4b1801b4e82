import { readDocumentNumber } from '@docscreen/travel-documents';
import type { CheckResult, Finding } from './check-result.js';
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
 * Why a document could not be looked up, as a finding no rule set can switch off: the check did
 * not run for it, so the traveller must not be cleared (fail closed). The message says which
 * document and why, never its number.
 */
export const DOCUMENT_NOT_CHECKED = 'DOCUMENT_NOT_CHECKED';

function notChecked(label: string, field: string, why: string): Finding {
  return {
    code: DOCUMENT_NOT_CHECKED,
    message: `${label} could not be checked against the lost/stolen list: ${why}`,
    field,
    severity: 'medium',
    action: 'contact-authority',
  };
}

/**
 * Every document the traveller presents (passport, identity card and each visa) against the
 * lost/stolen index. Exact on issuing state and normalised number (look-alike spellings read as the
 * Latin number, see readDocumentNumber), range match for blank series.
 *
 * Fails closed: a document whose number or state is missing or unreadable, or that the index cannot
 * look up, makes the check `error` with a DOCUMENT_NOT_CHECKED finding ("contact the authority"),
 * never a pass on what was left.
 */
export function lostStolenCheck(
  subject: ScreeningSubject,
  context: { rules: RuleBook; index: ListedLookup | undefined },
): CheckResult {
  const { rules, index } = context;
  if (!index)
    return {
      check: LOST_STOLEN,
      version: rules.version,
      outcome: 'no-reference-data',
      findings: [],
    };
  const findings = new Findings();
  if (subject.documents.length === 0) {
    // Nothing to look up is not a pass: a traveller reported without any document is not cleared.
    findings.add(notChecked('The traveller', 'documents', 'no travel document was reported'));
    return { check: LOST_STOLEN, version: rules.version, outcome: 'error', findings: findings.items };
  }
  let unchecked = 0;
  subject.documents.forEach((document, position) => {
    const label = documentLabel(position, document);
    const field = `documents[${position}].number`;
    const reading = readDocumentNumber(document.number ?? '');
    const why = !document.number
      ? 'it has no number'
      : reading.unreadable !== undefined
        ? `its number is unreadable (${reading.unreadable})`
        : !document.issuingState
          ? 'it has no issuing state'
          : undefined;
    let hits: readonly { kind: 'record' | 'blank-series'; status: string }[] = [];
    let failure = why;
    if (failure === undefined) {
      try {
        hits = index.lookup(document.issuingState, document.number, documentTypeOf(document));
      } catch (error) {
        failure = `the index could not look it up (${error instanceof Error ? error.message : 'error'})`;
      }
    }
    if (failure !== undefined) {
      unchecked++;
      findings.add(notChecked(label, field, failure));
      return;
    }
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
  });
  const result = checkResult(LOST_STOLEN, rules, findings.items, subject.documents.length > 0);
  return unchecked > 0 ? { ...result, outcome: 'error' } : result;
}
