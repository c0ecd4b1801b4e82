import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { AgenciesAdminController } from './agencies-admin.controller.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyAuthGuard } from './agency-auth.guard.js';
import { AgencyTopics } from './agency-topics.js';
import { AgencyWebhookSecrets } from './agency-webhook-secrets.js';

@Module({
  controllers: [AgenciesAdminController],
  providers: [AgenciesService, AgencyTopics, AgencyWebhookSecrets, AgencyAuthGuard, AdminTokenGuard],
  exports: [AgenciesService, AgencyTopics, AgencyAuthGuard],
})
export class AgenciesModule {}
