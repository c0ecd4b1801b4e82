import { Controller, Get, Inject, type OnApplicationShutdown } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { HEALTH_PROBES } from './health.tokens.js';
import type { HealthProbe } from './health-probe.js';

const PROBE_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController implements OnApplicationShutdown {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_PROBES) private readonly probes: readonly HealthProbe[],
  ) {}

  /** The process is up; used as the liveness probe (restarts the pod only when this fails). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every dependency answers: used as the readiness probe, by `docscreen stack status` and compose. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(
      this.probes.map(
        (probe) => () =>
          this.indicators
            .check(probe.name)
            .attempt(async () => (await probe.check()) ?? {})
            .withTimeout(PROBE_TIMEOUT_MS),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.probes.map((probe) => probe.close?.()));
  }
}
