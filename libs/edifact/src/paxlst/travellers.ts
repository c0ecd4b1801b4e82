/**
 * Travellers from the UN NAD group (segment group 4): NAD FL/FM/DDU/DDT/COT opens a traveller, and
 * ATT, DTM, LOC, NAT, RFF and the DOC groups after it fill it in until the next NAD, CNT or UNT.
 * Every traveller whose NAD was seen is returned, readable or not; what is missing is reported on it.
 */
import { type Segment, valueAt } from '../segment.js';
import { DATE_QUALIFIERS, IGNORED_TAGS, SEAT_REFERENCE, SEX_CODES, TRAVELLER_LOCATIONS } from './codes.js';
import type { MappingContext } from './context.js';
import {
  type OpenDocument,
  closeDocument,
  documentDate,
  documentIssuingState,
  openDocument,
} from './documents.js';
import type { PaxlstTraveller, Sex, TravellerRole } from './types.js';

/** Given and middle names: every non-empty name component after the surname. */
export function givenNames(components: string[]): string {
  return components
    .slice(1)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' ');
}

export function newTraveller(
  ctx: MappingContext,
  segment: Segment,
  role: TravellerRole,
  roleCode: string,
): PaxlstTraveller {
  return {
    index: ctx.nextTravellerIndex(),
    segment: segment.index,
    role,
    roleCode,
    surname: '',
    givenNames: '',
    reservationRefs: [],
    references: [],
    documents: [],
    readable: false,
    errors: [],
  };
}

/** Decides `readable` and reports what a screening authority will miss. */
export function finishTraveller(
  traveller: PaxlstTraveller,
  at: Segment,
  ctx: MappingContext,
  expect: { nationality: boolean } = { nationality: true },
): void {
  const where = { traveller, severity: 'warning' as const };
  // A birth date that was there but unreadable has been reported already, as a bad date.
  const badBirthDate = traveller.errors.some(
    (e) => e.code === 'bad-date' && e.message.startsWith('date of birth'),
  );
  if (!traveller.birthDate && !badBirthDate) {
    ctx.report(at, 'missing-value', `traveller ${traveller.index} has no date of birth`, where);
  }
  if (!traveller.sex)
    ctx.report(at, 'missing-value', `traveller ${traveller.index} has no sex (gender)`, where);
  if (expect.nationality && !traveller.nationality) {
    ctx.report(at, 'missing-value', `traveller ${traveller.index} has no nationality`, where);
  }
  if (traveller.documents.length === 0) {
    ctx.report(at, 'missing-document', `traveller ${traveller.index} has no travel document with a number`, {
      traveller,
    });
  }
  const reasons: string[] = [];
  if (traveller.role === 'unknown') reasons.push(`the role ${JSON.stringify(traveller.roleCode)} is unknown`);
  if (traveller.surname === '') reasons.push('there is no surname');
  if (!traveller.birthDate && traveller.documents.length === 0)
    reasons.push('there is neither a date of birth nor a document');
  traveller.readable = reasons.length === 0;
  if (!traveller.readable) {
    ctx.report(
      at,
      'unreadable-traveller',
      `traveller ${traveller.index} cannot be screened: ${reasons.join(', ')}`,
      { traveller },
    );
  }
}

export class TravellersBuilder {
  private traveller?: PaxlstTraveller;
  private start?: Segment;
  private document?: OpenDocument;

  constructor(
    private readonly ctx: MappingContext,
    private readonly into: PaxlstTraveller[],
  ) {}

  get active(): boolean {
    return this.traveller !== undefined;
  }

  /** NAD+FL+++SURNAME:GIVEN:MIDDLE: name in C080 (element 4), 1st component the surname. */
  open(nad: Segment, role: TravellerRole, roleCode: string): void {
    this.finish();
    const traveller = newTraveller(this.ctx, nad, role, roleCode);
    traveller.surname = valueAt(nad, 4, 1);
    traveller.givenNames = givenNames(nad.elements[3] ?? []);
    if (traveller.surname === '') {
      this.ctx.report(nad, 'missing-name', `traveller ${traveller.index} has no surname in NAD 4.1`, {
        element: 4,
        component: 1,
        traveller,
      });
    }
    if (role === 'unknown') {
      this.ctx.report(
        nad,
        'unknown-qualifier',
        `party qualifier ${JSON.stringify(roleCode)} is not a traveller role (FL, FM, DDU, DDT, COT)`,
        { element: 1, traveller },
      );
    }
    this.traveller = traveller;
    this.start = nad;
    this.into.push(traveller);
  }

