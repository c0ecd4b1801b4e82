import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import {
  DeadLetterError,
  DeadLetters,
  type DeadLetterEntry,
  type DeadLetterPage,
  type DeadLetterTopicSummary,
  type RedriveResult,
  type RedriveSelection,
} from '@docscreen/kafka';
import type { Logger } from '@docscreen/observability';
import { AdminTokenGuard } from '../auth/admin-token.guard.js';
import { LOGGER } from '../observability/observability.module.js';
import {
  DeadLetterEntryQuerySchema,
  DeadLetterPageQuerySchema,
  RedriveRequestSchema,
  type DeadLetterEntryQuery,
  type DeadLetterPageQuery,
  type RedriveRequest,
} from './dead-letters.schemas.js';

const TOPIC_PARAM = {
  name: 'topic',
  description: 'a dead-letter topic of this service, `<topic>.dlq.<consumer group>`',
  example: 'passenger.reported.v1.dlq.screening',
};
const NO_TOPIC = { status: 404, description: 'No such dead-letter topic of this service' };
const UNAUTHORISED = { status: 401, description: 'Missing or wrong operator token' };

/**
 * Operators look at what this service's consumers could not handle and send it back once the cause is
 * fixed. Entries show why and which event, never the traveller (the payload only on request).
 */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/dead-letters')
@UseGuards(AdminTokenGuard)
export class DeadLettersController {
  constructor(
    private readonly deadLetters: DeadLetters,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every dead-letter topic of this service’s consumer groups, with counts by reason',
  })
  @ApiResponse({
    status: 200,
    description: '{ topics: [{ topic, sourceTopic, consumerGroup, start, end, count, byReason, redriven }] }',
  })
  @ApiResponse(UNAUTHORISED)
  async list(): Promise<{ topics: DeadLetterTopicSummary[] }> {
    return { topics: await this.deadLetters.summaries() };
  }

  @Get(':topic')
  @ApiOperation({ summary: 'A page of a dead-letter topic’s entries, oldest first (no payloads)' })
  @ApiParam(TOPIC_PARAM)
  @ApiQuery({ name: 'from', required: false, description: 'first offset (default: the earliest kept)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } })
  @ApiResponse({
    status: 200,
    description:
      '{ topic, start, end, next, entries: [{ offset, timestamp, reason, error, source, attempts, eventId, eventType, key, size, redriven? }] }',
  })
  @ApiResponse({ status: 400, description: 'Invalid from or limit' })
  @ApiResponse(UNAUTHORISED)
  @ApiResponse(NO_TOPIC)
  entries(
    @Param('topic') topic: string,
    @Query({ schema: DeadLetterPageQuerySchema }) query: DeadLetterPageQuery,
  ): Promise<DeadLetterPage> {
    return translated(() => this.deadLetters.entries(topic, query));
  }

  @Get(':topic/:offset')
  @ApiOperation({
    summary: 'One entry; its payload (base64, personal data) only with ?payload=true',
  })
  @ApiParam(TOPIC_PARAM)
  @ApiParam({ name: 'offset', description: 'the entry’s offset on the dead-letter topic' })
  @ApiQuery({ name: 'payload', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, description: 'The entry, with `payload` when asked for' })
  @ApiResponse(UNAUTHORISED)
  @ApiResponse({ status: 404, description: 'No such dead-letter topic of this service, or no entry there' })
  async entry(
    @Param('topic') topic: string,
    @Param('offset') offset: string,
    @Query({ schema: DeadLetterEntryQuerySchema }) query: DeadLetterEntryQuery,
  ): Promise<DeadLetterEntry> {
    const payload = query.payload === 'true';
    const entry = await translated(() => this.deadLetters.entry(topic, offset, { payload }));
    // Who read a traveller's data is worth a log line; the data itself never is.
    if (payload) this.logger.info({ topic, offset, eventId: entry.eventId }, 'dead-letter payload disclosed');
    return entry;
  }

  @Post(':topic/redrive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Publish entries back to the original topic (by offsets, by reason, or all); each re-drive is recorded, and an entry re-driven before is refused (named) or skipped (reason, all) unless force',
  })
  @ApiParam(TOPIC_PARAM)
  @ApiBody({ schema: z.toJSONSchema(RedriveRequestSchema, { io: 'input' }) as object })
  @ApiResponse({
    status: 200,
    description:
      '{ topic, sourceTopic, redriven: [{ offset, eventId, redrivenTo, actor, at, forced }], skipped: [...] }',
  })
  @ApiResponse({ status: 400, description: 'Not exactly one of offsets, reason, all; or no actor' })
  @ApiResponse(UNAUTHORISED)
  @ApiResponse({ status: 404, description: 'No such dead-letter topic, or a named offset is not there' })
  @ApiResponse({ status: 409, description: 'A named offset was re-driven before (`offsets` lists them)' })
  async redrive(
    @Param('topic') topic: string,
    @Body({ schema: RedriveRequestSchema }) request: RedriveRequest,
  ): Promise<RedriveResult> {
    const selection: RedriveSelection = request.offsets
      ? { offsets: request.offsets }
      : request.reason !== undefined
        ? { reason: request.reason }
        : { all: true };
    const result = await translated(() =>
      this.deadLetters.redrive(topic, selection, { actor: request.actor, force: request.force }),
    );
    this.logger.info(
      {
        topic,
        actor: request.actor,
        force: request.force,
        redriven: result.redriven.map((r) => r.offset),
        skipped: result.skipped.map((r) => r.offset),
      },
      'dead letters re-driven',
    );
    return result;
  }
}

/** DeadLetterError codes as HTTP answers; anything else is the problem filter's 500. */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DeadLetterError)) throw error;
    const body = { message: error.message, code: error.code, offsets: error.offsets };
    throw error.code === 'already-redriven' ? new ConflictException(body) : new NotFoundException(body);
  }
}
