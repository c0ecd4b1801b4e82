import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { CarrierAuthGuard } from './carrier-auth.guard.js';
import { CarriersAdminController } from './carriers-admin.controller.js';
import { CarriersService } from './carriers.service.js';

@Module({
  controllers: [CarriersAdminController],
  providers: [CarriersService, CarrierAuthGuard, AdminTokenGuard],
  exports: [CarriersService, CarrierAuthGuard],
})
export class CarriersModule {}
