import { Global, Module } from '@nestjs/common';
import { registryConfig } from './registry-config.js';

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

@Global()
@Module({
  providers: [{ provide: REGISTRY_CONFIG, useFactory: registryConfig }],
  exports: [REGISTRY_CONFIG],
})
export class ConfigModule {}
