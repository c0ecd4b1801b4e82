import { context, propagation, type Context } from '@opentelemetry/api';
import type { Headers } from './headers.js';

/** W3C trace context of `trace` (the active span's by default), written into an event's headers. */
export function injectTraceContext(headers: Headers, trace: Context = context.active()): Headers {
  propagation.inject(trace, headers);
  return headers;
}

/** The producer's trace context, so the consumer's work joins the same trace. */
export function extractTraceContext(headers: Headers): Context {
  return propagation.extract(context.active(), headers);
}
