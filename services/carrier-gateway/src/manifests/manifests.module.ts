import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { requireContentType } from '@docscreen/nest-platform';
import { CarriersModule } from '../carriers/carriers.module.js';
import { ManifestsController } from './manifests.controller.js';
import { ManifestsService } from './manifests.service.js';

@Module({ imports: [CarriersModule], controllers: [ManifestsController], providers: [ManifestsService] })
export class ManifestsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requireContentType('application/json')).forRoutes(ManifestsController);
  }
}
