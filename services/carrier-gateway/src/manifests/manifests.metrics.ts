import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import type { PaxlstError, PaxlstTraveller } from '@docscreen/edifact';
import { tap, type Observable } from 'rxjs';
import type { CarrierRequest } from '../carriers/carrier-auth.guard.js';
import type { ManifestReceipt } from './dto/manifest-receipt.js';
import { MANIFEST_MEDIA_TYPES, mediaTypeOf } from './media-types.js';
import type { IncomingManifest, MessageDefect } from './submission.js';

// The carriers' side of the gateway in figures (services/carrier-gateway/README.md, "Metrics"). Labels
// are bounded: a registered carrier's IATA code, the format, a result or reason from a fixed list —
// never a flight, submission, traveller or document.

const meter = metrics.getMeter('carrier-gateway');

const HOUR = 3_600;

const MANIFESTS = meter.createCounter('docscreen.gateway.manifests', {
  description: 'POST /v1/manifests answered, by carrier, format and result',
});
const TRAVELLERS_ACCEPTED = meter.createCounter('docscreen.gateway.travellers.accepted', {
  description: 'Travellers accepted and published (manifests and interactive queries), by carrier and format',
});
const TRAVELLERS_REJECTED = meter.createCounter('docscreen.gateway.travellers.rejected', {
  description: 'Travellers of an accepted message that could not be read, by carrier, format and reason',
});
const PAXLST_DEFECTS = meter.createCounter('docscreen.gateway.paxlst.defects', {
  description:
    'Defects found in PAXLST messages read (manifests and interactive queries), by code and severity',
});
const LEAD_TIME = meter.createHistogram('docscreen.gateway.manifest.lead_time_seconds', {
  description:
    'How long before its first scheduled departure a message was accepted (departures after receipt only), by carrier',
  unit: 's',
  advice: {
    explicitBucketBoundaries: [
      0.25 * HOUR,
      0.5 * HOUR,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      24 * HOUR,
      72 * HOUR,
      168 * HOUR,
    ],
  },
});
const LATENESS = meter.createHistogram('docscreen.gateway.manifest.lateness_seconds', {
  description:
    'How long after its first scheduled departure a message was accepted (late messages only), by carrier',
  unit: 's',
  advice: { explicitBucketBoundaries: [60, 300, 900, 1_800, HOUR, 2 * HOUR, 6 * HOUR, 24 * HOUR] },
});

/** What POST /v1/manifests answered, as the `result` label. */
export type ManifestResult =
  'accepted' | 'partial' | 'replayed' | 'unreadable' | 'too-large' | 'refused' | 'unavailable' | 'error';

export function manifestResultOf(status: number): ManifestResult {
  if (status === 400) return 'unreadable';
  if (status === 413) return 'too-large';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'refused';
  return 'error';
}

export function formatOf(contentType: string | string[] | undefined): 'json' | 'paxlst' | 'other' {
  const type = mediaTypeOf(contentType);
  if (type === 'application/json') return 'json';
  return MANIFEST_MEDIA_TYPES.includes(type) ? 'paxlst' : 'other';
}

/**
 * Why a PAXLST traveller was rejected, as a bounded code: over a manifest limit, not a role the gateway
 * reads, or the code of its first defect (`missing-document-number`, `bad-date`…).
 */
export function paxlstRejectionCodes(
  rejected: readonly PaxlstTraveller[],
  overLimits: ReadonlyMap<PaxlstTraveller, readonly MessageDefect[]>,
  isTravellerRole: (t: PaxlstTraveller) => boolean,
): string[] {
  return rejected.map((t) => {
    if ((overLimits.get(t)?.length ?? 0) > 0) return 'over-limit';
    if (t.readable && !isTravellerRole(t)) return 'not-a-traveller';
    return t.errors[0]?.code ?? 'unreadable-traveller';
  });
}

/** A JSON traveller's rejection by the first field at fault (`travellers.3.documents.0.number: …` → documents). */
export function jsonRejectionCode(reason: string): string {
  const field = /^travellers\.\d+\.([A-Za-z]+)/.exec(reason)?.[1];
  return field ? `invalid-${field}` : 'invalid-traveller';
}

export function countPaxlstDefects(errors: readonly PaxlstError[]): void {
  for (const error of errors) PAXLST_DEFECTS.add(1, { code: error.code, severity: error.severity });
}

/** Once a message's travellers are published: accepted and rejected travellers, and timing. */
export function recordAcceptedMessage(
  carrier: string,
  incoming: IncomingManifest,
  accepted: number,
  receivedAt: Date,
): void {
  TRAVELLERS_ACCEPTED.add(accepted, { carrier, format: incoming.format });
  incoming.rejected.forEach((rejected, index) => {
    const reason =
      incoming.format === 'paxlst'
        ? (incoming.rejectionCodes?.[index] ?? 'unreadable-traveller')
        : jsonRejectionCode(rejected.reason);
    TRAVELLERS_REJECTED.add(1, { carrier, format: incoming.format, reason });
  });
  const departure = firstDeparture(incoming);
  if (departure === undefined) return;
  const seconds = (departure - receivedAt.getTime()) / 1_000;
  if (seconds >= 0) LEAD_TIME.record(seconds, { carrier });
  else LATENESS.record(-seconds, { carrier });
}

/**
 * The first leg's scheduled departure. Legs carry the departure airport's local clock without its
 * offset, and the gateway has no airport time zones yet: the clock is read as UTC, so lead time and
 * lateness are within the departure airport's offset (at most ±14 h) of the truth.
 */
function firstDeparture(incoming: IncomingManifest): number | undefined {
  const local = incoming.manifest.legs[0]?.scheduledDepartureLocal;
  if (!local) return undefined;
  const time = Date.parse(`${local.length === 16 ? `${local}:00` : local.slice(0, 19)}Z`);
  return Number.isNaN(time) ? undefined : time;
}

interface ManifestHttpResponse {
  getHeader(name: string): unknown;
}

/** Counts every answer of POST /v1/manifests (after authentication) by carrier, format and result. */
@Injectable()
export class ManifestMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<CarrierRequest>();
    const labels = {
      carrier: request.carrier?.iataCode ?? 'unknown',
      format: formatOf(request.headers['content-type']),
    };
    return next.handle().pipe(
      tap({
        next: (receipt) => {
          const replayed = http.getResponse<ManifestHttpResponse>().getHeader('Idempotent-Replayed');
          const { rejected } = receipt as ManifestReceipt;
          const result = replayed ? 'replayed' : rejected.length > 0 ? 'partial' : 'accepted';
          MANIFESTS.add(1, { ...labels, result });
        },
        error: (error: unknown) =>
          MANIFESTS.add(1, {
            ...labels,
            result: error instanceof HttpException ? manifestResultOf(error.getStatus()) : 'error',
          }),
      }),
    );
  }
}
