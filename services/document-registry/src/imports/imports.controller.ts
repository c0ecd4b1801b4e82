import type { IncomingMessage } from 'node:http';
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthorityAuthGuard, ON_BEHALF_OF } from '../authorities/authority-auth.guard.js';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { CurrentAuthority } from '../authorities/current-authority.decorator.js';
import { ImportsService, type ImportFormat, type ImportStatus } from './imports.service.js';

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/jsonl': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/jsonlines': 'jsonl',
};

/** Bulk import of a national list (libs/national-list/README.md describes the format). */
@ApiTags('imports')
@ApiBearerAuth()
@ApiHeader({
  name: ON_BEHALF_OF,
  required: false,
  description: 'With the operator token: the authority acted for',
})
@Controller('v1/imports')
@UseGuards(AuthorityAuthGuard)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes(...Object.keys(FORMATS))
  @ApiOperation({
    summary:
      'Upload a national list (CSV with a header row, or JSON Lines); it is imported by a background job',
  })
  @ApiResponse({ status: 202, description: 'Stored durably and queued: the import status, Location its URL' })
  @ApiResponse({ status: 413, description: 'Larger than IMPORT_MAX_BYTES' })
  @ApiResponse({ status: 415, description: 'Content-Type not text/csv or application/jsonl' })
  async upload(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<ImportStatus> {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const format = FORMATS[mediaType];
    if (!format)
      throw new UnsupportedMediaTypeException(
        `Content-Type "${mediaType || '(none)'}" is not accepted; send ${Object.keys(FORMATS).join(' or ')}`,
      );
    const status = await this.imports.accept(authority, format, request);
    response.setHeader('Location', `/v1/imports/${status.importId}`);
    return status;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress and counts of one of your imports' })
  @ApiResponse({ status: 404, description: 'No such import of your authority' })
  status(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<ImportStatus> {
    return this.imports.status(authority, id);
  }

  @Get(':id/rejects')
  @ApiOperation({ summary: 'The rejects report: line number and reason, in line order, a page at a time' })
  async rejects(
    @CurrentAuthority() authority: AuthenticatedAuthority,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Query('afterLine') afterLine?: string,
    @Query('limit') limit?: string,
  ): Promise<{ rejects: { line: number; reason: string }[] }> {
    const after = Math.max(0, Number.parseInt(afterLine ?? '0', 10) || 0);
    const take = Math.min(10_000, Math.max(1, Number.parseInt(limit ?? '1000', 10) || 1000));
    return { rejects: await this.imports.rejects(authority, id, after, take) };
  }
}
