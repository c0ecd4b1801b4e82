import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { checkWebhookUrl } from '@docscreen/webhooks';
import { CarrierAuthGuard } from '../carriers/carrier-auth.guard.js';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { CurrentCarrier } from '../carriers/current-carrier.decorator.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { DirectiveWebhookSecrets } from './directive-webhook-secrets.js';
import { DirectivesService, type StandingDirective } from './directives.service.js';

@ApiTags('directives')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(CarrierAuthGuard)
export class DirectivesController {
  constructor(
    private readonly directives: DirectivesService,
    private readonly prisma: PrismaService,
    private readonly secrets: DirectiveWebhookSecrets,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('manifests/:submissionId/directives')
  @ApiOperation({
    summary:
      'The standing board / do-not-board / contact-the-authority directive of each traveller of a manifest',
    description:
      'One entry per traveller screened so far; a traveller not listed has not been screened yet and must not be ' +
      'boarded on the strength of its absence. A later directive supersedes an earlier one; screening’s directive ' +
      'always supersedes an interactive safe default.',
  })
  @ApiResponse({ status: 200, description: '{ submissionId, flightKey, directives: [...] }' })
  @ApiResponse({ status: 404, description: 'No such manifest for this carrier' })
  async list(
    @CurrentCarrier() carrier: AuthenticatedCarrier,
    @Param('submissionId', new ParseUUIDPipe()) submissionId: string,
  ): Promise<{ submissionId: string; flightKey: string | null; directives: StandingDirective[] }> {
    const standing = await this.directives.standing(carrier.id, submissionId);
    return { submissionId, ...standing };
  }

  @Put('carrier/directive-webhook')
  @ApiOperation({
    summary: 'Register (or replace) the URL that receives this carrier’s directives as signed webhooks',
    description:
      'Returns the signing secret once: every delivery carries x-docscreen-delivery, x-docscreen-timestamp and ' +
      'x-docscreen-signature (v1=HMAC-SHA256 of "<delivery id>.<timestamp>.<body>"); see libs/webhooks/README.md to verify. ' +
      'Replacing the URL issues a new secret.',
  })
  @ApiResponse({ status: 200, description: '{ url, secret }' })
  @ApiResponse({
    status: 400,
    description:
      'Not an https URL on a public host: plain http, credentials in the URL (user:password@), or a host that is ' +
      'a loopback, private, link-local, unique-local, IPv4-mapped or cloud-metadata address (in any spelling), ' +
      'localhost or another local name; the reason says which. The host name is resolved again at each ' +
      'delivery and every address it resolves to checked the same way.',
  })
  @ApiResponse({ status: 503, description: 'This gateway cannot store webhook secrets (SECRETS_KEYS unset)' })
  async registerWebhook(
    @CurrentCarrier() carrier: AuthenticatedCarrier,
    @Body() body: { url?: unknown },
  ): Promise<{ url: string; secret: string }> {
    const verdict = checkWebhookUrl(body?.url, {
      allowPrivateTargets: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    });
    if (!verdict.ok) throw new BadRequestException(`url: ${verdict.reason}`);
    const url = verdict.url.toString();
    const { secret, columns } = this.secrets.issue(carrier.id);
    await this.prisma.carrier.update({
      where: { id: carrier.id },
      data: { directiveWebhookUrl: url, ...columns },
    });
    return { url, secret };
  }

  @Delete('carrier/directive-webhook')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop webhook delivery of directives (the topic and polling remain)' })
  async removeWebhook(@CurrentCarrier() carrier: AuthenticatedCarrier): Promise<void> {
    await this.prisma.carrier.update({
      where: { id: carrier.id },
      data: { directiveWebhookUrl: null, directiveWebhookSecret: null, directiveWebhookSecretSealed: null },
    });
  }
}
