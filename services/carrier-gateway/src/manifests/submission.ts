import type { JsonManifest, JsonTraveller } from './dto/json-manifest.schema.js';

/** A traveller as the gateway publishes it: JSON's shape, with what PAXLST may leave unknown. */
export type ManifestTraveller = Omit<JsonTraveller, 'sex' | 'birthDate' | 'documents'> & {
  sex?: JsonTraveller['sex'] | 'U';
  birthDate?: string;
  /**
   * PAXLST: the carrier's own reference of the traveller (RFF ABO), which an interactive answer
   * (CUSRES) must quote back; `travellerRef` is the traveller's position, unique in the message.
   */
  carrierRef?: string;
  documents: (Omit<JsonTraveller['documents'][number], 'type'> & { type: string })[];
};

/** One manifest, whichever format it came in. */
export interface Manifest {
  messageRef?: string | undefined;
  legs: JsonManifest['legs'];
  travellers: ManifestTraveller[];
}

/** A defect in the message that did not stop the travellers it concerns (PAXLST warnings, partial data). */
export interface MessageDefect {
  segment: number;
  tag: string;
  element?: string;
  message: string;
  severity: 'error' | 'warning';
  /** Stable kind: PAXLST defect code, `over-limit`, `control-character`, or a JSON issue code. */
  code: string;
}

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
  manifest: Manifest;
  rejected: RejectedTraveller[];
  /** PAXLST: why each of `rejected` was, as a bounded code for the metrics (manifests.metrics.ts). */
  rejectionCodes?: readonly string[];
  defects: MessageDefect[];
  /** The message's own reference (JSON messageRef, PAXLST interchange/message refs), for idempotency. */
  messageKey: string | undefined;
  source: { interchangeRef?: string; messageRef?: string; senderId?: string };
}
