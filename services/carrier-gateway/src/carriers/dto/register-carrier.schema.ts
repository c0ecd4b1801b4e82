import { z } from 'zod';

export const RegisterCarrierSchema = z.object({
  iataCode: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{2}$/, 'must be a 2-character IATA airline designator')),
  name: z.string().trim().min(1).max(100),
  contactEmail: z.email().max(254),
});

export type RegisterCarrier = z.output<typeof RegisterCarrierSchema>;
