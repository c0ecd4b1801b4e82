import { trace } from '@opentelemetry/api';

/**
 * The span attribute under which every service records the correlation id a carrier sent (or the
 * gateway gave) a submission: an operator finds the submission's trace in Zipkin or Jaeger by it,
 * from the receipt (`annotationQuery=docscreen.correlation_id=<id>`). Never personal data.
 */
export const CORRELATION_ID_ATTRIBUTE = 'docscreen.correlation_id';

/** Records the correlation id on the span in progress (the request's or the event's). */
export function tagCorrelationId(correlationId: string): void {
  trace.getActiveSpan()?.setAttribute(CORRELATION_ID_ATTRIBUTE, correlationId);
}
