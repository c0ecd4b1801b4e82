import { z } from 'zod';

const stateCode = z.string().regex(/^[A-Z]{1,3}$/, 'must be an ICAO 9303 state code such as "UTO" or "D"');
const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** ICAO 9303 / PAXLST document codes the registry accepts (a type name such as PASSPORT works too). */
export const DOCUMENT_CODES = [
  'P',
  'I',
  'A',
  'C',
  'V',
  'AC',
  'PASSPORT',
  'IDENTITY_CARD',
  'VISA',
  'CREW_MEMBER_CERTIFICATE',
] as const;

const documentIdentity = {
  issuingState: stateCode,
  documentType: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.enum(DOCUMENT_CODES, { error: `must be one of ${DOCUMENT_CODES.join(', ')}` })),
  /** As printed; normalised by the registry (upper case, no spaces, hyphens or < fillers). */
  documentNumber: z.string().trim().min(1, 'is required').max(35),
};

export const ReportRecordSchema = z.object({
  ...documentIdentity,
  status: z.enum(['lost', 'stolen', 'revoked', 'invalidated']),
  reportedOn: isoDate,
  lostOn: isoDate.optional(),
  /** The authority's own reference for the case. */
  authorityReference: z.string().trim().max(100).optional(),
});

export const WithdrawRecordSchema = z.object({
  ...documentIdentity,
  reason: z.enum(['recovered', 'cancelled', 'reported-in-error']),
});

export type ReportRecord = z.output<typeof ReportRecordSchema>;
export type WithdrawRecord = z.output<typeof WithdrawRecordSchema>;
