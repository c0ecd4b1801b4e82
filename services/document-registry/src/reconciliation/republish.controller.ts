import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminTokenGuard, LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { RepublishStatus } from './republish-requests.js';
import { RepublishService } from './republish.service.js';

const RequestRepublishSchema = z.object({
  /** Who asks: recorded with the republish (the audit trail). */
  actor: z.string().trim().min(1).max(200),
  reason: z.string().trim().max(500).default('asked by an operator'),
});

/**
 * Operators republish the registry's state to its compacted topic (`docscreen sltd republish`): every
 * listed record and blank series as its current-state event, through the outbox. The registry also
 * does it by itself when it finds the topic behind its database (TopicReconciler).
 */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/republishes')
@UseGuards(AdminTokenGuard)
export class RepublishController {
  constructor(
    private readonly republishes: RepublishService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Republish every listed record and blank series to registry.document-status-changed.v1 (recorded: who, when, how many)',
  })
  @ApiBody({ schema: z.toJSONSchema(RequestRepublishSchema, { io: 'input' }) as object })
  @ApiResponse({
    status: 202,
    description:
      'The republish (a request already waiting is answered instead of a second one); follow it at its URL',
  })
  async request(
    @Body({ schema: RequestRepublishSchema }) input: z.output<typeof RequestRepublishSchema>,
  ): Promise<RepublishStatus & { created: boolean }> {
    const { republishId, created } = await this.republishes.request('operator', input.actor, input.reason);
    this.logger.info({ republishId, actor: input.actor, created }, 'republish of the registry asked for');
    return { ...(await this.republishes.status(republishId)), created };
  }

  @Get()
  @ApiOperation({ summary: 'The latest republishes, newest first: trigger, who, why, counts, state' })
  recent(): Promise<{ republishes: RepublishStatus[] }> {
    return this.republishes.recent().then((republishes) => ({ republishes }));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One republish: requested, running, staged (all in the outbox), published, or failed',
  })
  @ApiResponse({ status: 404, description: 'No republish with that id' })
  status(@Param('id', new ParseUUIDPipe()) id: string): Promise<RepublishStatus> {
    return this.republishes.status(id);
  }
}
