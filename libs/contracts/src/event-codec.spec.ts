import { equals } from '@bufbuild/protobuf';
import { sampleEvents } from './__fixtures__/events.js';
import {
  CONTENT_TYPE,
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
import { newEnvelope } from './envelope.js';
import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import type { PassengerReported } from './gen/docscreen/passenger/v1/passenger_reported_pb.js';
import { AlertRaisedSchema } from './gen/docscreen/screening/v1/alert_raised_pb.js';
import { TOPICS, agencyAlertTopic, type Topic } from './topics.js';

const ALL_TOPICS = Object.values(TOPICS);
const producer = { name: 'contracts-spec', version: '0.0.0' };

describe('event codec', () => {
  it.each(ALL_TOPICS)('round-trips a fully populated %s event', (topic: Topic) => {
    const event = sampleEvents()[topic];
    const bytes = encodeEvent(topic, event);
    expect(bytes.length).toBeGreaterThan(0);
    const decoded = decodeEvent(topic, bytes, eventTypeOf(topic));
    expect(equals(eventSchema(topic), decoded, event)).toBe(true);
    expect(decoded).toEqual(event);
  });

  it('decodes to the message type of the topic', () => {
    const sample = sampleEvents()[TOPICS.PASSENGER_REPORTED];
    // Compile-time: decodeEvent(TOPICS.PASSENGER_REPORTED, …) is a PassengerReported.
    const decoded: PassengerReported = decodeEvent(
      TOPICS.PASSENGER_REPORTED,
      encodeEvent(TOPICS.PASSENGER_REPORTED, sample),
    );
    expect(decoded.$typeName).toBe('docscreen.passenger.v1.PassengerReported');
    expect(decoded.traveller?.documents[0]?.type).toBe(DocumentType.PASSPORT);
    expect(decoded.traveller?.documents[1]?.numberOfEntries).toBe(2);
  });

  it('names each topic by its fully-qualified message type', () => {
    expect(eventTypeOf(TOPICS.PASSENGER_REPORTED)).toBe('docscreen.passenger.v1.PassengerReported');
    expect(eventTypeOf(TOPICS.DOCUMENT_STATUS_CHANGED)).toBe('docscreen.registry.v1.DocumentStatusChanged');
    expect(eventTypeOf(TOPICS.SCREENING_COMPLETED)).toBe('docscreen.screening.v1.ScreeningCompleted');
    expect(eventTypeOf(TOPICS.ALERT_RAISED)).toBe('docscreen.screening.v1.AlertRaised');
    expect(eventTypeOf(TOPICS.BOARDING_DIRECTIVE)).toBe('docscreen.directive.v1.BoardingDirective');
    expect(eventHeaders(TOPICS.ALERT_RAISED)).toEqual({
      'content-type': CONTENT_TYPE,
      [EVENT_TYPE_HEADER]: 'docscreen.screening.v1.AlertRaised',
    });
    expect(CONTENT_TYPE).toBe('application/x-protobuf');
    expect(EVENT_TYPE_HEADER).toBe('x-event-type');
  });

  it('resolves schemas for agency alert topics, not for others', () => {
    expect(schemaForTopic(agencyAlertTopic('nl-kmar'))).toBe(AlertRaisedSchema);
    expect(schemaForTopic(TOPICS.SCREENING_COMPLETED)?.typeName).toBe(
      'docscreen.screening.v1.ScreeningCompleted',
    );
    expect(schemaForTopic('passenger.reported.v1.dlq.screening')).toBeUndefined();
    expect(schemaForTopic('toString')).toBeUndefined();
  });

  it('refuses a message of another type on a topic', () => {
    const completed = sampleEvents()[TOPICS.SCREENING_COMPLETED];
    // @ts-expect-error a ScreeningCompleted is not a PassengerReported
    expect(() => encodeEvent(TOPICS.PASSENGER_REPORTED, completed)).toThrow(EventCodecError);
  });

  it('refuses to encode an event without a valid envelope', () => {
    const noEnvelope = createEvent(TOPICS.BOARDING_DIRECTIVE, { flightKey: 'LH400/2025-03-14' });
    expect(() => encodeEvent(TOPICS.BOARDING_DIRECTIVE, noEnvelope)).toThrow(/envelope is missing/);
    const badId = createEvent(TOPICS.BOARDING_DIRECTIVE, {
      envelope: { ...newEnvelope({ producer }), eventId: '42' },
    });
    expect(() => encodeEvent(TOPICS.BOARDING_DIRECTIVE, badId)).toThrow(/not a lowercase UUID/);
    const noTime = createEvent(TOPICS.BOARDING_DIRECTIVE, {
      envelope: { ...newEnvelope({ producer }), occurredAt: undefined },
    });
    expect(() => encodeEvent(TOPICS.BOARDING_DIRECTIVE, noTime)).toThrow(/occurred_at/);
  });

  it('reports undecodable bytes and a mismatching event-type header', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(() => decodeEvent(TOPICS.PASSENGER_REPORTED, garbage)).toThrow(EventCodecError);
    try {
      decodeEvent(TOPICS.PASSENGER_REPORTED, garbage);
    } catch (error) {
      expect(error).toMatchObject({ code: 'DECODE_FAILED', topic: TOPICS.PASSENGER_REPORTED });
    }
    const bytes = encodeEvent(TOPICS.ALERT_RAISED, sampleEvents()[TOPICS.ALERT_RAISED]);
    expect(() => decodeEvent(TOPICS.ALERT_RAISED, bytes, 'docscreen.passenger.v1.PassengerReported')).toThrow(
      /TYPE_MISMATCH|record is a/,
    );
  });

  it('keeps fields it does not know when re-encoding (forward compatibility)', () => {
    const event = sampleEvents()[TOPICS.BOARDING_DIRECTIVE];
    // Field 999, varint 1: what a newer producer might add.
    const newer = new Uint8Array([...encodeEvent(TOPICS.BOARDING_DIRECTIVE, event), 0xb8, 0x3e, 0x01]);
    const decoded = decodeEvent(TOPICS.BOARDING_DIRECTIVE, newer);
    expect(encodeEvent(TOPICS.BOARDING_DIRECTIVE, decoded)).toEqual(newer);
  });
});

