/**
 * The body of a legacy US-EDIFACT PAXLST (`PAXLST:001:000`), as US CBP took it before UN/EDIFACT
 * PAXLST: CTA (reporting party), TDT with LOC/DTM (progressive ports), UNS, then one PDT per traveller:
 *
 *   PDT+P/E54321A:980831:IE+O?'LEARY:KRIS:ANN:331231:F+PAX+NZAKL:USLAX
 *        doc/number:expiry:country  surname:first:middle:birth:sex  status  embark:debark
 *
 * There is no BGM and no CNT in this dialect, and no nationality.
 */
import { type Segment, valueAt } from '../segment.js';
import { PDT_ROLES, SEX_CODES } from './codes.js';
import type { MappingContext } from './context.js';
import { pdtDocument } from './documents.js';
import { FlightsBuilder } from './flights.js';
import { finishTraveller, givenNames, newTraveller } from './travellers.js';
import type { PaxlstMessage, PaxlstReportingParty, PaxlstTraveller, Sex } from './types.js';
import { addContacts } from './un-message.js';

/** `NZAKL` is country + airport; a bare airport is accepted with a warning. */
function port(
  segment: Segment,
  component: number,
  what: string,
  traveller: PaxlstTraveller,
  ctx: MappingContext,
): string | undefined {
  const value = valueAt(segment, 4, component);
  if (value === '') return undefined;
  if (value.length === 5) return value.slice(2);
  ctx.report(
    segment,
    'malformed-element',
    `${what} ${JSON.stringify(value)} should be a country and an airport code (5 characters, e.g. USLAX)`,
    { element: 4, component, traveller, severity: 'warning' },
  );
  return value;
}

export function mapPdt(segment: Segment, ctx: MappingContext): PaxlstTraveller {
  const status = valueAt(segment, 3).toUpperCase();
  // An absent status is read as PAX (this dialect's passenger lists do leave it out); a status we do
  // not know is not guessed.
  const role = status === '' ? 'passenger' : (PDT_ROLES[status] ?? 'unknown');
  const traveller = newTraveller(ctx, segment, role, status);
  if (status === '') {
    ctx.report(segment, 'missing-value', 'no person status in PDT 3; read as PAX (passenger)', {
      element: 3,
      traveller,
      severity: 'warning',
    });
  } else if (role === 'unknown') {
    ctx.report(
      segment,
      'unknown-qualifier',
      `person status ${JSON.stringify(status)} is not PAX, CRW or ITI`,
      { element: 3, traveller },
    );
  }
  traveller.surname = valueAt(segment, 2, 1);
  // Given and middle names are components 2 and 3; 4 and 5 are birth date and sex.
  traveller.givenNames = givenNames((segment.elements[1] ?? []).slice(0, 3));
  if (traveller.surname === '') {
    ctx.report(segment, 'missing-name', `traveller ${traveller.index} has no surname in PDT 2.1`, {
      element: 2,
      component: 1,
      traveller,
    });
  }
  if (valueAt(segment, 2, 4) !== '') {
    const iso = ctx.date(segment, 'birth', 'date of birth', traveller, {
      element: 2,
      component: 4,
      format: '101',
    });
    if (iso) traveller.birthDate = iso;
  }
  const sex = valueAt(segment, 2, 5).toUpperCase();
  if (SEX_CODES.has(sex)) traveller.sex = sex as Sex;
  else if (sex !== '')
    ctx.report(segment, 'unknown-qualifier', `sex ${JSON.stringify(sex)} is not M, F, U or X`, {
      element: 2,
      component: 5,
      traveller,
    });
  const embarkation = port(segment, 1, 'port of embarkation', traveller, ctx);
  const disembarkation = port(segment, 2, 'port of disembarkation', traveller, ctx);
  if (embarkation) traveller.portOfEmbarkation = embarkation;
  if (disembarkation) traveller.portOfDisembarkation = disembarkation;
  pdtDocument(segment, ctx, traveller);
  finishTraveller(traveller, segment, ctx, { nationality: false });
  return traveller;
}

/** Returns no CNT segments: the dialect has none. */
export function mapUsBody(body: Segment[], message: PaxlstMessage, ctx: MappingContext): Segment[] {
  const flights = new FlightsBuilder(ctx, 'us-legacy');
  let inTravellers = false;
  for (const segment of body) {
    switch (segment.tag) {
      case 'CTA': {
        // CTA+IC+:FRED SAMPLES+1-703-644-5200:TE+1-703-566-8224:FX
        const party: PaxlstReportingParty = {};
        const name = valueAt(segment, 2, 2) || valueAt(segment, 2, 1);
        if (name !== '') party.name = name;
        addContacts(party, segment, 3);
        message.reportingParty = party;
        break;
      }
      case 'TDT':
        flights.tdt(segment);
        break;
      case 'LOC':
        flights.loc(segment);
        break;
      case 'DTM':
        flights.dtm(segment);
        break;
      case 'UNS':
        flights.finish();
        inTravellers = true;
        break;
      case 'PDT':
        if (!inTravellers) {
          ctx.report(segment, 'unexpected-segment', 'PDT before the UNS section separator', {
            severity: 'warning',
          });
        }
        message.travellers.push(mapPdt(segment, ctx));
        break;
      default:
        ctx.report(
          segment,
          'unexpected-segment',
          `${segment.tag} is not part of a legacy US PAXLST message; ignored`,
          { severity: 'warning' },
        );
    }
  }
  flights.finish();
  message.flights = flights.flights;
  message.documentCode = '';
  const roles = new Set(message.travellers.map((t) => t.role));
  message.listType =
    roles.size === 1 && roles.has('crew') ? 'crew' : roles.size === 0 ? 'other' : 'passenger';
  return [];
}
