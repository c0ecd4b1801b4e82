import type { IHeaders } from 'kafkajs';

/** Header names every docscreen event carries beside its protobuf payload. */
export const HEADERS = Object.freeze({
  CONTENT_TYPE: 'content-type',
  EVENT_TYPE: 'x-event-type',
  EVENT_ID: 'x-event-id',
  CORRELATION_ID: 'x-correlation-id',
  TRACEPARENT: 'traceparent',
  TRACESTATE: 'tracestate',
  DLQ_REASON: 'x-dlq-reason',
  DLQ_ERROR: 'x-dlq-error',
  DLQ_SOURCE: 'x-dlq-source',
  DLQ_ATTEMPTS: 'x-dlq-attempts',
  /** On a dead letter whose payload was too large to keep beside its headers: the payload's size. */
  DLQ_PAYLOAD_DROPPED: 'x-dlq-payload-dropped-bytes',
  /** On a re-driven record: the dead letter it came from, `<dead-letter topic>/<offset>`. */
  REDRIVEN_FROM: 'x-redriven-from',
  /** On a re-driven record: the operator who re-drove it. */
  REDRIVEN_BY: 'x-redriven-by',
} as const);

export type Headers = Record<string, string>;

/** kafkajs headers come back as Buffers (or arrays of them); we only ever write single strings. */
export function readHeaders(raw: IHeaders | undefined): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
