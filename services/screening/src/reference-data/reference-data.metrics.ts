import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { metrics, type ObservableCallback } from '@opentelemetry/api';
import { ReferenceData } from './reference-data.js';

const INFO = metrics.getMeter('screening').createObservableGauge('docscreen.screening.reference_data_info', {
  description:
    'Always 1, labelled with the rule set and visa matrix versions this replica screens with (once first read)',
});

/**
 * The versions in force as an info series: two replicas that disagree, or a switch that did not reach
 * one, show as two label sets at once (services/screening/README.md, "Metrics").
 */
@Injectable()
export class ReferenceDataMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly observe: ObservableCallback = (result) => {
    if (!this.referenceData.isLoaded) return;
    result.observe(1, {
      rule_set_version: this.referenceData.ruleSetVersion,
      // Empty until a visa matrix is imported: the visa checks then have no reference data.
      visa_matrix_version: this.referenceData.visaMatrixVersion || 'none',
    });
  };

  constructor(private readonly referenceData: ReferenceData) {}

  onModuleInit(): void {
    INFO.addCallback(this.observe);
  }

  onModuleDestroy(): void {
    INFO.removeCallback(this.observe);
  }
}
