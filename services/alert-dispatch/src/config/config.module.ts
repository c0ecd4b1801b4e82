import { Global, Module } from '@nestjs/common';
import { ADMIN_TOKEN } from '@docscreen/nest-platform';
import { dispatchConfig } from './dispatch-config.js';

export const DISPATCH_CONFIG = Symbol('DISPATCH_CONFIG');

@Global()
@Module({
  providers: [
    { provide: DISPATCH_CONFIG, useFactory: dispatchConfig },
    { provide: ADMIN_TOKEN, useFactory: () => dispatchConfig().ADMIN_TOKEN },
  ],
  exports: [DISPATCH_CONFIG, ADMIN_TOKEN],
})
export class ConfigModule {}
