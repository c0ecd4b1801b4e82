import { z } from 'zod';

export const RegisterAuthoritySchema = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens, e.g. "uto-passport-office"'),
  name: z.string().trim().min(1).max(200),
  issuingState: z.string().regex(/^[A-Z]{1,3}$/, 'an ICAO 9303 state code such as "UTO" or "D"'),
});

export type RegisterAuthority = z.output<typeof RegisterAuthoritySchema>;
