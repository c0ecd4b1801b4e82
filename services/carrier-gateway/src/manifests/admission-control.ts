import { Inject, Injectable } from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { InFlightLimit } from './in-flight-limit.js';

const meter = metrics.getMeter('carrier-gateway');

/**
 * Load shed by the replica, by `reason` — interactive: `shed` (INTERACTIVE_MAX_IN_FLIGHT reached),
 * `late` (the query had spent its budget before the handler ran), `timeout` (the budget ran out while
 * it was worked on); manifests: `saturated` (MANIFEST_MAX_IN_FLIGHT reached, 503) — and `format`
 * (json or paxlst). Bounded labels only: never the carrier.
 */
export const SHED_LOAD = meter.createCounter('docscreen.gateway.shed', {
  description: 'Requests answered without the work: interactive safe defaults and manifests refused 503',
});

export type ShedReason = 'shed' | 'late' | 'timeout' | 'saturated';

/** The replica's in-flight limits: one instance, shared by the interactive and the manifest paths. */
@Injectable()
export class AdmissionControl {
  /** Interactive queries being answered (submission and screening). */
  readonly interactive: InFlightLimit;
  /** Manifests being received and stored. */
  readonly intake: InFlightLimit;
  /** Shed interactive queries being stored in the background. */
  readonly shedStorage: InFlightLimit;

  constructor(@Inject(GATEWAY_CONFIG) readonly config: GatewayConfig) {
    this.interactive = new InFlightLimit(config.INTERACTIVE_MAX_IN_FLIGHT);
    this.intake = new InFlightLimit(config.MANIFEST_MAX_IN_FLIGHT);
    this.shedStorage = new InFlightLimit(config.INTERACTIVE_SHED_STORE_MAX_IN_FLIGHT);
  }

  countShed(reason: ShedReason, format: string): void {
    SHED_LOAD.add(1, { reason, format });
  }
}
