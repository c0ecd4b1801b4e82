import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CarrierAuthGuard } from '../carriers/carrier-auth.guard.js';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { CurrentCarrier } from '../carriers/current-carrier.decorator.js';
import { JsonManifestSchema, type JsonManifest } from './dto/json-manifest.schema.js';
import { ManifestReceipt } from './dto/manifest-receipt.js';
import { BrokerUnavailableException, ManifestsService } from './manifests.service.js';

interface RetryableResponse {
  setHeader(name: string, value: string): void;
}

@ApiTags('manifests')
@ApiBearerAuth()
@Controller('v1/manifests')
@UseGuards(CarrierAuthGuard)
export class ManifestsController {
  constructor(private readonly manifests: ManifestsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Report the travellers of a flight (Advance Passenger Information)',
    description:
      'One PassengerReported event per traveller, keyed by flight. The receipt is returned only after the broker acknowledged every event; otherwise 503 with Retry-After and nothing is accepted.',
  })
  @ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'Carried through every event and trace',
  })
  @ApiBody({ schema: z.toJSONSchema(JsonManifestSchema, { io: 'input', unrepresentable: 'any' }) as object })
  @ApiResponse({ status: 202, type: ManifestReceipt })
  @ApiResponse({ status: 400, description: 'Invalid manifest: every problem with its path' })
  @ApiResponse({ status: 401, description: 'Missing or unknown API key' })
  @ApiResponse({ status: 403, description: 'A leg is operated by another carrier' })
  @ApiResponse({
    status: 503,
    description: 'Broker unavailable: nothing accepted, retry after Retry-After seconds',
  })
  async submit(
    @CurrentCarrier() carrier: AuthenticatedCarrier,
    @Body({ schema: JsonManifestSchema }) manifest: JsonManifest,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) response: RetryableResponse,
  ): Promise<ManifestReceipt> {
    try {
      return await this.manifests.submit(carrier, manifest, correlationId?.slice(0, 64) || randomUUID());
    } catch (error) {
      if (error instanceof BrokerUnavailableException)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
