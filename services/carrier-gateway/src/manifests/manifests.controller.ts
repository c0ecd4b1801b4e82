import {
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { CarrierAuthGuard } from '../carriers/carrier-auth.guard.js';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { CurrentCarrier } from '../carriers/current-carrier.decorator.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { CarrierRateLimitGuard } from '../rate-limit/carrier-rate-limit.guard.js';
import { JsonManifestSchema } from './dto/json-manifest.schema.js';
import { MANIFEST_LIMITS as LIMITS } from './manifest-limits.js';
import { ManifestReceipt } from './dto/manifest-receipt.js';
import { ManifestMetricsInterceptor } from './manifests.metrics.js';
import { BrokerUnavailableException, ManifestsService } from './manifests.service.js';
import { correlationFor } from './correlation-id.js';
import { MANIFEST_MEDIA_TYPES } from './media-types.js';
import { readManifest, type RawManifestRequest } from './read-manifest.js';

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

@ApiTags('manifests')
@ApiBearerAuth()
@Controller('v1/manifests')
@UseGuards(CarrierAuthGuard, CarrierRateLimitGuard)
@UseInterceptors(ManifestMetricsInterceptor)
export class ManifestsController {
  constructor(
    private readonly manifests: ManifestsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Report the travellers of a flight (Advance Passenger Information)',
    description:
      'UN/EDIFACT PAXLST (application/edifact or text/plain) or the JSON manifest below; the same checks apply to both. ' +
      'One PassengerReported event per accepted traveller, keyed by flight. The receipt is returned only after the broker ' +
      'acknowledged every event; otherwise 503 with Retry-After and nothing is accepted. Unreadable travellers are listed ' +
      'in `rejected`, never dropped. The same Idempotency-Key (or PAXLST interchange + message reference, or JSON messageRef) ' +
      'from the same carrier returns the original receipt with `Idempotent-Replayed: true`. ' +
      `Limits (both formats): at most ${LIMITS.documentsPerTraveller} documents per traveller, ${LIMITS.nameLength} characters ` +
      `for the surname and for the given names, ${LIMITS.documentNumberLength} for a document number, ${LIMITS.codeLength} for a code ` +
      `or place (states, ports, document type), ${LIMITS.referenceLength} for a reference, ${LIMITS.legsPerMessage} flight legs per message, ` +
      'MAX_TRAVELLERS_PER_MANIFEST travellers (default 1000, every traveller counted, readable or not) and MAX_BODY_BYTES ' +
      '(default 5 MiB) per message. A traveller over a limit is rejected alone (JSON: with its path; PAXLST: with its ' +
      'segment, element and the limit), the others are accepted. Input contracts: dates are calendar dates YYYY-MM-DD and ' +
      'times local YYYY-MM-DDTHH:mm that exist (no 30 February, no 25:61, no year 0000); a PAXLST two-digit expiry year ' +
      'is read only within 20 years before and 30 after the interchange date (otherwise a defect asking for the century); ' +
      'control characters (C0, DEL, C1) in any text are refused — in a traveller, that traveller is rejected; elsewhere ' +
      'in the message, 400; JSON must be UTF-8. The receipt lists at most 100 defects (`defectSummary` then counts all per ' +
      'code) and one reason of at most 300 characters per rejected traveller; defects and reasons never quote a name, ' +
      'document number or birth date.',
  })
  @ApiConsumes(...MANIFEST_MEDIA_TYPES)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Resubmissions with the same key are not published twice',
  })
  @ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'Carried through every event and trace',
  })
  @ApiBody({ schema: z.toJSONSchema(JsonManifestSchema, { io: 'input', unrepresentable: 'any' }) as object })
  @ApiResponse({ status: 202, type: ManifestReceipt })
  @ApiResponse({
    status: 400,
    description: 'Nothing could be accepted: every problem with its path or PAXLST segment',
  })
  @ApiResponse({ status: 401, description: 'Missing or unknown API key' })
  @ApiResponse({ status: 403, description: 'A leg is operated by another carrier' })
  @ApiResponse({ status: 409, description: 'The same submission is being processed right now' })
  @ApiResponse({
    status: 413,
    description:
      'Body or traveller count over the limit, or an event larger than the broker accepts (`bytes`, `limit`): never retried',
  })
  @ApiResponse({ status: 415, description: 'Content-Type not accepted' })
  @ApiResponse({ status: 422, description: 'Idempotency key reused for a different message' })
  @ApiResponse({ status: 429, description: 'Rate limit; see Retry-After' })
  @ApiResponse({
    status: 503,
    description:
      'Nothing accepted, resend after Retry-After seconds: the broker did not acknowledge, the rate limit cannot be ' +
      'checked, or this replica has MANIFEST_MAX_IN_FLIGHT submissions in flight (answered at once, before the body ' +
      'is read; Retry-After SATURATED_RETRY_AFTER_SECONDS)',
  })
  async submit(
    @CurrentCarrier() carrier: AuthenticatedCarrier,
    @Req() request: RawManifestRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<ManifestReceipt> {
    const incoming = readManifest(request, this.config.MAX_TRAVELLERS_PER_MANIFEST);
    try {
      const outcome = await this.manifests.submit(
        carrier,
        incoming,
        // Any length: a long key is stored as its digest (idempotency-key.ts), never cut short.
        idempotencyKey?.trim() || undefined,
        correlationFor(correlationId),
      );
      if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
      return outcome.receipt;
    } catch (error) {
      if (error instanceof BrokerUnavailableException)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
