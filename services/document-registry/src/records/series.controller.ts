import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthorityAuthGuard } from '../authorities/authority-auth.guard.js';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { CurrentAuthority } from '../authorities/current-authority.decorator.js';
import {
  ReportSeriesSchema,
  WithdrawSeriesSchema,
  type ReportSeries,
  type WithdrawSeries,
} from './dto/record.schemas.js';
import { RecordsService, type RecordOutcome } from './records.service.js';

/** Stolen blank series: a passport "issued" from one is a counterfeit no check digit reveals. */
@ApiTags('blank series')
@ApiBearerAuth()
@Controller('v1/series')
@UseGuards(AuthorityAuthGuard)
export class SeriesController {
  constructor(private readonly records: RecordsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Report a series of blank documents of your state (usually stolen blanks)' })
  @ApiBody({ schema: z.toJSONSchema(ReportSeriesSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: '{ key, change: added | updated }' })
  @ApiResponse({ status: 403, description: 'The series belongs to another state' })
  report(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Body({ schema: ReportSeriesSchema }) input: ReportSeries,
  ): Promise<RecordOutcome> {
    return this.records.reportSeries(authority, input);
  }

  @Post('withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a blank series of your state' })
  @ApiBody({ schema: z.toJSONSchema(WithdrawSeriesSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: '{ key, change: withdrawn }' })
  @ApiResponse({ status: 403, description: 'The series belongs to another state' })
  @ApiResponse({ status: 404, description: 'No listed series with that state, type, prefix and bounds' })
  withdraw(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Body({ schema: WithdrawSeriesSchema }) input: WithdrawSeries,
  ): Promise<RecordOutcome> {
    return this.records.withdrawSeries(authority, input);
  }
}
