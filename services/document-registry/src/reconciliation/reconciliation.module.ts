import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { RepublishController } from './republish.controller.js';
import { RepublishRunner } from './republish.runner.js';
import { RepublishService } from './republish.service.js';
import { TopicReconciler } from './topic-reconciler.js';
import { TopicWatermarkController } from './topic-watermark.controller.js';

/** Keeps the registry topic level with the database: republishes on demand and when it is found behind. */
@Module({
  controllers: [RepublishController, TopicWatermarkController],
  providers: [RepublishRunner, RepublishService, TopicReconciler, AdminTokenGuard],
})
export class ReconciliationModule {}
