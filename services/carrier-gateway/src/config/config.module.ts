import { Global, Module } from '@nestjs/common';
import { ADMIN_TOKEN } from '@docscreen/nest-platform';
import { gatewayConfig } from './gateway-config.js';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

@Global()
@Module({
  providers: [
    { provide: GATEWAY_CONFIG, useFactory: gatewayConfig },
    { provide: ADMIN_TOKEN, useFactory: () => gatewayConfig().ADMIN_TOKEN },
  ],
  exports: [GATEWAY_CONFIG, ADMIN_TOKEN],
})
export class ConfigModule {}
