import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuthenticatedAgency } from '../agencies/agencies.service.js';
import { AgencyAuthGuard } from '../agencies/agency-auth.guard.js';
import { CurrentAgency } from '../agencies/current-agency.decorator.js';
import type { AgencyAlert } from './agency-alert.js';
import { AgencyAlertsService } from './agency-alerts.service.js';
import { AgencyAlertDoc, AlertPageDoc, openApiSchema } from './dto/agency-alert.openapi.js';
import {
  AcknowledgeSchema,
  ListAlertsQuerySchema,
  ResolveSchema,
  type Acknowledge,
  type ListAlertsQuery,
  type Resolve,
} from './dto/alert-requests.schemas.js';

const NOT_FOUND = {
  status: 404,
  description: 'No such alert for your agency (another agency’s alert answers the same)',
};

/** The agencies' API: each agency sees and works its own alerts, and only those. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
@UseGuards(AgencyAuthGuard)
export class AlertsController {
  constructor(private readonly alerts: AgencyAlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Your alerts, newest first, a page at a time (filter by status)' })
  @ApiResponse({ status: 200, schema: openApiSchema(AlertPageDoc) })
  list(
    @CurrentAgency() agency: AuthenticatedAgency,
    @Query({ schema: ListAlertsQuerySchema }) query: ListAlertsQuery,
  ): Promise<{ alerts: AgencyAlert[]; nextCursor: string | null }> {
    return this.alerts.list(agency, query);
  }

  @Get(':alertId')
  @ApiOperation({ summary: 'One of your alerts with its history (who did what, when)' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  @ApiResponse({ status: 200, schema: openApiSchema(AgencyAlertDoc) })
  @ApiResponse(NOT_FOUND)
  get(@CurrentAgency() agency: AuthenticatedAgency, @Param('alertId') alertId: string): Promise<AgencyAlert> {
    return this.alerts.get(agency, alertId);
  }

  @Post(':alertId/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Acknowledge a new alert: someone is on it' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  @ApiBody({ schema: z.toJSONSchema(AcknowledgeSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, schema: openApiSchema(AgencyAlertDoc) })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The alert is not new (already acknowledged, or resolved)' })
  acknowledge(
    @CurrentAgency() agency: AuthenticatedAgency,
    @Param('alertId') alertId: string,
    @Body({ schema: AcknowledgeSchema }) input: Acknowledge,
  ): Promise<AgencyAlert> {
    return this.alerts.acknowledge(agency, alertId, input);
  }

  @Post(':alertId/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resolve a new or acknowledged alert with its outcome' })
  @ApiParam({ name: 'alertId', format: 'uuid' })
  @ApiBody({ schema: z.toJSONSchema(ResolveSchema, { io: 'input' }) as object })
  @ApiResponse({ status: 200, schema: openApiSchema(AgencyAlertDoc) })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The alert is already resolved' })
  resolve(
    @CurrentAgency() agency: AuthenticatedAgency,
    @Param('alertId') alertId: string,
    @Body({ schema: ResolveSchema }) input: Resolve,
  ): Promise<AgencyAlert> {
    return this.alerts.resolve(agency, alertId, input);
  }
}