describe('recordKey', () => {
  it('keys per-flight topics by flight key and the registry by document key', () => {
    const events = sampleEvents();
    expect(recordKey(TOPICS.PASSENGER_REPORTED, events[TOPICS.PASSENGER_REPORTED])).toBe('LH400/2025-03-14');
    expect(recordKey(TOPICS.SCREENING_COMPLETED, events[TOPICS.SCREENING_COMPLETED])).toBe(
      'LH400/2025-03-14',
    );
    expect(recordKey(TOPICS.ALERT_RAISED, events[TOPICS.ALERT_RAISED])).toBe('LH400/2025-03-14');
    expect(recordKey(TOPICS.BOARDING_DIRECTIVE, events[TOPICS.BOARDING_DIRECTIVE])).toBe('LH400/2025-03-14');
    expect(recordKey(TOPICS.DOCUMENT_STATUS_CHANGED, events[TOPICS.DOCUMENT_STATUS_CHANGED])).toBe(
      'UTO:PASSPORT:L898902C3',
    );
  });

  it('fails when the key data is missing', () => {
    expect(() => recordKey(TOPICS.PASSENGER_REPORTED, createEvent(TOPICS.PASSENGER_REPORTED, {}))).toThrow(
      EventCodecError,
    );
    expect(() =>
      recordKey(TOPICS.DOCUMENT_STATUS_CHANGED, createEvent(TOPICS.DOCUMENT_STATUS_CHANGED, {})),
    ).toThrow(/no subject/);
  });
});
