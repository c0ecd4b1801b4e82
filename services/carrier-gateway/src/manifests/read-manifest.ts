import { UnsupportedMediaTypeException } from '@nestjs/common';
import { MANIFEST_MEDIA_TYPES, mediaTypeOf } from './media-types.js';
import { readJsonManifest } from './read-json-manifest.js';
import { readPaxlstManifest } from './read-paxlst-manifest.js';
import type { IncomingManifest } from './submission.js';

/** The request as the manifest readers need it: its headers and the bytes exactly as received. */
export interface RawManifestRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
}

/**
 * Reads a carrier's message by its Content-Type — JSON manifest or UN/EDIFACT PAXLST — with the same
 * acceptance rules for batch manifests and interactive queries; 415 for any other media type.
 */
export function readManifest(request: RawManifestRequest, maxTravellers: number): IncomingManifest {
  const contentType = mediaTypeOf(request.headers['content-type']);
  const raw = request.rawBody ?? Buffer.alloc(0);
  if (contentType === 'application/json') return readJsonManifest(raw, contentType, maxTravellers);
  if (MANIFEST_MEDIA_TYPES.includes(contentType)) return readPaxlstManifest(raw, contentType, maxTravellers);
  throw new UnsupportedMediaTypeException(
    `Content-Type "${contentType}" is not accepted; send ${MANIFEST_MEDIA_TYPES.join(', ')}`,
  );
}
