import { z } from 'zod';
import { calendarDate } from '@docscreen/nest-platform';
import { DOCUMENT_STATUSES, readDocumentNumber } from '@docscreen/travel-documents';

const stateCode = z.string().regex(/^[A-Z]{1,3}$/, 'must be an ICAO 9303 state code such as "UTO" or "D"');
const isoDate = calendarDate();
const digits = z.string().regex(/^[0-9]{1,15}$/, 'must be 1 to 15 decimal digits');

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
  'RESIDENCE_PERMIT',
  'CREW_MEMBER_CERTIFICATE',
] as const;

const documentType = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.enum(DOCUMENT_CODES, { error: `must be one of ${DOCUMENT_CODES.join(', ')}` }));

/**
 * As printed; read by the registry as screening reads it (readDocumentNumber: upper case, separators
 * and invisible characters dropped, look-alike letters of other scripts read as Latin). A number
 * that cannot be read is refused with the reason, not stored under whatever was left of it.
 */
const documentNumber = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(35)
  .superRefine((value, context) => {
    const { unreadable } = readDocumentNumber(value);
    if (unreadable !== undefined)
      context.addIssue({ code: 'custom', message: `is unreadable: ${unreadable}` });
  });

const documentIdentity = { issuingState: stateCode, documentType, documentNumber };

const WITHDRAWAL_REASONS = ['recovered', 'cancelled', 'reported-in-error'] as const;

export const ReportRecordSchema = z.object({
  ...documentIdentity,
  status: z.enum(DOCUMENT_STATUSES),
  reportedOn: isoDate,
  lostOn: isoDate.optional(),
  /** The authority's own reference for the case. */
  authorityReference: z.string().trim().max(100).optional(),
});

export const WithdrawRecordSchema = z.object({
  ...documentIdentity,
  reason: z.enum(WITHDRAWAL_REASONS),
});

const seriesIdentity = {
  issuingState: stateCode,
  documentType,
  /** Shared by every number of the series, e.g. "C01"; may be empty. */
  prefix: z.string().trim().max(20).default(''),
  firstNumber: digits,
  lastNumber: digits,
};

const orderedBounds = (s: { firstNumber: string; lastNumber: string }) =>
  s.firstNumber.length === s.lastNumber.length && s.firstNumber <= s.lastNumber;
const BOUNDS_MESSAGE = {
  message: 'firstNumber and lastNumber must have the same number of digits, first <= last',
  path: ['lastNumber'],
};

export const ReportSeriesSchema = z
  .object({
    ...seriesIdentity,
    status: z.enum(DOCUMENT_STATUSES).default('stolen_blank'),
    reportedOn: isoDate,
    authorityReference: z.string().trim().max(100).optional(),
  })
  .refine(orderedBounds, BOUNDS_MESSAGE);

export const WithdrawSeriesSchema = z
  .object({ ...seriesIdentity, reason: z.enum(WITHDRAWAL_REASONS) })
  .refine(orderedBounds, BOUNDS_MESSAGE);

export const LookupSchema = z.object({
  issuingState: stateCode,
  documentNumber,
  documentType: documentType.optional(),
});

export type ReportRecord = z.output<typeof ReportRecordSchema>;
export type WithdrawRecord = z.output<typeof WithdrawRecordSchema>;
export type ReportSeries = z.output<typeof ReportSeriesSchema>;
export type WithdrawSeries = z.output<typeof WithdrawSeriesSchema>;
export type Lookup = z.output<typeof LookupSchema>;
