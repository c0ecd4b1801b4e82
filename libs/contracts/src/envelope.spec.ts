import { timestampDate } from '@bufbuild/protobuf/wkt';
import { isUuid, newEnvelope } from './envelope.js';

const producer = { name: 'carrier-gateway', version: '1.2.3' };

describe('newEnvelope', () => {
  it('has a random UUID event id and occurredAt now', () => {
    const before = Date.now();
    const envelope = newEnvelope({ producer });
    const after = Date.now();
    expect(isUuid(envelope.eventId)).toBe(true);
    if (envelope.occurredAt === undefined) throw new Error('occurredAt is missing');
    const occurredAt = timestampDate(envelope.occurredAt).getTime();
    expect(occurredAt).toBeGreaterThanOrEqual(before);
    expect(occurredAt).toBeLessThanOrEqual(after);
    expect(newEnvelope({ producer }).eventId).not.toBe(envelope.eventId);
  });

  it('makes a root event its own correlation, with no causation', () => {
    const envelope = newEnvelope({ producer });
    expect(envelope.correlationId).toBe(envelope.eventId);
    expect(envelope.causationId).toBe('');
    expect(envelope.producer).toMatchObject(producer);
  });

  it('takes correlation and causation from the causing event', () => {
    const root = newEnvelope({ producer, correlationId: 'submission-42' });
    const child = newEnvelope({ producer: { name: 'screening', version: '2.0.0' }, causedBy: root });
    expect(child.correlationId).toBe('submission-42');
    expect(child.causationId).toBe(root.eventId);
    expect(child.eventId).not.toBe(root.eventId);
  });

  it('accepts explicit ids and occurrence time', () => {
    const occurredAt = new Date('2025-03-14T10:00:00.123Z');
    const envelope = newEnvelope({ producer, correlationId: 'c', causationId: 'p', occurredAt });
    expect(envelope).toMatchObject({ correlationId: 'c', causationId: 'p' });
    expect(envelope.occurredAt && timestampDate(envelope.occurredAt)).toEqual(occurredAt);
  });

  it('requires a producer name and version', () => {
    expect(() => newEnvelope({ producer: { name: '', version: '1' } })).toThrow(RangeError);
    expect(() => newEnvelope({ producer: { name: 'x', version: '' } })).toThrow(RangeError);
  });
});

describe('isUuid', () => {
  it('accepts canonical lowercase UUIDs only', () => {
    expect(isUuid(crypto.randomUUID())).toBe(true);
    expect(isUuid(crypto.randomUUID().toUpperCase())).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});

describe('newEnvelope with a stable event id', () => {
  it('uses the given id and rejects one that is not a lower-case UUID', () => {
    const id = '0f9c1e52-8d4a-4b7e-9c3f-2a6b8d1e4f70';
    expect(newEnvelope({ producer, eventId: id }).eventId).toBe(id);
    expect(() => newEnvelope({ producer, eventId: 'not-a-uuid' })).toThrow(RangeError);
  });
});
