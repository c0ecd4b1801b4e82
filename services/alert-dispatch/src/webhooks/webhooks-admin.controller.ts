import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AgencyWebhooks } from './agency-webhooks.js';
import { WebhookDeliveryRecords, type DeadLetteredDelivery } from './webhook-delivery-records.js';

const DeadLettersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

/** Operators see the webhook deliveries that ran out of attempts, and the queue's state. */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/webhooks')
@UseGuards(AdminTokenGuard)
export class WebhooksAdminController {
  constructor(
    private readonly records: WebhookDeliveryRecords,
    private readonly webhooks: AgencyWebhooks,
  ) {}

  @Get('dead-letters')
  @ApiOperation({
    summary:
      'Webhook deliveries that failed every attempt, newest first (agency, alert, attempts, last error), and the queue’s counts',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } })
  @ApiResponse({ status: 200, description: '{ deadLetters: [...], queue: { waiting, active, delayed, … } }' })
  async deadLetters(
    @Query({ schema: DeadLettersQuerySchema }) query: z.output<typeof DeadLettersQuerySchema>,
  ): Promise<{ deadLetters: DeadLetteredDelivery[]; queue: Record<string, number> }> {
    const [deadLetters, queue] = await Promise.all([
      this.records.deadLetters(query.limit),
      this.webhooks.counts(),
    ]);
    return { deadLetters, queue };
  }
}
