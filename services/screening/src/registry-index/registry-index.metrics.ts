import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { metrics, type BatchObservableCallback } from '@opentelemetry/api';
import { RegistryIndex } from './registry-index.js';

const meter = metrics.getMeter('screening');

const RECORDS = meter.createObservableGauge('docscreen.screening.index.records', {
  description: "Lost/stolen documents in this replica's index",
  unit: '{record}',
});
const SERIES = meter.createObservableGauge('docscreen.screening.index.series', {
  description: "Stolen blank series in this replica's index",
  unit: '{series}',
});
const BYTES = meter.createObservableGauge('docscreen.screening.index.bytes', {
  description: "Memory the replica's lost/stolen index holds",
  unit: 'By',
});
const READY = meter.createObservableGauge('docscreen.screening.index.ready', {
  description:
    '1 when the index has caught up with the registry topic and is not behind its watermark, else 0',
});
const LAG = meter.createObservableGauge('docscreen.screening.index.lag', {
  description:
    'Registry topic events the index has not applied yet (topic end offsets at start and at each watermark poll, minus what it read)',
  unit: '{event}',
});

/** The lost/stolen index in figures, read when Prometheus scrapes (services/screening/README.md, "Metrics"). */
@Injectable()
export class RegistryIndexMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly observe: BatchObservableCallback = (result) => {
    const index = this.index.current;
    result.observe(RECORDS, index.size);
    result.observe(SERIES, index.seriesCount);
    result.observe(BYTES, index.bytesUsed);
    result.observe(READY, this.index.isReady ? 1 : 0);
    result.observe(LAG, this.index.lagBehindTopic);
  };

  constructor(private readonly index: RegistryIndex) {}

  onModuleInit(): void {
    meter.addBatchObservableCallback(this.observe, [RECORDS, SERIES, BYTES, READY, LAG]);
  }

  onModuleDestroy(): void {
    meter.removeBatchObservableCallback(this.observe, [RECORDS, SERIES, BYTES, READY, LAG]);
  }
}
