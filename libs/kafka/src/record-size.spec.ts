import { packRequests, RECORD_BATCH_OVERHEAD, recordBytes } from './record-size.js';

const message = (bytes: number) => ({ key: 'k', value: Buffer.alloc(bytes) });

describe('record sizes and produce requests', () => {
  it('counts key, value and headers with their framing', () => {
    const bare = recordBytes({ key: null, value: Buffer.alloc(100) });
    expect(recordBytes({ key: 'flight', value: Buffer.alloc(100) })).toBe(bare + 6);
    expect(
      recordBytes({ key: null, value: Buffer.alloc(100), headers: { 'x-event-id': 'abc' } }),
    ).toBeGreaterThan(bare + 'x-event-id'.length + 3);
  });

  it('keeps one request while every topic fits, and splits in order when one does not', () => {
    const sized = (n: number, bytes: number) =>
      Array.from({ length: n }, () => ({ message: message(bytes), bytes: bytes + 50 }));
    const limit = RECORD_BATCH_OVERHEAD + 10 * 1_050;
    const one = packRequests(
      [
        { topic: 'a', records: sized(5, 1_000) },
        { topic: 'b', records: sized(10, 1_000) },
      ],
      () => limit,
    );
    expect(one).toHaveLength(1);

    const split = packRequests(
      [
        { topic: 'alerts', records: sized(3, 1_000) },
        { topic: 'completed', records: sized(25, 1_000) },
      ],
      () => limit,
    );
    expect(split.map((request) => request.map((t) => `${t.topic}:${t.messages.length}`))).toEqual([
      ['alerts:3', 'completed:10'],
      ['completed:10'],
      ['completed:5'],
    ]);
  });
});
