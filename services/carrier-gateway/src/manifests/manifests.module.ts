import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { requireContentType } from '@docscreen/nest-platform';
import { CarriersModule } from '../carriers/carriers.module.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { AdmissionControl } from './admission-control.js';
import { ArchiveRetention } from './archive-retention.js';
import { ManifestsController } from './manifests.controller.js';
import { ManifestsService } from './manifests.service.js';
import { MANIFEST_MEDIA_TYPES } from './media-types.js';
import { SubmissionsService } from './submissions.service.js';

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
export class ManifestsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requireContentType(...MANIFEST_MEDIA_TYPES)).forRoutes(ManifestsController);
  }
}