  /** Takes a segment of the open traveller's group; false when it does not belong to one. */
  accept(segment: Segment): boolean {
    const traveller = this.traveller;
    if (!traveller) return false;
    switch (segment.tag) {
      case 'ATT':
        this.att(segment, traveller);
        return true;
      case 'DTM':
        this.dtm(segment, traveller);
        return true;
      case 'LOC':
        this.loc(segment, traveller);
        return true;
      case 'NAT':
        if (valueAt(segment, 1) !== '2') {
          this.ctx.report(
            segment,
            'unknown-qualifier',
            `nationality qualifier ${JSON.stringify(valueAt(segment, 1))}; 2 (current nationality) expected`,
            { element: 1, traveller, severity: 'warning' },
          );
        }
        if (valueAt(segment, 2) === '')
          this.ctx.report(segment, 'missing-value', 'no nationality in NAT 2', { element: 2, traveller });
        else traveller.nationality ??= valueAt(segment, 2);
        return true;
      case 'RFF':
        this.rff(segment, traveller);
        return true;
      case 'DOC':
        this.closeDocument();
        this.document = openDocument(segment, this.ctx, traveller);
        return true;
      default:
        return IGNORED_TAGS.has(segment.tag);
    }
  }

  /** Ends the open traveller (at the next NAD, CNT, UNT or end of message). */
  finish(): void {
    this.closeDocument();
    if (this.traveller && this.start) finishTraveller(this.traveller, this.start, this.ctx);
    this.traveller = undefined;
    this.start = undefined;
  }

  private closeDocument(): void {
    if (this.document && this.traveller) closeDocument(this.document, this.ctx, this.traveller);
    this.document = undefined;
  }

  /** ATT+2++F: attribute 2 is gender, its value in element 3. */
  private att(segment: Segment, traveller: PaxlstTraveller): void {
    if (valueAt(segment, 1) !== '2') {
      this.ctx.report(
        segment,
        'unknown-qualifier',
        `attribute qualifier ${JSON.stringify(valueAt(segment, 1))}; 2 (gender) expected`,
        { element: 1, traveller, severity: 'warning' },
      );
      return;
    }
    const sex = valueAt(segment, 3).toUpperCase();
    if (SEX_CODES.has(sex)) traveller.sex = sex as Sex;
    else
      this.ctx.report(segment, 'unknown-qualifier', `sex ${JSON.stringify(sex)} is not M, F, U or X`, {
        element: 3,
        traveller,
      });
  }

  private dtm(segment: Segment, traveller: PaxlstTraveller): void {
    const qualifier = valueAt(segment, 1);
    if (qualifier === DATE_QUALIFIERS.birth) {
      const iso = this.ctx.date(segment, 'birth', 'date of birth', traveller);
      if (iso) traveller.birthDate = iso;
      return;
    }
    if (this.document && documentDate(this.document, segment, this.ctx, traveller)) return;
    const dateOfDocument = qualifier === DATE_QUALIFIERS.expiry || qualifier === DATE_QUALIFIERS.issue;
    this.ctx.report(
      segment,
      dateOfDocument ? 'unexpected-segment' : 'unknown-qualifier',
      dateOfDocument
        ? `document date (DTM ${qualifier}) with no DOC before it`
        : `date qualifier ${JSON.stringify(qualifier)} is not a traveller date (329, 36, 182)`,
      { element: 1, traveller, severity: 'warning' },
    );
  }

  private loc(segment: Segment, traveller: PaxlstTraveller): void {
    const qualifier = valueAt(segment, 1);
    // LOC+180+:::Hartford USA: a place written out goes in the name component (2.4).
    const place = valueAt(segment, 2) || valueAt(segment, 2, 4);
    switch (qualifier) {
      case TRAVELLER_LOCATIONS.issuingState:
        if (this.document) documentIssuingState(this.document, segment);
        else
          this.ctx.report(segment, 'unexpected-segment', 'issuing state (LOC 91) with no DOC before it', {
            traveller,
          });
        return;
      case TRAVELLER_LOCATIONS.embarkation:
        traveller.portOfEmbarkation = place;
        break;
      case TRAVELLER_LOCATIONS.disembarkation:
        traveller.portOfDisembarkation = place;
        break;
      case TRAVELLER_LOCATIONS.residence:
        traveller.countryOfResidence = place;
        break;
      case TRAVELLER_LOCATIONS.birthPlace:
        traveller.placeOfBirth = place;
        break;
      case TRAVELLER_LOCATIONS.clearance:
        traveller.portOfClearance = place;
        break;
      default:
        this.ctx.report(
          segment,
          'unknown-qualifier',
          `location qualifier ${JSON.stringify(qualifier)} is not a traveller location (178, 179, 174, 180, 22, 91)`,
          { element: 1, traveller, severity: 'warning' },
        );
        return;
    }
    if (place === '')
      this.ctx.report(segment, 'missing-value', `no location in LOC ${qualifier}`, {
        element: 2,
        traveller,
        severity: 'warning',
      });
  }

  /** RFF+AVF:7F5F21: qualifier and value in element 1. */
  private rff(segment: Segment, traveller: PaxlstTraveller): void {
    const qualifier = valueAt(segment, 1, 1);
    const value = valueAt(segment, 1, 2);
    if (value === '') {
      this.ctx.report(segment, 'missing-value', `no reference in RFF 1.2 (${qualifier})`, {
        element: 1,
        component: 2,
        traveller,
        severity: 'warning',
      });
      return;
    }
    traveller.references.push({ qualifier, value });
    if (qualifier === SEAT_REFERENCE) traveller.seat = value;
    else traveller.reservationRefs.push(value);
  }
}
