import { Global, Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AgencyWebhooks } from './agency-webhooks.js';
import { WebhookDeliveryRecords } from './webhook-delivery-records.js';
import { WebhooksAdminController } from './webhooks-admin.controller.js';
import { WebhookQueueMetrics } from './webhook-queue.metrics.js';

// Global: the readiness probe pings its Redis.
@Global()
@Module({
  imports: [AgenciesModule],
  controllers: [WebhooksAdminController],
  providers: [AgencyWebhooks, WebhookDeliveryRecords, WebhookQueueMetrics, AdminTokenGuard],
  exports: [AgencyWebhooks],
})
export class WebhooksModule {}
