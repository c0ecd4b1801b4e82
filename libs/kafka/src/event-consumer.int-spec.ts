import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { create } from '@bufbuild/protobuf';
import {
  deadLetterTopic,
  newEnvelope,
  PassengerReportedSchema,
  TOPICS,
  type PassengerReported,
} from '@docscreen/contracts';
import { createLogger } from '@docscreen/observability';
import { positionGroupAtEnd, testInfrastructure, waitFor } from '@docscreen/testing';
import { PermanentEventError } from './errors.js';
import { EventConsumer, type ConsumedEvent } from './event-consumer.js';
import { EventPublisher } from './event-publisher.js';
import { HEADERS } from './headers.js';
import { ensureTopics } from './topic-admin.js';

// On the real broker: events cross with their headers, failures are retried, and what cannot be handled
// lands on the consumer's dead-letter topic with the reason, after which the consumer moves on.

const logger = createLogger({ service: 'kafka-int-spec', level: 'silent' });
const producer = { name: 'kafka-int-spec', version: '0' };

function passenger(ref: string): PassengerReported {
  return create(PassengerReportedSchema, {
    envelope: newEnvelope({ producer }),
    carrierCode: 'XQ',
    flightKey: 'XQ1/2026-12-01',
    traveller: { travellerRef: ref },
  });
}

describe('EventPublisher and EventConsumer on the real broker', () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    const infra = await testInfrastructure();
    brokers = infra.kafkaBrokers;
    kafka = new Kafka({
      clientId: 'kafka-int-spec',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    await ensureTopics(kafka, [{ topic: TOPICS.PASSENGER_REPORTED, numPartitions: 12 }]);
    publisher = new EventPublisher(kafka);
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await publisher.disconnect();
  });

  let brokers: string[];

  /** A consumer in a group of its own, positioned after every earlier run's events. */
  async function consumer(groupId: string, maxAttempts = 3): Promise<EventConsumer> {
    await positionGroupAtEnd(brokers, groupId, TOPICS.PASSENGER_REPORTED);
    const c = new EventConsumer(kafka, {
      groupId,
      topics: [TOPICS.PASSENGER_REPORTED],
      logger,
      deadLetters: publisher,
      maxAttempts,
      retryDelayMs: 10,
    });
    consumers.push(c);
    return c;
  }

  it('delivers decoded events with content type, event id and trace headers, keyed by flight', async () => {
    const ref = randomUUID();
    const sent = passenger(ref);
    const received: ConsumedEvent[] = [];
    await (
      await consumer(`int-${randomUUID()}`)
    ).start(async (event) => {
      received.push(event);
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: sent.flightKey, message: sent }]);
    const event = await waitFor('the event', () =>
      received.find((e) => (e.message as PassengerReported).traveller?.travellerRef === ref),
    );
    expect(event.key).toBe('XQ1/2026-12-01');
    expect(event.headers[HEADERS.CONTENT_TYPE]).toBe('application/x-protobuf');
    expect(event.headers[HEADERS.EVENT_ID]).toBe(sent.envelope?.eventId);
    expect(event.headers[HEADERS.EVENT_TYPE]).toBe('docscreen.passenger.v1.PassengerReported');
  });

  it('retries a transient failure and then succeeds without dead-lettering', async () => {
    const ref = randomUUID();
    let attempts = 0;
    const handled: string[] = [];
    await (
      await consumer(`int-${randomUUID()}`)
    ).start(async (event) => {
      if ((event.message as PassengerReported).traveller?.travellerRef !== ref) return;
      attempts += 1;
      if (attempts < 3) throw new Error('database briefly unavailable');
      handled.push(ref);
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [{ key: 'XQ1/2026-12-01', message: passenger(ref) }]);
    await waitFor('the third attempt', () => (handled.length ? true : undefined));
    expect(attempts).toBe(3);
  });

  it('dead-letters what cannot be handled, with the reason, and goes on with the next event', async () => {
    const groupId = `int-${randomUUID()}`;
    const [poison, next] = [randomUUID(), randomUUID()];
    const handled: string[] = [];
    await (
      await consumer(groupId, 2)
    ).start(async (event) => {
      const ref = (event.message as PassengerReported).traveller?.travellerRef ?? '';
      if (ref === poison) throw new PermanentEventError('contract-violation', 'traveller without documents');
      handled.push(ref);
    });
    await publisher.publish(TOPICS.PASSENGER_REPORTED, [
      { key: 'XQ9/2026-12-01', message: passenger(poison) },
      { key: 'XQ9/2026-12-01', message: passenger(next) },
    ]);
    await waitFor('the event after the poison one', () => (handled.includes(next) ? true : undefined));

    const dlq = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const dead: Record<string, string>[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: deadLetterTopic(TOPICS.PASSENGER_REPORTED, groupId), fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        dead.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
      },
    });
    await waitFor('the dead letter', () => (dead.length ? true : undefined));
    await dlq.disconnect();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      [HEADERS.DLQ_REASON]: 'contract-violation',
      [HEADERS.DLQ_ERROR]: 'traveller without documents',
    });
    expect(handled).not.toContain(poison);
  });
});
