import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { TOPICS, type PassengerReported } from '@docscreen/contracts';
import { EventPublisher, EventTooLargeError } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import { SERVICE_NAME, SERVICE_VERSION, type GatewayConfig } from '../config/gateway-config.js';
import type { ManifestReceipt } from './dto/manifest-receipt.js';
import { recordAcceptedMessage } from './manifests.metrics.js';
import { manifestFlightKey, passengerEvents } from './passenger-events.js';
import { receiptDefects } from './receipt-limits.js';
import type { IncomingManifest } from './submission.js';
import { SubmissionsService } from './submissions.service.js';

/** Raised when the broker did not acknowledge: the carrier must resend, nothing was accepted. */
export class BrokerUnavailableException extends ServiceUnavailableException {
  constructor(readonly retryAfterSeconds: number) {
    super({
      message: 'the event broker did not acknowledge the travellers; nothing was accepted, resend later',
      retryAfterSeconds,
    });
  }
}

/**
 * A traveller's event is larger than the broker takes: resending can never help, so 413 rather than
 * 503. The manifest limits (manifest-limits.ts) are meant to make this unreachable.
 */
export class EventTooLargeException extends PayloadTooLargeException {
  constructor(error: EventTooLargeError) {
    super({
      message: `a traveller's event encodes to ${error.bytes} bytes; the broker accepts at most ${error.limit}: nothing was accepted, do not resend this message unchanged`,
      bytes: error.bytes,
      limit: error.limit,
    });
  }
}

export interface SubmissionOutcome {
  receipt: ManifestReceipt;
  replayed: boolean;
  /** The events published for the accepted travellers; empty for a replay (published before). */
  events: PassengerReported[];
}

@Injectable()
export class ManifestsService {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly submissions: SubmissionsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Archives the message, publishes one event per accepted traveller and returns the receipt only once
   * the broker has acknowledged all of them. A retry of the same submission republishes the same event
   * ids, so nothing is screened twice.
   */
  async submit(
    carrier: AuthenticatedCarrier,
    incoming: IncomingManifest,
    idempotencyKey: string | undefined,
    correlationId: string,
  ): Promise<SubmissionOutcome> {
    const { manifest } = incoming;
    const foreign = [
      ...new Set(manifest.legs.map((l) => l.carrierCode).filter((c) => c !== carrier.iataCode)),
    ];
    if (foreign.length > 0) {
      throw new ForbiddenException(
        `carrier ${carrier.iataCode} may only report its own flights; this manifest has legs operated by ${foreign.join(', ')}`,
      );
    }
    // Before anything is stored: a message that cannot be keyed leaves no pending submission behind.
    const flightKey = keyOf(manifest);
    const claim = await this.submissions.claim(
      carrier.id,
      incoming,
      idempotencyKey ?? incoming.messageKey,
      correlationId,
    );
    if (claim.kind === 'replay') return { receipt: claim.receipt, replayed: true, events: [] };

    const receivedAt = new Date();
    const events = passengerEvents(manifest, {
      submissionId: claim.submissionId,
      correlationId,
      carrierCode: carrier.iataCode,
      receivedAt,
      producer: { name: SERVICE_NAME, version: SERVICE_VERSION },
      format: incoming.format,
      source: incoming.source,
    });
    try {
      // Bounded by KAFKA_PUBLISH_TIMEOUT_MS (the producer's budget, see AppModule). A rejection means
      // kafkajs gave up: nothing is left in flight, so a 503 is never followed by a late publish.
      await this.publisher.publish(
        TOPICS.PASSENGER_REPORTED,
        events.map((message) => ({ key: flightKey, message })),
      );
    } catch (error) {
      await this.submissions.fail(claim.submissionId);
      if (error instanceof EventTooLargeError) {
        this.logger.error(
          { error, submissionId: claim.submissionId, flightKey },
          'an event of a manifest is larger than the broker accepts',
        );
        throw new EventTooLargeException(error);
      }
      this.logger.error(
        { error, submissionId: claim.submissionId, flightKey },
        'broker did not acknowledge a manifest',
      );
      throw new BrokerUnavailableException(this.config.BROKER_RETRY_AFTER_SECONDS);
    }

    const receipt: ManifestReceipt = {
      submissionId: claim.submissionId,
      correlationId,
      flightKey,
      receivedAt: receivedAt.toISOString(),
      accepted: events.map((event) => ({
        travellerRef: event.traveller?.travellerRef ?? '',
        eventId: event.envelope?.eventId ?? '',
      })),
      rejected: incoming.rejected,
      ...receiptDefects(incoming.defects),
    };
    await this.submissions.accept(claim.submissionId, receipt);
    recordAcceptedMessage(carrier.iataCode, incoming, events.length, receivedAt);
    this.logger.info(
      {
        submissionId: claim.submissionId,
        flightKey,
        accepted: events.length,
        rejected: incoming.rejected.length,
      },
      'manifest accepted',
    );
    return { receipt, replayed: false, events };
  }
}

/** The flight key of a manifest the readers let through; a leg they did not catch is still a 400. */
function keyOf(manifest: IncomingManifest['manifest']): string {
  try {
    return manifestFlightKey(manifest);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BadRequestException({
        message: `the first flight leg cannot key the submission: ${error.message}`,
        problems: [{ path: 'legs.0', message: error.message }],
      });
    }
    throw error;
  }
}
