// What the document-integrity checks (document-validity, mrz-consistency, issuing-authority) share:
// the outcome rule, how a document's type is read, how a document is named in a message, and how
// state codes are compared.
import { documentTypeName } from '@docscreen/travel-documents';
import type { DocumentTypeName } from '@docscreen/travel-documents';
import type { CheckOutcome, CheckResult, Finding } from './check-result.js';
import type { RuleBook } from './rule-book.js';
import type { SubjectDocument } from './subject.js';

/**
 * `failed` when any finding recommends an action, `passed` otherwise (information may accompany a
 * pass), `not-applicable` when the check had nothing to look at.
 */
export function outcomeOf(findings: readonly Finding[], applicable: boolean): CheckOutcome {
  if (findings.some((finding) => finding.action !== 'no-action')) return 'failed';
  return applicable || findings.length > 0 ? 'passed' : 'not-applicable';
}

export function checkResult(
  check: string,
  rules: RuleBook,
  findings: Finding[],
  applicable: boolean,
): CheckResult {
  return { check, version: rules.version, outcome: outcomeOf(findings, applicable), findings };
}

/** Collects what `RuleBook.raise` returns, leaving out what disabled or absent rules did not raise. */
export class Findings {
  readonly items: Finding[] = [];

  add(finding: Finding | undefined): Finding | undefined {
    if (finding) this.items.push(finding);
    return finding;
  }
}

/** The document's type from its type name, else from its code (`P`, `I`, `V`, `AC`…). */
export function documentTypeOf(document: SubjectDocument): DocumentTypeName | undefined {
  return documentTypeName(document.type) ?? documentTypeName(document.code);
}

const TYPE_LABELS: Readonly<Record<DocumentTypeName, string>> = {
  PASSPORT: 'passport',
  IDENTITY_CARD: 'identity card',
  VISA: 'visa',
  RESIDENCE_PERMIT: 'residence permit',
  CREW_MEMBER_CERTIFICATE: 'crew member certificate',
  OTHER: 'other document',
};

export function typeLabel(type: DocumentTypeName | undefined): string {
  return type === undefined ? 'document of unknown type' : TYPE_LABELS[type];
}

/** "Document 2 (visa)": names a document in a message without any of its personal data. */
export function documentLabel(index: number, document: SubjectDocument): string {
  return `Document ${index + 1} (${typeLabel(documentTypeOf(document))})`;
}

/**
 * A state code in one spelling for comparison: upper case, MRZ fillers dropped, and Germany's ISO
 * code DEU read as the ICAO 9303 code D that its documents carry (data sources write either).
 */
export function canonicalStateCode(code: string): string {
  const state = code.trim().toUpperCase().replace(/<+$/, '');
  return state === 'DEU' ? 'D' : state;
}

export function sameState(a: string, b: string): boolean {
  return canonicalStateCode(a) === canonicalStateCode(b);
}
