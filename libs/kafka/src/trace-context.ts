import { context, propagation, type Context } from '@opentelemetry/api';
import type { Headers } from './headers.js';

/** W3C trace context of the active span, written into an event's headers. */
export function injectTraceContext(headers: Headers): Headers {
  propagation.inject(context.active(), headers);
  return headers;
}

/** The producer's trace context, so the consumer's work joins the same trace. */
export function extractTraceContext(headers: Headers): Context {
  return propagation.extract(context.active(), headers);
}
