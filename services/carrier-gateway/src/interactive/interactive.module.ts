import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module.js';
import { DirectivesModule } from '../directives/directives.module.js';
import { ManifestsModule } from '../manifests/manifests.module.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { InteractiveController } from './interactive.controller.js';
import { InteractiveService } from './interactive.service.js';
import { ScreeningClient } from './screening-client.js';

// The media types of POST /v1/interactive are its @ApiConsumes, checked for every route by nest-platform.
@Module({
  imports: [CarriersModule, ManifestsModule, DirectivesModule],
  controllers: [InteractiveController],
  providers: [InteractiveService, ScreeningClient, CarrierRateLimitGuard],
})
export class InteractiveModule {}
