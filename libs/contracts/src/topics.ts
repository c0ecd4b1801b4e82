/**
 * Kafka topic names of docscreen events.
 *
 * Rule: `<domain>.<event>.v<N>` — lowercase; `domain` is the bounded context that owns (produces) the
 * topic, `event` names the fact in the past tense with words joined by hyphens, and `vN` is the major
 * version of the payload contract, equal to the `vN` of its protobuf package. A change that
 * `buf breaking` rejects gets a new topic (`….v2`) produced alongside the old one until every consumer
 * has moved; a topic's payload never changes incompatibly. Only `.` and `-` are used as separators:
 * Kafka maps `.` and `_` to the same metric names, so mixing them could make two topics collide.
 *
 * Record keys (see `recordKey`): the registry topic is compacted and keyed by document key; every
 * other topic is keyed by flight key, so all events about one flight stay in order on one partition.
 */
export const TOPICS = Object.freeze({
  /** `docscreen.passenger.v1.PassengerReported`, produced by the carrier gateway. */
  PASSENGER_REPORTED: 'passenger.reported.v1',
  /** `docscreen.registry.v1.DocumentStatusChanged`, compacted, produced by the document registry. */
  DOCUMENT_STATUS_CHANGED: 'registry.document-status-changed.v1',
  /** `docscreen.registry.v1.NationalListChanged`, produced by national systems, applied by the registry. */
  NATIONAL_LIST_CHANGED: 'registry.national-list-changed.v1',
  /** `docscreen.screening.v1.ScreeningCompleted`, one per screened traveller. */
  SCREENING_COMPLETED: 'screening.completed.v1',
  /** `docscreen.screening.v1.AlertRaised`, before routing to agencies (see `agencyAlertTopic`). */
  ALERT_RAISED: 'screening.alert-raised.v1',
  /** `docscreen.directive.v1.BoardingDirective`, addressed to carriers. */
  BOARDING_DIRECTIVE: 'directive.boarding-issued.v1',
} as const);

/** A topic of `TOPICS`: every event topic with a fixed name and a registered schema. */
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The naming rule every event topic, including per-agency alert topics, follows. */
export const TOPIC_NAME_PATTERN = /^[a-z]+\.[a-z-]+\.v[0-9]+$/;

const ALL_TOPICS: ReadonlySet<string> = new Set(Object.values(TOPICS));

/** Whether `value` is one of `TOPICS`. */
export function isTopic(value: string): value is Topic {
  return ALL_TOPICS.has(value);
}

/** Agency codes: 2–32 lowercase letters, optionally in hyphen-separated words, e.g. `nl-kmar`. */
const AGENCY_CODE_PATTERN = /^[a-z]+(?:-[a-z]+)*$/;
const AGENCY_ALERT_TOPIC_PATTERN = /^alerts\.([a-z]+(?:-[a-z]+)*)\.v1$/;

/**
 * The topic an agency receives its alerts on: `alerts.<agency>.v1`, carrying the same
 * `docscreen.screening.v1.AlertRaised` payload as `TOPICS.ALERT_RAISED`. One topic per agency so that
 * access can be granted per agency with a plain topic ACL.
 *
 * @throws RangeError when `agencyCode` is not 2–32 lowercase letters in hyphen-separated words.
 * Codes are not normalised (no lowercasing): configuration must name the agency exactly.
 */
export function agencyAlertTopic(agencyCode: string): string {
  if (!isAgencyCode(agencyCode)) {
    throw new RangeError(
      `invalid agency code ${JSON.stringify(agencyCode)}: expected 2-32 lowercase letters in hyphen-separated words, e.g. "nl-kmar"`,
    );
  }
  return `alerts.${agencyCode}.v1`;
}

/** Whether `topic` is a per-agency alert topic built by `agencyAlertTopic`. */
export function isAgencyAlertTopic(topic: string): boolean {
  const agencyCode = AGENCY_ALERT_TOPIC_PATTERN.exec(topic)?.[1];
  return agencyCode !== undefined && isAgencyCode(agencyCode);
}

function isAgencyCode(code: string): boolean {
  return code.length >= 2 && code.length <= 32 && AGENCY_CODE_PATTERN.test(code);
}

/** IATA airline designators as they appear in a topic name: two or three lowercase letters or digits. */
const CARRIER_DIRECTIVE_TOPIC_PATTERN = /^directives\.([a-z0-9]{2,3})\.v1$/;

/**
 * The topic a carrier receives its boarding directives on: `directives.<carrier>.v1` (the IATA
 * designator in lowercase, e.g. `directives.lh.v1`, `directives.u2.v1`), carrying the same
 * `docscreen.directive.v1.BoardingDirective` payload as `TOPICS.BOARDING_DIRECTIVE`. One topic per
 * carrier so that an airline can be granted read access to its own directives with a plain topic ACL.
 * Designators may contain digits, so this name deliberately falls outside `TOPIC_NAME_PATTERN`'s
 * letters-only event part; nothing inside docscreen consumes these topics (no dead-letter topic).
 *
 * @throws RangeError when `carrierCode` is not two or three letters or digits.
 */
export function carrierDirectiveTopic(carrierCode: string): string {
  const code = carrierCode.toLowerCase();
  if (!/^[a-z0-9]{2,3}$/.test(code)) {
    throw new RangeError(
      `invalid carrier code ${JSON.stringify(carrierCode)}: expected an IATA designator of 2-3 letters or digits, e.g. "LH"`,
    );
  }
  return `directives.${code}.v1`;
}

/** Whether `topic` is a per-carrier directive topic built by `carrierDirectiveTopic`. */
export function isCarrierDirectiveTopic(topic: string): boolean {
  return CARRIER_DIRECTIVE_TOPIC_PATTERN.test(topic);
}

/** Consumer group ids usable in dead-letter topic names: lowercase letters, digits, `-` and `.`. */
const CONSUMER_GROUP_PATTERN = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*$/;
/** Kafka's limit on topic name length. */
const MAX_TOPIC_LENGTH = 249;

/**
 * The dead-letter topic of one consumer group for one topic: `<topic>.dlq.<consumer group>`, e.g.
 * `passenger.reported.v1.dlq.screening`. It holds the original record bytes, key and headers
 * untouched (plus the failure in `x-dlq-*` headers), so they can be inspected and replayed.
 *
 * Per consumer group, not per topic, because groups fail independently: a replay must reach only the
 * group that failed, and one group's poison messages must not show up as another's. The name starts
 * with the source topic so dead letters sort next to it and topic-prefix ACLs cover both.
 *
 * @throws RangeError when `topic` does not follow `TOPIC_NAME_PATTERN`, when `consumerGroup` is not
 * lowercase letters, digits, `-` and `.` (starting with a letter), or when the result would exceed
 * Kafka's 249-character limit.
 */
export function deadLetterTopic(topic: string, consumerGroup: string): string {
  if (!TOPIC_NAME_PATTERN.test(topic)) {
    throw new RangeError(`invalid topic ${JSON.stringify(topic)}: expected <domain>.<event>.v<N>`);
  }
  if (!CONSUMER_GROUP_PATTERN.test(consumerGroup)) {
    throw new RangeError(
      `invalid consumer group ${JSON.stringify(consumerGroup)} for a dead-letter topic: expected lowercase letters, digits, "-" and "."`,
    );
  }
  const name = `${topic}.dlq.${consumerGroup}`;
  if (name.length > MAX_TOPIC_LENGTH) {
    throw new RangeError(`dead-letter topic name exceeds ${MAX_TOPIC_LENGTH} characters: ${name}`);
  }
  return name;
}
