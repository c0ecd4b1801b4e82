import { Global, Module } from '@nestjs/common';
import { gatewayConfig } from './gateway-config.js';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

@Global()
@Module({
  providers: [{ provide: GATEWAY_CONFIG, useFactory: gatewayConfig }],
  exports: [GATEWAY_CONFIG],
})
export class ConfigModule {}
