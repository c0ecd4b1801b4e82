import { randomUUID } from 'node:crypto';
import { tagCorrelationId } from '@docscreen/observability';

/**
 * The correlation id of a submission: the carrier's `X-Correlation-Id` (first 64 characters), or a new
 * one. Recorded on the request's span, so that the receipt's id finds the trace (README, "Traces").
 */
export function correlationFor(header: string | undefined): string {
  const correlationId = header?.slice(0, 64) || randomUUID();
  tagCorrelationId(correlationId);
  return correlationId;
}
