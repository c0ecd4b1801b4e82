import { Controller, Headers, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { CarrierAuthGuard } from '../carriers/carrier-auth.guard.js';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { CurrentCarrier } from '../carriers/current-carrier.decorator.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { JsonManifestSchema } from '../manifests/dto/json-manifest.schema.js';
import { correlationFor } from '../manifests/correlation-id.js';
import { BrokerUnavailableException } from '../manifests/manifests.service.js';
import { MANIFEST_MEDIA_TYPES, mediaTypeOf } from '../manifests/media-types.js';
import { readManifest, type RawManifestRequest } from '../manifests/read-manifest.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { arrivedAt } from './arrival-time.js';
import { cusresAnswer } from './cusres-answer.js';
import type { InteractiveAnswer } from './interactive-answer.js';
import { recordInteractiveAnswer } from './interactive.metrics.js';
import { InteractiveService } from './interactive.service.js';

interface HttpResponse {
  setHeader(name: string, value: string): void;
  type(contentType: string): void;
}

@ApiTags('interactive')
@ApiBearerAuth()
@Controller('v1/interactive')
@UseGuards(CarrierAuthGuard, CarrierRateLimitGuard)
export class InteractiveController {
  constructor(
    private readonly interactive: InteractiveService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Interactive API (iAPI): board / do-not-board / contact-the-authority for travellers at check-in',
    description:
      'One traveller (or a small group) on one flight, as JSON (the manifest shape of POST /v1/manifests) or as an ' +
      'interactive UN/EDIFACT PAXLST. Answered synchronously: JSON directives, or for EDIFACT a CUSRES with one ERC ' +
      'per traveller (0Z OK to board, 1Z do not board, 2Z contact the authority) and an FTX reason. The travellers are ' +
      'archived, published and screened like any manifest. If screening has not answered within INTERACTIVE_BUDGET_MS ' +
      '(default 2 s) the answer is the safe default — contact the authority, `answeredBy: "safe-default"` — never ' +
      '"board"; screening’s own directive follows on the carrier topic, the webhook and GET /v1/manifests/{id}/directives. ' +
      'The budget counts from the query’s arrival at the server, not from when the handler runs. A replica with ' +
      'INTERACTIVE_MAX_IN_FLIGHT queries in flight answers at once with the same safe default, `answeredBy: "shed"` ' +
      '(`submissionId` null): the travellers are still stored and published in the background when the replica can ' +
      'take them, so screening’s directive follows as above; a query that spent its whole budget waiting before it ' +
      'was handled is answered "shed" too, without anything started. ' +
      'A traveller the gateway cannot read is answered contact-the-authority, never dropped. Send Accept: application/json ' +
      'to get JSON for an EDIFACT query.',
  })
  @ApiConsumes(...MANIFEST_MEDIA_TYPES)
  @ApiProduces('application/json', 'application/edifact')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A resent query gets the directives given since',
  })
  @ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'Carried through every event and trace',
  })
  @ApiBody({ schema: z.toJSONSchema(JsonManifestSchema, { io: 'input', unrepresentable: 'any' }) as object })
  @ApiResponse({
    status: 200,
    description:
      '{ submissionId, correlationId, flightKey, answeredBy, directives[] } or a CUSRES; answeredBy (also the ' +
      'X-Answered-By header): "screening", "safe-default" (the budget ran out or screening failed) or "shed" ' +
      '(answered at once: the replica was at its in-flight limit or the query had waited its budget)',
  })
  @ApiResponse({
    status: 400,
    description: 'No traveller could be read: every problem with its path or segment',
  })
  @ApiResponse({ status: 401, description: 'Missing or unknown API key' })
  @ApiResponse({ status: 403, description: 'A leg is operated by another carrier' })
  @ApiResponse({
    status: 413,
    description:
      'More travellers than INTERACTIVE_MAX_TRAVELLERS, or an event larger than the broker accepts (`bytes`, `limit`). ' +
      'The manifest limits of POST /v1/manifests apply: a traveller over one gets contact-authority',
  })
  @ApiResponse({ status: 415, description: 'Content-Type not accepted' })
  @ApiResponse({ status: 429, description: 'Rate limit; see Retry-After' })
  @ApiResponse({
    status: 503,
    description: 'The broker refused the travellers within the budget: nothing accepted, resend',
  })
  async check(
    @CurrentCarrier() carrier: AuthenticatedCarrier,
    @Req() request: RawManifestRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<InteractiveAnswer | string> {
    const incoming = readManifest(request, this.config.INTERACTIVE_MAX_TRAVELLERS);
    let answer: InteractiveAnswer;
    try {
      answer = await this.interactive.check(
        carrier,
        incoming,
        // Any length: a long key is stored as its digest (idempotency-key.ts), never cut short.
        idempotencyKey?.trim() || undefined,
        correlationFor(correlationId),
        arrivedAt(request),
      );
    } catch (error) {
      if (error instanceof BrokerUnavailableException)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    response.setHeader('X-Answered-By', answer.answeredBy);
    recordInteractiveAnswer(answer, incoming.format, arrivedAt(request));
    if (incoming.format === 'paxlst' && !mediaTypeOf(accept).includes('json')) {
      response.type('application/edifact');
      return cusresAnswer(answer, incoming, this.config.CUSRES_SENDER_ID);
    }
    return answer;
  }
}
