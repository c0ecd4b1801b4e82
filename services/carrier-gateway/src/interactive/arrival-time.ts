import type { IncomingMessage, Server } from 'node:http';
import { performance } from 'node:perf_hooks';

const ARRIVED_AT = Symbol('arrivedAt');

/**
 * Stamps every request with the moment Node handed it to the server: its headers parsed, nothing else
 * run yet — before Express, the body parsers, authentication and the rate limit, which can all wait on a
 * busy event loop. The interactive budget counts from here, so a query that queued in front of the
 * handler is not promised the whole budget again. (Time before this, in the kernel's socket buffers
 * while the event loop is blocked, cannot be seen from JavaScript.) A raw listener rather than a
 * middleware: `prependListener` runs it before the Express application, whatever is registered later.
 */
export function stampArrivals(server: Server): void {
  server.prependListener('request', (request: IncomingMessage) => {
    (request as unknown as Record<symbol, number>)[ARRIVED_AT] = performance.now();
  });
}

/** When the request arrived (`performance.now()` clock); now, for a request that was not stamped. */
export function arrivedAt(request: object): number {
  return (request as Record<symbol, number | undefined>)[ARRIVED_AT] ?? performance.now();
}
