import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { currentTelemetry, type Logger } from '@docscreen/observability';
import { MetricsController } from '../metrics/metrics.controller.js';

/** Injection token for the service's structured logger. */
export const LOGGER = Symbol('LOGGER');

/**
 * The service's logger for injection, `GET /metrics`, and a last flush of spans and metrics on shutdown
 * (the spans of the final requests would otherwise be lost with the process).
 */
@Global()
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [{ provide: LOGGER, useValue: logger }],
      exports: [LOGGER],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await currentTelemetry()?.shutdown();
  }
}
