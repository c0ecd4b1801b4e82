import type { EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from '@docscreen/observability';
import type { ScreeningConfig } from '../config/screening-config.js';
import { RegistryIndex } from './registry-index.js';
import { RegistryWatermark } from './registry-watermark.js';

const ignore = () => undefined;
const logger = { info: ignore, warn: ignore, error: ignore, debug: ignore } as unknown as Logger;
const config = { REGISTRY_URL: 'http://registry.test', REGISTRY_WATERMARK_POLL_MS: 1000 } as ScreeningConfig;
const kafka = {} as Kafka;

interface Watermark {
  topic: string;
  complete: boolean;
  reason?: string;
  partitions: { partition: number; endOffset: string }[];
}

/** An index that has read partition 0 up to `offset` (empty records: only positions matter here). */
async function readTo(index: RegistryIndex, from: number, to: number): Promise<void> {
  const messages = [];
  for (let offset = from; offset < to; offset++) messages.push({ offset: String(offset), value: null });
  await (index as unknown as { onBatch(payload: EachBatchPayload): Promise<void> }).onBatch({
    batch: { partition: 0, messages },
    resolveOffset: ignore,
    heartbeat: () => Promise.resolve(),
  } as unknown as EachBatchPayload);
}

function setUp(): {
  index: RegistryIndex;
  watermark: RegistryWatermark;
  answer: (w: Watermark, topicEnd?: number) => void;
} {
  const index = new RegistryIndex(kafka, config, logger);
  const watermark = new RegistryWatermark(index, kafka, config, logger);
  let registry: Watermark = { topic: 't', complete: true, partitions: [] };
  let topicEnd = 0;
  const probe = watermark as unknown as {
    fetchWatermark(): Promise<Watermark>;
    topicEnds(): Promise<Map<number, bigint>>;
  };
  probe.fetchWatermark = () => Promise.resolve(registry);
  probe.topicEnds = () => Promise.resolve(new Map([[0, BigInt(topicEnd)]]));
  return {
    index,
    watermark,
    answer: (w, end) => {
      registry = w;
      if (end !== undefined) topicEnd = end;
    },
  };
}

const at = (endOffset: number): Watermark => ({
  topic: 't',
  complete: true,
  partitions: [{ partition: 0, endOffset: String(endOffset) }],
});

describe('RegistryWatermark: the index is ready only while it is level with what the registry published', () => {
  it('is not ready at start until the index has read up to the registry’s watermark', async () => {
    const { index, watermark, answer } = setUp();
    await readTo(index, 0, 0);
    expect(index.isReady).toBe(false);
    expect(index.notReadyReason).toMatch(/watermark/);
    // An emptied topic caught up at once; the registry had published 18 to it.
    await readTo(index, 0, 1);
    answer(at(18), 1);
    await watermark.poll();
    expect(index.isReady).toBe(false);
    expect(index.notReadyReason).toBe('partition 0 read to offset 1, the registry published to 18');
    expect(index.usable).toBeUndefined();
    await readTo(index, 1, 18);
    answer(at(18), 18);
    await watermark.poll();
    expect(index.isReady).toBe(true);
    expect(index.usable).toBe(index.current);
  });

  it('is not ready while the registry refills its topic, whatever the index has read', async () => {
    const { index, watermark, answer } = setUp();
    await readTo(index, 0, 5);
    answer({ ...at(5), complete: false, reason: 'the registry’s republish r1 is running' }, 5);
    await watermark.poll();
    expect(index.isReady).toBe(false);
    expect(index.notReadyReason).toMatch(/refilling its topic \(the registry’s republish r1 is running\)/);
    answer(at(5), 5);
    await watermark.poll();
    expect(index.isReady).toBe(true);
  });

  it('lets a ready index lag for one poll (changes in flight), not two', async () => {
    const { index, watermark, answer } = setUp();
    await readTo(index, 0, 5);
    answer(at(5), 5);
    await watermark.poll();
    expect(index.isReady).toBe(true);
    answer(at(9), 9);
    await watermark.poll();
    expect(index.isReady).toBe(true);
    await readTo(index, 5, 7);
    await watermark.poll();
    expect(index.isReady).toBe(false);
    expect(index.notReadyReason).toBe('partition 0 read to offset 7, the registry published to 9');
    await readTo(index, 7, 9);
    await watermark.poll();
    expect(index.isReady).toBe(true);
  });

  it('rebuilds the index when the topic now ends before what it read (a new cluster)', async () => {
    const { index, watermark, answer } = setUp();
    await readTo(index, 0, 5);
    answer(at(5), 5);
    await watermark.poll();
    expect(index.isReady).toBe(true);
    const rebuilt: string[] = [];
    index.rebuild = (reason: string) => {
      rebuilt.push(reason);
      return Promise.resolve();
    };
    answer(at(5), 0);
    await watermark.poll();
    expect(rebuilt).toEqual(['partition 0 of the registry topic ends at 0, the index had read to 5']);
  });
});
