import { Global, Module } from '@nestjs/common';
import { ADMIN_TOKEN } from '@docscreen/nest-platform';
import { screeningConfig } from './screening-config.js';

export const SCREENING_CONFIG = Symbol('SCREENING_CONFIG');

@Global()
@Module({
  providers: [
    { provide: SCREENING_CONFIG, useFactory: screeningConfig },
    { provide: ADMIN_TOKEN, useFactory: () => screeningConfig().ADMIN_TOKEN },
  ],
  exports: [SCREENING_CONFIG, ADMIN_TOKEN],
})
export class ConfigModule {}
