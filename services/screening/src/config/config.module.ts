import { Global, Module } from '@nestjs/common';
import { screeningConfig } from './screening-config.js';

export const SCREENING_CONFIG = Symbol('SCREENING_CONFIG');

@Global()
@Module({
  providers: [{ provide: SCREENING_CONFIG, useFactory: screeningConfig }],
  exports: [SCREENING_CONFIG],
})
export class ConfigModule {}
