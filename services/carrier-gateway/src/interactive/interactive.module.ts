import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { requireContentType } from '@docscreen/nest-platform';
import { CarriersModule } from '../carriers/carriers.module.js';
import { DirectivesModule } from '../directives/directives.module.js';
import { ManifestsModule } from '../manifests/manifests.module.js';
import { MANIFEST_MEDIA_TYPES } from '../manifests/media-types.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { InteractiveController } from './interactive.controller.js';
import { InteractiveService } from './interactive.service.js';
import { ScreeningClient } from './screening-client.js';

@Module({
  imports: [CarriersModule, ManifestsModule, DirectivesModule],
  controllers: [InteractiveController],
  providers: [InteractiveService, ScreeningClient, CarrierRateLimitGuard],
})
export class InteractiveModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requireContentType(...MANIFEST_MEDIA_TYPES)).forRoutes(InteractiveController);
  }
}
