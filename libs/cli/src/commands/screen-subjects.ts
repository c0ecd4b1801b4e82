import { parsePaxlst, type PaxlstTraveller } from '@docscreen/edifact';
import type { ScreeningSubject, SubjectLeg, TravellerRole } from '@docscreen/screening-rules';
import { documentTypeName } from '@docscreen/travel-documents';

/** A traveller to screen, with the carrier's reference to print beside the result. */
export interface SubjectToScreen {
  ref: string;
  subject: ScreeningSubject;
}

/** Travellers of a manifest file the CLI cannot use, with why (exit 2). */
export class UnusableManifestError extends Error {}

const ROLES: Partial<Record<PaxlstTraveller['role'], TravellerRole>> = {
  passenger: 'passenger',
  crew: 'crew',
  'crew-other': 'crew',
  'in-transit-passenger': 'transit-passenger',
  'in-transit-crew': 'transit-crew',
};

const legOf = (l: {
  departureAirport: string;
  arrivalAirport: string;
  scheduledDepartureLocal?: string | undefined;
  scheduledArrivalLocal?: string | undefined;
}): SubjectLeg => ({
  departureAirport: l.departureAirport,
  arrivalAirport: l.arrivalAirport,
  departureDate: (l.scheduledDepartureLocal ?? '').slice(0, 10),
  arrivalDate: l.scheduledArrivalLocal?.slice(0, 10),
});

/** The travellers of a PAXLST message or a JSON manifest (the gateway's format), as the rules see them. */
export function subjectsOf(text: string): SubjectToScreen[] {
  return text.trimStart().startsWith('{') ? subjectsOfJson(text) : subjectsOfPaxlst(text);
}

function subjectsOfPaxlst(text: string): SubjectToScreen[] {
  const result = parsePaxlst(text);
  const subjects: SubjectToScreen[] = [];
  for (const message of result.messages) {
    const legs = message.flights.flatMap((f) => f.legs).map(legOf);
    for (const t of message.travellers) {
      const role = ROLES[t.role];
      if (!t.readable || !role) continue;
      subjects.push({
        ref: `#${t.index}`,
        subject: {
          role,
          surname: t.surname,
          givenNames: t.givenNames,
          birthDate: t.birthDate ?? '',
          sex: t.sex === 'U' ? '' : (t.sex ?? ''),
          nationality: t.nationality ?? '',
          documents: t.documents.map((d) => ({
            code: d.type,
            type: documentTypeName(d.type) ?? 'OTHER',
            number: d.number,
            issuingState: d.issuingState ?? '',
            issueDate: d.issueDate,
            expiryDate: d.expiryDate,
            mrzLines: [],
          })),
          legs,
          portOfEmbarkation: t.portOfEmbarkation ?? legs[0]?.departureAirport ?? '',
          portOfDisembarkation: t.portOfDisembarkation ?? legs.at(-1)?.arrivalAirport ?? '',
          transitPorts: [],
        },
      });
    }
  }
  if (subjects.length === 0)
    throw new UnusableManifestError(
      `no readable traveller in the PAXLST message (${result.errors.length} defects: ${result.errors
        .slice(0, 3)
        .map((e) => `segment ${e.segment} ${e.tag}: ${e.message}`)
        .join('; ')})`,
    );
  return subjects;
}

interface JsonManifest {
  legs?: {
    departureAirport: string;
    arrivalAirport: string;
    scheduledDepartureLocal?: string;
    scheduledArrivalLocal?: string;
  }[];
  travellers?: {
    travellerRef?: string;
    role?: string;
    surname?: string;
    givenNames?: string;
    birthDate?: string;
    sex?: string;
    nationality?: string;
    portOfEmbarkation?: string;
    portOfDisembarkation?: string;
    documents?: {
      type: string;
      number: string;
      issuingState: string;
      expiryDate?: string;
      issueDate?: string;
      mrz?: string[];
    }[];
  }[];
}

function subjectsOfJson(text: string): SubjectToScreen[] {
  let manifest: JsonManifest;
  try {
    manifest = JSON.parse(text) as JsonManifest;
  } catch (error) {
    throw new UnusableManifestError(`not JSON: ${(error as Error).message}`);
  }
  if (
    !Array.isArray(manifest.travellers) ||
    manifest.travellers.length === 0 ||
    !Array.isArray(manifest.legs)
  )
    throw new UnusableManifestError(
      'a JSON manifest needs legs[] and travellers[] (docs/examples/manifest.json)',
    );
  const legs = manifest.legs.map(legOf);
  return manifest.travellers.map((t, i) => ({
    ref: t.travellerRef ?? `T${i + 1}`,
    subject: {
      role:
        t.role === 'crew'
          ? 'crew'
          : t.role === 'in-transit-passenger'
            ? 'transit-passenger'
            : t.role === 'in-transit-crew'
              ? 'transit-crew'
              : 'passenger',
      surname: t.surname ?? '',
      givenNames: t.givenNames ?? '',
      birthDate: t.birthDate ?? '',
      sex: t.sex ?? '',
      nationality: t.nationality ?? '',
      documents: (t.documents ?? []).map((d) => ({
        code: d.type,
        type: documentTypeName(d.type) ?? 'OTHER',
        number: d.number,
        issuingState: d.issuingState,
        issueDate: d.issueDate,
        expiryDate: d.expiryDate,
        mrzLines: d.mrz ?? [],
      })),
      legs,
      portOfEmbarkation: t.portOfEmbarkation ?? legs[0]?.departureAirport ?? '',
      portOfDisembarkation: t.portOfDisembarkation ?? legs.at(-1)?.arrivalAirport ?? '',
      transitPorts: legs.slice(0, -1).map((l) => l.arrivalAirport),
    },
  }));
}
