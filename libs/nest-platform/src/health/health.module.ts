import { Module, type DynamicModule, type FactoryProvider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { HEALTH_PROBES } from './health.tokens.js';
import type { HealthProbe } from './health-probe.js';

@Module({})
export class HealthModule {
  /** `probes` is a factory so a service builds its probes from its own injected clients. */
  static forProbes(probes: Omit<FactoryProvider<HealthProbe[]>, 'provide'>): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_PROBES, ...probes }],
    };
  }
}
