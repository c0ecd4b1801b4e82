/**
 * How much a carrier may send per traveller and per message, JSON and PAXLST alike. Every event built
 * from a traveller — PassengerReported here; ScreeningCompleted, AlertRaised and BoardingDirective in
 * screening — grows with these, so they keep each event far below the broker's record limit (Kafka's
 * default, about 1 MB): a traveller at every limit encodes to a few kilobytes. The lengths are
 * EDIFACT's own element sizes (an..35) where PAXLST defines them, and what ICAO Doc 9303 allows for
 * names and machine-readable zones. Travellers per message and body size are configuration
 * (MAX_TRAVELLERS_PER_MANIFEST, INTERACTIVE_MAX_TRAVELLERS, MAX_BODY_BYTES).
 *
 * The JSON schema (maxLength, maxItems: also the OpenAPI document) and the PAXLST checks read them from
 * here; services/carrier-gateway/README.md lists them.
 */
export const MANIFEST_LIMITS = Object.freeze({
  /** Flight legs in one message: every traveller's event carries all of them. */
  legsPerMessage: 8,
  /** Travel documents (passport, visa, identity card…) of one traveller. */
  documentsPerTraveller: 5,
  /** Surname, and given names together. */
  nameLength: 70,
  documentNumberLength: 35,
  /** Codes and places as sent: document type, states, nationality, residence, ports. */
  codeLength: 35,
  /** The carrier's references: reservation, traveller reference in PAXLST (RFF), message reference. */
  referenceLength: 35,
  /** The JSON traveller reference (PAXLST travellers are referenced by position). */
  travellerRefLength: 64,
  mrzLines: 3,
  mrzLineLength: 44,
});

/** Why a value is over its limit, the same words in both formats. */
export const tooLong = (what: string, length: number, limit: number): string =>
  `${what} is ${length} characters long; at most ${limit} are accepted`;
