import { Global, Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ReferenceDataAdminController } from './reference-data-admin.controller.js';
import { ReferenceData } from './reference-data.js';
import { ReferenceDataMetrics } from './reference-data.metrics.js';

@Global()
@Module({
  controllers: [ReferenceDataAdminController],
  providers: [ReferenceData, ReferenceDataMetrics, AdminTokenGuard],
  exports: [ReferenceData],
})
export class ReferenceDataModule {}
