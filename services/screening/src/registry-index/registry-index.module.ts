import { Global, Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { IndexAdminController } from './index-admin.controller.js';
import { RegistryIndex } from './registry-index.js';
import { RegistryIndexMetrics } from './registry-index.metrics.js';
import { RegistryWatermark } from './registry-watermark.js';

@Global()
@Module({
  controllers: [IndexAdminController],
  providers: [RegistryIndex, RegistryWatermark, RegistryIndexMetrics, AdminTokenGuard],
  exports: [RegistryIndex],
})
export class RegistryIndexModule {}
