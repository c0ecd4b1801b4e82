import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdmissionControl } from './admission-control.js';
import { mediaTypeOf } from './media-types.js';

/**
 * MANIFEST_MAX_IN_FLIGHT for `POST /v1/manifests`, as the first middleware of the application: a
 * saturated replica answers 503 with Retry-After before reading the body (up to MAX_BODY_BYTES),
 * authenticating or counting the rate limit — nothing was stored, so nothing is acknowledged. A
 * manifest holds its slot from its arrival until its answer has gone (or the client went away).
 */
export function manifestAdmission(admission: AdmissionControl) {
  const retryAfter = String(admission.config.SATURATED_RETRY_AFTER_SECONDS);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (request.method !== 'POST' || (request.url ?? '').split('?')[0] !== '/v1/manifests') return next();
    const release = admission.intake.tryEnter();
    if (release) {
      response.once('close', release);
      return next();
    }
    admission.countShed(
      'saturated',
      mediaTypeOf(request.headers['content-type']).includes('json') ? 'json' : 'paxlst',
    );
    const body = JSON.stringify({
      statusCode: 503,
      error: 'SERVICE_UNAVAILABLE',
      message: `this replica has ${admission.intake.limit} submissions in flight; nothing was accepted, resend after Retry-After seconds`,
      retryAfterSeconds: Number(retryAfter),
    });
    // The body is not parsed: Node discards what is left of it once the answer has gone.
    response.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': retryAfter,
    });
    response.end(body);
  };
}
