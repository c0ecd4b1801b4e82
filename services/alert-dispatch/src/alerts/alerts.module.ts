import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { AgencyAlertsService } from './agency-alerts.service.js';
import { AlertFanOut } from './alert-fan-out.js';
import { AlertIntake } from './alert-intake.service.js';
import { AlertRaisedConsumer } from './alert-raised.consumer.js';
import { AlertsController } from './alerts.controller.js';
import { OpenAlertsMetrics } from './alerts.metrics.js';

@Module({
  imports: [AgenciesModule, WebhooksModule],
  controllers: [AlertsController, AlertRaisedConsumer],
  providers: [AgencyAlertsService, AlertIntake, AlertFanOut, OpenAlertsMetrics],
})
export class AlertsModule {}
