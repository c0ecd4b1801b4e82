/**
 * Travel documents: the UN DOC group (DOC, then DTM 36 expiry / 182 issue and LOC 91 issuing state),
 * and the document part of a legacy US PDT. A document without a number cannot be screened, so it is
 * reported and left out of `documents`; every other gap is reported and the document kept. Defects
 * name the traveller by position and the document by segment, never by its number: they are kept in
 * receipts, after the personal data is gone.
 */
import { type Segment, valueAt } from '../segment.js';
import { DATE_QUALIFIERS, DOCUMENT_TYPES } from './codes.js';
import type { MappingContext } from './context.js';
import type { PaxlstDocument, PaxlstTraveller } from './types.js';

export interface OpenDocument {
  document: PaxlstDocument;
  segment: Segment;
  /** The LOC 91 seen for it, even when empty, so a missing state is reported where it should be. */
  issuingStateSegment?: Segment;
}

/** DOC+P:110:111+YY3478621G: type in 1.1 (the code list in 1.2/1.3 is ignored), number in 2.1. */
export function openDocument(
  segment: Segment,
  ctx: MappingContext,
  traveller: PaxlstTraveller,
): OpenDocument {
  const type = valueAt(segment, 1).toUpperCase();
  const number = valueAt(segment, 2);
  if (type === '') {
    ctx.report(
      segment,
      'missing-document-type',
      `traveller ${traveller.index}'s document has no type code in DOC 1.1 (P, V, I…)`,
      { element: 1, component: 1, traveller },
    );
  } else if (!DOCUMENT_TYPES.has(type)) {
    ctx.report(
      segment,
      'unknown-qualifier',
      `document type code ${JSON.stringify(type)} is not a known travel document type (${[...DOCUMENT_TYPES].join(', ')})`,
      { element: 1, component: 1, traveller, severity: 'warning' },
    );
  }
  if (number === '') {
    ctx.report(
      segment,
      'missing-document-number',
      `${type ? `document of type ${type}` : 'document'} has no number in DOC 2; it is left out`,
      { element: 2, traveller },
    );
  }
  return { document: { segment: segment.index, type, number }, segment };
}

/** DTM inside a DOC group. Returns false for a qualifier that is not a document date. */
export function documentDate(
  open: OpenDocument,
  segment: Segment,
  ctx: MappingContext,
  traveller: PaxlstTraveller,
): boolean {
  const qualifier = valueAt(segment, 1);
  if (qualifier === DATE_QUALIFIERS.expiry) {
    const iso = ctx.date(segment, 'expiry', 'document expiry date', traveller);
    if (iso) open.document.expiryDate = iso;
    return true;
  }
  if (qualifier === DATE_QUALIFIERS.issue) {
    const iso = ctx.date(segment, 'issue', 'document issue date', traveller);
    if (iso) open.document.issueDate = iso;
    return true;
  }
  return false;
}

export function documentIssuingState(open: OpenDocument, segment: Segment): void {
  open.issuingStateSegment = segment;
  const state = valueAt(segment, 2);
  if (state !== '') open.document.issuingState = state;
}

/** Ends a DOC group: reports a missing issuing state and keeps the document if it has a number. */
export function closeDocument(open: OpenDocument, ctx: MappingContext, traveller: PaxlstTraveller): void {
  const { document } = open;
  if (!document.issuingState) {
    const at = open.issuingStateSegment ?? open.segment;
    ctx.report(
      at,
      'missing-issuing-state',
      `traveller ${traveller.index}'s document (DOC at segment ${document.segment}) has no issuing state (LOC 91)`,
      {
        ...(open.issuingStateSegment ? { element: 2 } : {}),
        traveller,
      },
    );
  }
  if (document.number !== '') traveller.documents.push(document);
}

/**
 * Legacy US PDT element 1: `P/E234567:950130:NZ`, i.e. type and number joined by `/`, then expiry
 * (YYMMDD, may be empty) and issuing country (two letters in this dialect).
 */
export function pdtDocument(segment: Segment, ctx: MappingContext, traveller: PaxlstTraveller): void {
  const [type = '', ...rest] = valueAt(segment, 1).split('/');
  const number = rest.join('/').trim();
  const document: PaxlstDocument = { segment: segment.index, type: type.trim().toUpperCase(), number };
  if (document.type === '') {
    ctx.report(segment, 'missing-document-type', 'no document type before "/" in PDT 1.1', {
      element: 1,
      component: 1,
      traveller,
    });
  }
  if (number === '') {
    ctx.report(
      segment,
      'missing-document-number',
      'no document number after "/" in PDT 1.1; the document is left out',
      { element: 1, component: 1, traveller },
    );
  }
  if (valueAt(segment, 1, 2) !== '') {
    const iso = ctx.date(segment, 'expiry', 'document expiry date', traveller, { format: '101' });
    if (iso) document.expiryDate = iso;
  }
  const state = valueAt(segment, 1, 3);
  if (state === '') {
    ctx.report(
      segment,
      'missing-issuing-state',
      `traveller ${traveller.index}'s document has no issuing country in PDT 1.3`,
      { element: 1, component: 3, traveller },
    );
  } else document.issuingState = state;
  if (number !== '') traveller.documents.push(document);
}
