import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ScreeningOutcome, TOPICS, type PassengerReported, type Traveller } from '@docscreen/contracts';
import { EventPublisher, PermanentEventError } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { mrzIntegrityCheck, type CheckResult } from '@docscreen/screening-rules';
import { SERVICE_NAME, SERVICE_VERSION } from '../config/screening-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { overallOutcome, screeningCompleted, type Decision } from './screening-completed.js';

const PRODUCER = { name: SERVICE_NAME, version: SERVICE_VERSION };

/**
 * Screens one reported traveller. Exactly once in effect: the decision is stored under the passenger
 * event's id (unique), and a redelivered event republishes the stored decision instead of deciding
 * again, so it never yields a second, different result.
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async screen(event: PassengerReported): Promise<Decision> {
    const passengerEventId = event.envelope?.eventId;
    const traveller = event.traveller;
    if (!passengerEventId || !traveller) {
      throw new PermanentEventError(
        'contract-violation',
        'PassengerReported without envelope.eventId or traveller',
      );
    }
    const decision =
      (await this.storedDecision(passengerEventId)) ??
      (await this.decide(event, traveller, passengerEventId));
    await this.publisher.publish(TOPICS.SCREENING_COMPLETED, [
      { key: decision.flightKey, message: screeningCompleted(decision, PRODUCER) },
    ]);
    return decision;
  }

  private async decide(
    event: PassengerReported,
    traveller: Traveller,
    passengerEventId: string,
  ): Promise<Decision> {
    const checks: CheckResult[] = [
      mrzIntegrityCheck(
        traveller.documents.map((d) => ({
          code: d.code,
          number: d.number,
          issuingState: d.issuingState,
          expiryDate: d.expiryDate || undefined,
          mrzLines: d.mrzLines,
        })),
      ),
    ];
    const decision: Decision = {
      id: randomUUID(),
      passengerEventId,
      correlationId: event.envelope?.correlationId ?? '',
      flightKey: event.flightKey,
      submissionId: event.submissionId,
      travellerRef: traveller.travellerRef,
      checks,
      screenedAt: new Date(),
    };
    try {
      await this.prisma.screeningDecision.create({
        data: {
          id: decision.id,
          eventId: passengerEventId,
          correlationId: decision.correlationId,
          submissionId: decision.submissionId,
          travellerRef: decision.travellerRef,
          flightKey: decision.flightKey,
          outcome: ScreeningOutcome[overallOutcome(checks)],
          checks: JSON.parse(JSON.stringify(checks)),
          screenedAt: decision.screenedAt,
        },
      });
    } catch (error) {
      // Another replica (or an earlier attempt) stored it first: that decision stands.
      const stored = await this.storedDecision(passengerEventId);
      if (stored) return stored;
      throw error;
    }
    this.logger.info(
      {
        flightKey: decision.flightKey,
        screeningId: decision.id,
        outcome: ScreeningOutcome[overallOutcome(checks)],
      },
      'traveller screened',
    );
    return decision;
  }

  private async storedDecision(passengerEventId: string): Promise<Decision | undefined> {
    const row = await this.prisma.screeningDecision.findUnique({ where: { eventId: passengerEventId } });
    if (!row) return undefined;
    return {
      id: row.id,
      passengerEventId: row.eventId,
      correlationId: row.correlationId,
      flightKey: row.flightKey,
      submissionId: row.submissionId,
      travellerRef: row.travellerRef,
      checks: row.checks as unknown as CheckResult[],
      screenedAt: row.screenedAt,
    };
  }
}
