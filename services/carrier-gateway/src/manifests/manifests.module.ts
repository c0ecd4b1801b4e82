import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { AdmissionControl } from './admission-control.js';
import { ArchiveRetention } from './archive-retention.js';
import { ManifestsController } from './manifests.controller.js';
import { ManifestsService } from './manifests.service.js';
import { SubmissionsService } from './submissions.service.js';

// The media types of POST /v1/manifests are its @ApiConsumes, checked for every route by nest-platform.
@Module({
  imports: [CarriersModule],
  controllers: [ManifestsController],
  providers: [
    ManifestsService,
    SubmissionsService,
    CarrierRateLimitGuard,
    ArchiveRetention,
    AdmissionControl,
  ],
  exports: [ManifestsService, AdmissionControl],
})
export class ManifestsModule {}
