import type { JsonManifest } from './dto/json-manifest.schema.js';

/** A traveller the gateway could not accept, and why: reported in the receipt, never dropped silently. */
export interface RejectedTraveller {
  travellerRef: string;
  reason: string;
}

/** What a carrier sent, whatever its format, once read: the same checks and the same events follow. */
export interface IncomingManifest {
  format: 'json' | 'paxlst';
  contentType: string;
  raw: Buffer;
  manifest: JsonManifest;
  rejected: RejectedTraveller[];
  /** The message's own reference (JSON messageRef, PAXLST interchange/message refs), for idempotency. */
  messageKey: string | undefined;
  source: { interchangeRef?: string; messageRef?: string; senderId?: string };
}
