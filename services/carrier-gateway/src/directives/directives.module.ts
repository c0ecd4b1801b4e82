import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module.js';
import { BoardingDirectiveConsumer } from './boarding-directive.consumer.js';
import { DirectiveWebhookSecrets } from './directive-webhook-secrets.js';
import { DirectiveWebhooks } from './directive-webhooks.js';
import { DirectivesController } from './directives.controller.js';
import { DirectivesService } from './directives.service.js';

@Module({
  imports: [CarriersModule],
  controllers: [DirectivesController, BoardingDirectiveConsumer],
  providers: [DirectivesService, DirectiveWebhooks, DirectiveWebhookSecrets],
  exports: [DirectivesService],
})
export class DirectivesModule {}
