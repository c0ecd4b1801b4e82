import { PayloadTooLargeException } from '@nestjs/common';

/**
 * The traveller limit of one message (MAX_TRAVELLERS_PER_MANIFEST, or INTERACTIVE_MAX_TRAVELLERS for
 * a check-in query), counted alike in both formats: every traveller the message holds, readable or
 * not — each would be answered, published or rejected. Over it: 413 naming the count and the limit,
 * before anything of the message is accepted.
 */
export function assertTravellerCount(count: number, limit: number): void {
  if (count <= limit) return;
  throw new PayloadTooLargeException({
    message: `${count} travellers in one message; at most ${limit} are accepted: split it`,
    travellers: count,
    limit,
  });
}
