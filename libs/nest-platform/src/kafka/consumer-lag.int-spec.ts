import { randomUUID } from 'node:crypto';
import { metrics } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type GaugeMetricData } from '@opentelemetry/sdk-metrics';
import { Kafka, logLevel } from 'kafkajs';
import { createLogger } from '@docscreen/observability';
import { testInfrastructure, waitFor } from '@docscreen/testing';
import { ConsumerLagMonitor } from './consumer-lag.js';

// On the real broker: the lag a monitor reports, and exports as docscreen.consumer.lag, is what the
// group has not committed — from its committed offset, or from the log start where it has none.

/** A reader the test collects from itself: nothing to flush, nothing to shut down. */
class TestReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('ConsumerLagMonitor on the real broker', () => {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  const topic = `consumer-lag-int-spec-${randomUUID()}`;
  const group = `consumer-lag-int-spec-${randomUUID()}`;
  let kafka: Kafka;
  let monitor: ConsumerLagMonitor;

  beforeAll(async () => {
    // Before the monitor exists: its gauge is made on the first watch, from the global provider.
    metrics.setGlobalMeterProvider(provider);
    const { kafkaBrokers } = await testInfrastructure();
    kafka = new Kafka({
      clientId: 'consumer-lag-int-spec',
      brokers: kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    const records = (partition: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ partition, value: `${partition}-${i}` }));
    await producer.send({ topic, acks: -1, messages: [...records(0, 5), ...records(1, 3)] });
    await producer.disconnect();
    // The group has handled two records of partition 0 and none of partition 1.
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '2' }] });
    await admin.disconnect();
    monitor = new ConsumerLagMonitor(kafka, {
      everyMs: 60_000,
      logger: createLogger({ service: 'consumer-lag-int-spec', level: 'silent' }),
    });
  });

  afterAll(async () => {
    await monitor.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await provider.shutdown();
  });

  it('reports per partition what the group has not committed, and exports it as docscreen.consumer.lag', async () => {
    monitor.watch(group, [topic]);
    const lags = await waitFor('the first measurement', () =>
      monitor.current().length > 0 ? monitor.current() : undefined,
    );
    expect([...lags].sort((a, b) => a.partition - b.partition)).toEqual([
      { group, topic, partition: 0, lag: 3 },
      { group, topic, partition: 1, lag: 3 },
    ]);

    const { resourceMetrics } = await reader.collect();
    const gauge = resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === 'docscreen.consumer.lag') as GaugeMetricData | undefined;
    expect(
      gauge?.dataPoints
        .map((p): Record<string, unknown> => ({ ...p.attributes, lag: p.value }))
        .sort((a, b) => String(a['partition']).localeCompare(String(b['partition']))),
    ).toEqual([
      { group, topic, partition: '0', lag: 3 },
      { group, topic, partition: '1', lag: 3 },
    ]);

    // Once the group catches up, so does the figure.
    const admin = kafka.admin();
    await admin.connect();
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: [
        { partition: 0, offset: '5' },
        { partition: 1, offset: '3' },
      ],
    });
    await admin.disconnect();
    await monitor.measure();
    expect(monitor.current().map((l) => l.lag)).toEqual([0, 0]);
  });
});
