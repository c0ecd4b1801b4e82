// Public API of @docscreen/contracts. Explicit named exports only: what is not listed here is internal.
// Message types and schemas are generated from proto/ (`nx run contracts:codegen`).

// docscreen.common.v1
export { EnvelopeSchema, ProducerSchema } from './gen/docscreen/common/v1/envelope_pb.js';
export type { Envelope, Producer } from './gen/docscreen/common/v1/envelope_pb.js';
export { FlightLegSchema } from './gen/docscreen/common/v1/flight_pb.js';
export type { FlightLeg } from './gen/docscreen/common/v1/flight_pb.js';
export {
  DocumentType,
  TravelDocumentSchema,
  VisaKind,
} from './gen/docscreen/common/v1/travel_document_pb.js';
export type { TravelDocument } from './gen/docscreen/common/v1/travel_document_pb.js';
export { Sex, TravellerRole, TravellerSchema } from './gen/docscreen/common/v1/traveller_pb.js';
export type { Traveller } from './gen/docscreen/common/v1/traveller_pb.js';
export { ReasonSchema, RecommendedAction, Severity } from './gen/docscreen/common/v1/assessment_pb.js';
export type { Reason } from './gen/docscreen/common/v1/assessment_pb.js';

// docscreen.passenger.v1
export {
  MessageFormat,
  PassengerReportedSchema,
  SourceMessageSchema,
} from './gen/docscreen/passenger/v1/passenger_reported_pb.js';
export type { PassengerReported, SourceMessage } from './gen/docscreen/passenger/v1/passenger_reported_pb.js';

// docscreen.registry.v1
export {
  BlankSeriesSchema,
  ChangeKind,
  DocumentRecordSchema,
  DocumentStatus,
  DocumentStatusChangedSchema,
} from './gen/docscreen/registry/v1/document_status_changed_pb.js';
export type {
  BlankSeries,
  DocumentRecord,
  DocumentStatusChanged,
} from './gen/docscreen/registry/v1/document_status_changed_pb.js';

export {
  NationalListAction,
  NationalListChangedSchema,
} from './gen/docscreen/registry/v1/national_list_changed_pb.js';
export type { NationalListChanged } from './gen/docscreen/registry/v1/national_list_changed_pb.js';

// docscreen.screening.v1
export {
  CheckOutcome,
  CheckResultSchema,
  HitSchema,
  ScreeningCompletedSchema,
  ScreeningOutcome,
} from './gen/docscreen/screening/v1/screening_completed_pb.js';
export type {
  CheckResult,
  Hit,
  ScreeningCompleted,
} from './gen/docscreen/screening/v1/screening_completed_pb.js';
export {
  AlertRaisedSchema,
  RoutingHintsSchema,
  TravellerSummarySchema,
} from './gen/docscreen/screening/v1/alert_raised_pb.js';
export type {
  AlertRaised,
  RoutingHints,
  TravellerSummary,
} from './gen/docscreen/screening/v1/alert_raised_pb.js';

// docscreen.directive.v1
export {
  BoardingDirectiveSchema,
  DirectiveCode,
} from './gen/docscreen/directive/v1/boarding_directive_pb.js';
export type { BoardingDirective } from './gen/docscreen/directive/v1/boarding_directive_pb.js';

// Topics
export {
  TOPICS,
  TOPIC_NAME_PATTERN,
  agencyAlertTopic,
  carrierDirectiveTopic,
  deadLetterTopic,
  isAgencyAlertTopic,
  isCarrierDirectiveTopic,
  isTopic,
} from './topics.js';
export type { Topic } from './topics.js';

// Codec
export {
  CONTENT_TYPE,
  CONTENT_TYPE_HEADER,
  EVENT_TYPE_HEADER,
  EventCodecError,
  createEvent,
  decodeEvent,
  encodeEvent,
  eventHeaders,
  eventSchema,
  eventTypeOf,
  recordKey,
  schemaForTopic,
} from './event-codec.js';
export type { EventCodecErrorCode, EventInit, EventMap, EventOf, EventSchemas } from './event-codec.js';

// Envelope
export { isUuid, newEnvelope } from './envelope.js';
export { stableUuid } from './stable-id.js';
export { uuidV7 } from './uuid-v7.js';
export type { NewEnvelopeOptions } from './envelope.js';

// Keys
export { flightKey, isFlightKey, isIsoDate, parseFlightKey } from './flight-key.js';
export type { FlightKeyParts } from './flight-key.js';

// The JSON view of an alert (agency webhooks and API, the CLI)
export {
  ALERT_RESOLUTIONS,
  ALERT_SEVERITIES,
  RECOMMENDED_ACTIONS,
  alertView,
  recommendedActionName,
  severityName,
} from './alert-view.js';
export type {
  AlertResolution,
  AlertSeverity,
  AlertView,
  AlertViewLeg,
  AlertViewReason,
  RecommendedActionName,
  TravellerRoleName,
} from './alert-view.js';

// Timestamps, so that services need no direct dependency on @bufbuild/protobuf for the common case.
export { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
export type { Timestamp } from '@bufbuild/protobuf/wkt';
