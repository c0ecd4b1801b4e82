import type { IncomingMessage } from 'node:http';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { AdminTokenGuard, calendarDate } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import { parsePassportIndexCsv, PassportIndexFormatError } from '@docscreen/visa-rules';
import { screenTraveller, type Screening, type ScreeningSubject } from '@docscreen/screening-rules';
import { PrismaService } from '../database/prisma.service.js';
import { RegistryIndex } from '../registry-index/registry-index.js';
import { ReferenceData } from './reference-data.js';

const version = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (max 64)');

const RuleSetSchema = z.object({
  version,
  rules: z
    .array(
      z.object({
        id: z
          .string()
          .max(64)
          .regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE_CASE'),
        version: z.number().int().min(1),
        check: z.string().min(1).max(64),
        severity: z.enum(['info', 'low', 'medium', 'high', 'critical']),
        action: z.enum(['no-action', 'contact-authority', 'do-not-board']),
        explanation: z.string().min(10).max(2_000),
        enabled: z.boolean(),
        parameters: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1),
});

const ViolationSchema = z.object({
  issuingState: z.string().regex(/^[A-Z]{1,3}$/),
  documentNumber: z.string().trim().min(1).max(35),
  kind: z.enum(['overstay', 'visa-violation', 'refused-entry', 'removal', 'other']),
  state: z.string().regex(/^[A-Z]{1,3}$/),
  recordedOn: calendarDate(),
});

/** Operators manage what screening decides with: rule sets, visa matrices, violations; and dry runs. */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin')
@UseGuards(AdminTokenGuard)
export class ReferenceDataAdminController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly referenceData: ReferenceData,
    private readonly index: RegistryIndex,
  ) {}

  @Get('rule-sets')
  @ApiOperation({ summary: 'Stored rule set versions, and the one in force' })
  async ruleSets(): Promise<{
    active: string;
    versions: { version: string; rules: number; activatedAt: string | null }[];
  }> {
    const rows = await this.prisma.ruleSetVersion.findMany({ orderBy: { createdAt: 'asc' } });
    return {
      active: this.referenceData.ruleSetVersion,
      versions: rows.map((r) => ({
        version: r.version,
        rules: (r.rules as unknown[]).length,
        activatedAt: r.activatedAt?.toISOString() ?? null,
      })),
    };
  }

  @Post('rule-sets')
  @ApiOperation({ summary: 'Store a new rule set version (versions are immutable)' })
  @ApiBody({ schema: z.toJSONSchema(RuleSetSchema) as object })
  async addRuleSet(
    @Body({ schema: RuleSetSchema }) input: z.output<typeof RuleSetSchema>,
  ): Promise<{ version: string }> {
    if (await this.prisma.ruleSetVersion.findUnique({ where: { version: input.version } }))
      throw new ConflictException(
        `rule set ${input.version} exists; versions are never changed, store a new one`,
      );
    await this.prisma.ruleSetVersion.create({
      data: { version: input.version, rules: JSON.parse(JSON.stringify(input.rules)) },
    });
    return { version: input.version };
  }

  @Post('rule-sets/:version/activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Put a stored rule set in force on every replica (within REFERENCE_DATA_POLL_MS)',
  })
  async activateRuleSet(@Param('version') ruleSet: string): Promise<{ active: string }> {
    const updated = await this.prisma.ruleSetVersion.updateMany({
      where: { version: ruleSet },
      data: { activatedAt: new Date() },
    });
    if (updated.count === 0) throw new NotFoundException(`no rule set ${ruleSet}`);
    await this.referenceData.refresh();
    return { active: this.referenceData.ruleSetVersion };
  }

  @Post('visa-matrices')
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary:
      'Import a visa requirement matrix (passport-index CSV: tidy ISO-3/ISO-2 or matrix format) as a new version, and put it in force',
  })
  async importMatrix(
    @Req() request: IncomingMessage,
    @Query('version') matrixVersion: string | undefined,
    @Query('source') source: string | undefined,
    @Query('activate') activate: string | undefined,
  ): Promise<{
    version: string;
    format: string;
    entries: number;
    rejects: { line: number; reason: string }[];
  }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const importedAt = new Date();
    const name = version.safeParse(
      matrixVersion ?? `visa-${importedAt.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`,
    );
    if (!name.success) throw new BadRequestException(`version: ${name.error.issues[0]?.message}`);
    let parsed: ReturnType<typeof parsePassportIndexCsv>;
    try {
      parsed = parsePassportIndexCsv(Buffer.concat(chunks).toString('utf8'), {
        version: name.data,
        source: source ?? 'passport-index CSV',
        importedAt: importedAt.toISOString(),
      });
    } catch (error) {
      if (error instanceof PassportIndexFormatError) throw new BadRequestException(error.message);
      throw error;
    }
    if (await this.prisma.visaMatrixVersion.findUnique({ where: { version: name.data } }))
      throw new ConflictException(`visa matrix ${name.data} exists; import under a new version`);
    await this.prisma.visaMatrixVersion.create({
      data: {
        version: name.data,
        source: source ?? 'passport-index CSV',
        matrix: JSON.parse(JSON.stringify(parsed.matrix.toJSON())),
        importedAt,
        activatedAt: activate === 'false' ? null : new Date(),
      },
    });
    await this.referenceData.refresh();
    return {
      version: name.data,
      format: parsed.format,
      entries: parsed.matrix.size,
      rejects: parsed.rejects.slice(0, 100).map((r) => ({ line: r.line, reason: r.reason })),
    };
  }

  @Post('violations')
  @ApiOperation({ summary: 'Record an overstay or visa violation against a document' })
  @ApiBody({ schema: z.toJSONSchema(ViolationSchema) as object })
  async addViolation(
    @Body({ schema: ViolationSchema }) input: z.output<typeof ViolationSchema>,
  ): Promise<{ id: string }> {
    const row = await this.prisma.visaViolation.create({
      data: {
        ...input,
        documentNumber: normaliseDocumentNumber(input.documentNumber),
        recordedOn: new Date(input.recordedOn),
      },
    });
    await this.referenceData.refresh();
    return { id: row.id };
  }

  @Post('screenings')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Dry run: screen travellers with the rules and data in force, storing and publishing nothing (docscreen screen)',
  })
  dryRun(@Body() body: { travellers?: ScreeningSubject[] }): {
    ruleSetVersion: string;
    results: Screening[];
  } {
    if (!Array.isArray(body?.travellers))
      throw new BadRequestException('travellers: an array of screening subjects is required');
    const today = new Date().toISOString().slice(0, 10);
    const context = this.referenceData.context(this.index.usable, today);
    return {
      ruleSetVersion: this.referenceData.ruleSetVersion,
      results: body.travellers.map((t) => screenTraveller(t, context)),
    };
  }
}
