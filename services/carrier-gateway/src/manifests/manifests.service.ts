import { randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { TOPICS } from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import { SERVICE_NAME, SERVICE_VERSION, type GatewayConfig } from '../config/gateway-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { JsonManifest } from './dto/json-manifest.schema.js';
import type { ManifestReceipt } from './dto/manifest-receipt.js';
import { manifestFlightKey, passengerEvents } from './passenger-events.js';

/** Raised when the broker did not acknowledge: the carrier must resend, nothing was accepted. */
export class BrokerUnavailableException extends ServiceUnavailableException {
  constructor(readonly retryAfterSeconds: number) {
    super({
      message: 'the event broker did not acknowledge the travellers; nothing was accepted, resend later',
      retryAfterSeconds,
    });
  }
}

@Injectable()
export class ManifestsService {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly prisma: PrismaService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async submit(
    carrier: AuthenticatedCarrier,
    manifest: JsonManifest,
    correlationId: string,
  ): Promise<ManifestReceipt> {
    const foreign = manifest.legs.filter((leg) => leg.carrierCode !== carrier.iataCode);
    if (foreign.length > 0) {
      throw new ForbiddenException(
        `carrier ${carrier.iataCode} may only report its own flights; legs operated by ${[...new Set(foreign.map((l) => l.carrierCode))].join(', ')}`,
      );
    }
    const submissionId = randomUUID();
    const receivedAt = new Date();
    const flightKey = manifestFlightKey(manifest);
    const events = passengerEvents(manifest, {
      submissionId,
      correlationId,
      carrierCode: carrier.iataCode,
      receivedAt,
      producer: { name: SERVICE_NAME, version: SERVICE_VERSION },
    });

    try {
      await this.publisher.publish(
        TOPICS.PASSENGER_REPORTED,
        events.map((message) => ({ key: flightKey, message })),
      );
    } catch (error) {
      this.logger.error({ error, submissionId, flightKey }, 'broker did not acknowledge a manifest');
      throw new BrokerUnavailableException(this.config.BROKER_RETRY_AFTER_SECONDS);
    }

    await this.prisma.manifestSubmission.create({
      data: {
        id: submissionId,
        carrierId: carrier.id,
        flightKey,
        receivedAt,
        travellerCount: events.length,
        correlationId,
      },
    });
    this.logger.info({ submissionId, flightKey, travellers: events.length }, 'manifest accepted');
    return {
      submissionId,
      correlationId,
      flightKey,
      receivedAt: receivedAt.toISOString(),
      accepted: events.map((event) => ({
        travellerRef: event.traveller?.travellerRef ?? '',
        eventId: event.envelope?.eventId ?? '',
      })),
      rejected: [],
    };
  }
}
