import { randomUUID } from 'node:crypto';
import { CONTENT_TYPE, encodeEvent, eventTypeOf, type EventOf, type Topic } from '@docscreen/contracts';
import { HEADERS, injectTraceContext } from '@docscreen/kafka';
import type { Prisma } from '../generated/prisma/client.js';

type Transaction = Prisma.TransactionClient;

/**
 * Stages an event in the outbox inside the caller's transaction: it is published only if that
 * transaction commits, and then certainly (the relay retries until the broker acknowledges).
 */
export async function stageEvent<T extends Topic>(
  tx: Transaction,
  topic: T,
  key: string,
  message: EventOf<T>,
): Promise<void> {
  const eventId = message.envelope?.eventId ?? randomUUID();
  const headers = injectTraceContext({
    [HEADERS.CONTENT_TYPE]: CONTENT_TYPE,
    [HEADERS.EVENT_TYPE]: eventTypeOf(topic),
    [HEADERS.EVENT_ID]: eventId,
    ...(message.envelope?.correlationId ? { [HEADERS.CORRELATION_ID]: message.envelope.correlationId } : {}),
  });
  await tx.outboxEvent.create({
    data: { id: eventId, topic, key, payload: new Uint8Array(encodeEvent(topic, message)), headers },
  });
}

/** A tombstone (null value): compaction removes the key from the topic. */
export async function stageTombstone(tx: Transaction, topic: Topic, key: string): Promise<void> {
  await tx.outboxEvent.create({ data: { id: randomUUID(), topic, key, payload: null, headers: {} } });
}
