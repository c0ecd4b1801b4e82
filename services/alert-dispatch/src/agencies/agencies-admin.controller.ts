import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '@docscreen/nest-platform';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AgenciesService, type AgencySummary, type IssuedSecrets } from './agencies.service.js';
import {
  RegisterAgencySchema,
  UpdateAgencySchema,
  type RegisterAgency,
  type UpdateAgency,
} from './dto/agency.schemas.js';

/** Operators register the border agencies that receive alerts, and change what they receive. */
@ApiTags('operators')
@ApiBearerAuth()
@Controller('v1/admin/agencies')
@UseGuards(AdminTokenGuard)
export class AgenciesAdminController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @ApiOperation({
    summary:
      'Register an agency: what it is responsible for, what it wants, its channels. Answers its API token (and webhook secret), shown this once',
  })
  @ApiBody({ schema: z.toJSONSchema(RegisterAgencySchema, { io: 'input' }) as object })
  @ApiResponse({ status: 201, description: '{ code, token, webhookSecret? }' })
  @ApiResponse({ status: 409, description: 'Already registered' })
  register(
    @Body({ schema: RegisterAgencySchema }) input: RegisterAgency,
  ): Promise<{ code: string } & IssuedSecrets> {
    return this.agencies.register(input);
  }

  @Get()
  @ApiOperation({ summary: 'Every agency, its responsibilities, filters and channels (no secrets)' })
  list(): Promise<AgencySummary[]> {
    return this.agencies.list();
  }

  @Patch(':code')
  @ApiOperation({
    summary:
      'Change an agency; deactivate it; rotate its token or webhook secret (a new one is answered once)',
  })
  @ApiBody({ schema: z.toJSONSchema(UpdateAgencySchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, description: 'The agency, with token / webhookSecret when newly issued' })
  @ApiResponse({ status: 404, description: 'No such agency' })
  update(
    @Param('code') code: string,
    @Body({ schema: UpdateAgencySchema }) change: UpdateAgency,
  ): Promise<AgencySummary & IssuedSecrets> {
    return this.agencies.update(code, change);
  }
}
