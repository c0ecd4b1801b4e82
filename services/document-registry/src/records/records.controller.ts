import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthorityAuthGuard } from '../authorities/authority-auth.guard.js';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { CurrentAuthority } from '../authorities/current-authority.decorator.js';
import {
  ReportRecordSchema,
  WithdrawRecordSchema,
  type ReportRecord,
  type WithdrawRecord,
} from './dto/record.schemas.js';
import { RecordsService, type RecordOutcome } from './records.service.js';

// Document numbers travel in request bodies, never in URLs: paths end up in access logs and traces.
@ApiTags('records')
@ApiBearerAuth()
@Controller('v1/records')
@UseGuards(AuthorityAuthGuard)
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Report a lost, stolen, revoked or invalidated document of your state (added or updated)',
  })
  @ApiBody({ schema: z.toJSONSchema(ReportRecordSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: '{ key, change: added | updated }' })
  @ApiResponse({ status: 403, description: 'The document belongs to another state' })
  report(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Body({ schema: ReportRecordSchema }) input: ReportRecord,
  ): Promise<RecordOutcome> {
    return this.records.report(authority, input);
  }

  @Post('withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a record of your state (recovered, cancelled, reported in error)' })
  @ApiBody({ schema: z.toJSONSchema(WithdrawRecordSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: '{ key, change: withdrawn }' })
  @ApiResponse({ status: 403, description: 'The document belongs to another state' })
  @ApiResponse({ status: 404, description: 'No listed record with that state, type and number' })
  withdraw(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Body({ schema: WithdrawRecordSchema }) input: WithdrawRecord,
  ): Promise<RecordOutcome> {
    return this.records.withdraw(authority, input);
  }
}
