import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { IndexHit, IndexStats } from '@docscreen/sltd-index';
import { RegistryIndex } from './registry-index.js';

const LookupSchema = z.object({
  issuingState: z.string().regex(/^[A-Z]{1,3}$/, 'must be an ICAO 9303 code'),
  documentNumber: z.string().trim().min(1).max(35),
  documentType: z.string().optional(),
});

const ListSchema = z.object({ issuingState: z.string().regex(/^[A-Z]{1,3}$/, 'must be an ICAO 9303 code') });

/** Operators look into this replica's lost/stolen index: what screening itself sees. */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/index')
@UseGuards(AdminTokenGuard)
export class IndexAdminController {
  constructor(private readonly registry: RegistryIndex) {}

  @Get()
  @ApiOperation({ summary: 'Size, memory and readiness of the lost/stolen index' })
  stats(): IndexStats & { ready: boolean; applied: number } {
    return { ...this.registry.current.stats(), ready: this.registry.isReady, applied: this.registry.applied };
  }

  @Post('lookups')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What the index answers for one number (as screening would look it up)' })
  @ApiBody({ schema: z.toJSONSchema(LookupSchema) as object })
  lookup(@Body({ schema: LookupSchema }) input: z.output<typeof LookupSchema>): {
    listed: boolean;
    hits: IndexHit[];
  } {
    const hits = this.registry.current.lookup(input.issuingState, input.documentNumber, input.documentType);
    return { listed: hits.length > 0, hits };
  }

  @Post('entries')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Every key the index lists for one issuing state (reconciliation with the registry)',
  })
  @ApiBody({ schema: z.toJSONSchema(ListSchema) as object })
  entries(@Body({ schema: ListSchema }) input: z.output<typeof ListSchema>): {
    records: string[];
    series: string[];
  } {
    const records: string[] = [];
    for (const r of this.registry.current.records())
      if (r.issuingState === input.issuingState)
        records.push(`${r.issuingState}:${r.documentType}:${r.documentNumber}`);
    const series: string[] = [];
    for (const s of this.registry.current.series())
      if (s.issuingState === input.issuingState)
        series.push(
          `${s.issuingState}:${s.documentType}:${s.prefix}${s.firstNumber}-${s.prefix}${s.lastNumber}`,
        );
    return { records: records.sort(), series: series.sort() };
  }
}
