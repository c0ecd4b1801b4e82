import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { LookupSchema, type Lookup } from './dto/record.schemas.js';
import { RecordsService, type LookupResult } from './records.service.js';

/** Operators ask the system of record about one number (`docscreen sltd check`). */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/lookups')
@UseGuards(AdminTokenGuard)
export class LookupsController {
  constructor(private readonly records: RecordsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Is this number listed? Records of its state and number, and blank series containing it',
  })
  @ApiBody({ schema: z.toJSONSchema(LookupSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: '{ listed, hits[], withdrawn[] }' })
  lookup(@Body({ schema: LookupSchema }) input: Lookup): Promise<LookupResult> {
    return this.records.lookup(input);
  }
}
