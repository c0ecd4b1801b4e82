import { Global, Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ReferenceDataAdminController } from './reference-data-admin.controller.js';
import { ReferenceData } from './reference-data.js';

@Global()
@Module({
  controllers: [ReferenceDataAdminController],
  providers: [ReferenceData, AdminTokenGuard],
  exports: [ReferenceData],
})
export class ReferenceDataModule {}
