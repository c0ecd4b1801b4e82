import { Global, Module } from '@nestjs/common';
import { ADMIN_TOKEN } from '@docscreen/nest-platform';
import { registryConfig } from './registry-config.js';

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

@Global()
@Module({
  providers: [
    { provide: REGISTRY_CONFIG, useFactory: registryConfig },
    { provide: ADMIN_TOKEN, useFactory: () => registryConfig().ADMIN_TOKEN },
  ],
  exports: [REGISTRY_CONFIG, ADMIN_TOKEN],
})
export class ConfigModule {}
