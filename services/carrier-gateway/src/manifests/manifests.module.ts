import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module.js';
import { ManifestsController } from './manifests.controller.js';
import { ManifestsService } from './manifests.service.js';

@Module({ imports: [CarriersModule], controllers: [ManifestsController], providers: [ManifestsService] })
export class ManifestsModule {}
