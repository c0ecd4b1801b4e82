import { z } from 'zod';
import { agencyAlertTopic, ALERT_SEVERITIES } from '@docscreen/contracts';
import {
  DOCUMENT_VALIDITY,
  ISSUING_AUTHORITY,
  LOST_STOLEN,
  MRZ_CONSISTENCY,
  MRZ_INTEGRITY,
  VISA_SCRUTINY,
} from '@docscreen/screening-rules';
import { MAX_WEBHOOK_URL_LENGTH } from '@docscreen/webhooks';

/** The checks whose findings raise alerts: an agency filters on these names (reason.check). */
export const ALERT_TYPES = [
  LOST_STOLEN,
  MRZ_INTEGRITY,
  MRZ_CONSISTENCY,
  DOCUMENT_VALIDITY,
  ISSUING_AUTHORITY,
  VISA_SCRUTINY,
] as const;

const isAgencyCode = (code: string): boolean => {
  try {
    agencyAlertTopic(code);
    return true;
  } catch {
    return false;
  }
};

// The code names the agency's topic, so it must be a valid topic part: the contracts decide.
const agencyCode = z
  .string()
  .max(32)
  .refine(isAgencyCode, '2-32 lowercase letters in hyphen-separated words, e.g. "nl-kmar"');
const stateCode = z.string().regex(/^[A-Z]{1,3}$/, 'an ICAO 9303 state code such as "NLD" or "D"');
const airportCode = z.string().regex(/^[A-Z]{3}$/, 'an IATA airport code such as "AMS"');
const unique = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(500)
    .transform((values) => [...new Set(values)]);
// Signed bodies go only where an operator registered. Which URLs are acceptable (https on a public
// host, no credentials) depends on WEBHOOK_ALLOW_PRIVATE_TARGETS: AgenciesService checks the policy.
const webhookUrl = z.string().max(MAX_WEBHOOK_URL_LENGTH);

const responsibility = {
  states: unique(stateCode),
  ports: unique(airportCode),
  /** Empty: every type. */
  alertTypes: unique(z.enum(ALERT_TYPES)),
  minSeverity: z.enum(ALERT_SEVERITIES),
  /** The national desk: receives what no responsible agency admits. */
  fallback: z.boolean(),
};

export const NEEDS_A_SCOPE = {
  message: 'an agency needs states or ports it is responsible for, or fallback: true',
  path: ['states'],
};

export const RegisterAgencySchema = z
  .object({
    code: agencyCode,
    name: z.string().trim().min(1).max(200),
    states: responsibility.states.default([]),
    ports: responsibility.ports.default([]),
    alertTypes: responsibility.alertTypes.default([]),
    minSeverity: responsibility.minSeverity.default('info'),
    fallback: responsibility.fallback.default(false),
    /** Publish its alerts to alerts.<code>.v1. */
    kafka: z.boolean().default(false),
    /** POST its alerts here, signed with a secret answered once. */
    webhookUrl: webhookUrl.optional(),
  })
  .refine((a) => a.states.length > 0 || a.ports.length > 0 || a.fallback, NEEDS_A_SCOPE);

export const UpdateAgencySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    states: responsibility.states,
    ports: responsibility.ports,
    alertTypes: responsibility.alertTypes,
    minSeverity: responsibility.minSeverity,
    fallback: responsibility.fallback,
    kafka: z.boolean(),
    /** null removes the webhook channel (and its secret). */
    webhookUrl: webhookUrl.nullable(),
    /** false: the agency gets no new alerts and its token stops working. */
    active: z.boolean(),
    /** Issue a new API token (answered once); the old one stops working at once. */
    rotateToken: z.literal(true),
    /** Issue a new webhook signing secret (answered once); deliveries from now on are signed with it. */
    rotateWebhookSecret: z.literal(true),
  })
  .partial()
  .strict();

export type RegisterAgency = z.output<typeof RegisterAgencySchema>;
export type UpdateAgency = z.output<typeof UpdateAgencySchema>;
