import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { isBrokenProducerState, isTooLarge } from './producer-failures.js';

const protocol = (type: string, code: number) =>
  new KafkaJSProtocolError({ type, code, retriable: false, message: type } as never);

describe('what a failed send says about its producer', () => {
  it.each([
    ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45],
    ['DUPLICATE_SEQUENCE_NUMBER', 46],
    ['INVALID_PRODUCER_EPOCH', 47],
    ['UNKNOWN_PRODUCER_ID', 59],
  ])('%s breaks the idempotent state, also wrapped by the retrier', (type, code) => {
    expect(isBrokenProducerState(protocol(type, code))).toBe(true);
    const wrapped = Object.assign(new KafkaJSNonRetriableError(protocol(type, code)), {
      cause: protocol(type, code),
    });
    expect(isBrokenProducerState(wrapped)).toBe(true);
  });

  it('a fenced producer (code 90, unknown to kafkajs 2.2.4) breaks it too', () => {
    expect(isBrokenProducerState(protocol('KAFKAJS_UNKNOWN_ERROR_CODE', 90))).toBe(true);
  });

  it('a timeout, a lost leader or a too-large batch do not', () => {
    expect(isBrokenProducerState(new Error('Request Produce(key: 0, version: 7) timed out'))).toBe(false);
    expect(isBrokenProducerState(protocol('NOT_LEADER_FOR_PARTITION', 6))).toBe(false);
    expect(isBrokenProducerState(protocol('MESSAGE_TOO_LARGE', 10))).toBe(false);
  });

  it('recognises a batch the broker refused as too large', () => {
    expect(isTooLarge(protocol('MESSAGE_TOO_LARGE', 10))).toBe(true);
    expect(isTooLarge(protocol('RECORD_LIST_TOO_LARGE', 18))).toBe(true);
    expect(isTooLarge(protocol('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(false);
  });
});
