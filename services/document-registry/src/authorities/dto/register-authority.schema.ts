import { z } from 'zod';

// Every field is stored, and the code is indexed: each has its limit (also in the OpenAPI document).
export const RegisterAuthoritySchema = z.object({
  code: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens, e.g. "uto-passport-office"'),
  name: z.string().trim().min(1).max(200),
  issuingState: z.string().regex(/^[A-Z]{1,3}$/, 'an ICAO 9303 state code such as "UTO" or "D"'),
});

export type RegisterAuthority = z.output<typeof RegisterAuthoritySchema>;
