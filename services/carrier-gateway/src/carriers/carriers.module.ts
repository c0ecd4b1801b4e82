import { Module } from '@nestjs/common';
import { CarrierAuthGuard } from './carrier-auth.guard.js';
import { CarriersService } from './carriers.service.js';

@Module({ providers: [CarriersService, CarrierAuthGuard], exports: [CarriersService, CarrierAuthGuard] })
export class CarriersModule {}
