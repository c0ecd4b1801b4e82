import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ScreeningOutcome, TOPICS, type PassengerReported, type Traveller } from '@docscreen/contracts';
import { EventPublisher, PermanentEventError } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { screenTraveller, type CheckResult } from '@docscreen/screening-rules';
import { bundledAirportDirectory } from '@docscreen/visa-rules';
import { SERVICE_NAME, SERVICE_VERSION } from '../config/screening-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { ReferenceData } from '../reference-data/reference-data.js';
import { RegistryIndex } from '../registry-index/registry-index.js';
import { boardingDirective, carrierInstruction, type CarrierInstruction } from './boarding-directive.js';
import { alertRaised, overallOutcome, screeningCompleted, type Decision } from './screening-completed.js';
import { subjectFromEvent } from './subject-from-event.js';

const PRODUCER = { name: SERVICE_NAME, version: SERVICE_VERSION };

/**
 * Screens one reported traveller with every rule (libs/screening-rules) against this replica's
 * lost/stolen index and the active rule set and reference data. Exactly once in effect
 * (docs/adr/0008-exactly-once-screening.md): the decision, with its screening id and alert id, is
 * stored under the passenger event's id (unique) before anything is published; a redelivered event
 * republishes the stored decision's events, identical to the byte and under the same ids, instead
 * of deciding again — so it never yields a second, different result or a second alert.
 */
@Injectable()
export class ScreeningService {
  private readonly airports = bundledAirportDirectory();

  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
    private readonly referenceData: ReferenceData,
    private readonly registryIndex: RegistryIndex,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Screens, stores and publishes: `AlertRaised` (if any hit), the carrier's `BoardingDirective`, then
   * `ScreeningCompleted`. Returns once the broker acknowledged all of them, with the instruction for
   * the carrier (which the interactive API answers with).
   */
  async screen(event: PassengerReported): Promise<{ decision: Decision; instruction: CarrierInstruction }> {
    const passengerEventId = event.envelope?.eventId;
    const traveller = event.traveller;
    if (!passengerEventId || !traveller) {
      throw new PermanentEventError(
        'contract-violation',
        'PassengerReported without envelope.eventId or traveller',
      );
    }
    // Decided at most once: the insert keyed by the event id settles a redelivery (see decide).
    const decision = await this.decide(event, traveller, passengerEventId);
    const completed = screeningCompleted(decision, PRODUCER);
    const alert = alertRaised(decision, event, this.airports, PRODUCER);
    const directive = boardingDirective(decision, event, PRODUCER);
    // One produce request for all of them. If it fails part-way the handler fails and the redelivered
    // event republishes all three (same ids), so there is never a result without its alert for good.
    await this.publisher.publishAll([
      { topic: TOPICS.ALERT_RAISED, events: alert ? [{ key: decision.flightKey, message: alert }] : [] },
      { topic: TOPICS.BOARDING_DIRECTIVE, events: [{ key: decision.flightKey, message: directive }] },
      { topic: TOPICS.SCREENING_COMPLETED, events: [{ key: decision.flightKey, message: completed }] },
    ]);
    return { decision, instruction: carrierInstruction(decision) };
  }

  private async decide(
    event: PassengerReported,
    traveller: Traveller,
    passengerEventId: string,
  ): Promise<Decision> {
    const screenedAt = new Date();
    const screening = screenTraveller(
      subjectFromEvent(event, traveller),
      this.referenceData.context(this.registryIndex.current, screenedAt.toISOString().slice(0, 10)),
    );
    const decision: Decision = {
      id: randomUUID(),
      passengerEventId,
      correlationId: event.envelope?.correlationId ?? '',
      flightKey: event.flightKey,
      submissionId: event.submissionId,
      travellerRef: traveller.travellerRef,
      checks: screening.checks,
      ruleSetVersion: screening.ruleSetVersion,
      alertId: screening.hits.length > 0 ? randomUUID() : undefined,
      screenedAt,
    };
    const outcome = ScreeningOutcome[overallOutcome(decision.checks)];
    try {
      await this.prisma.screeningDecision.create({
        data: {
          id: decision.id,
          eventId: passengerEventId,
          correlationId: decision.correlationId,
          submissionId: decision.submissionId,
          travellerRef: decision.travellerRef,
          flightKey: decision.flightKey,
          outcome,
          checks: JSON.parse(JSON.stringify(decision.checks)),
          ruleSetVersion: screening.ruleSetVersion,
          ruleVersions: screening.ruleVersions,
          visaMatrixVersion: this.referenceData.visaMatrixVersion,
          alertId: decision.alertId ?? null,
          screenedAt,
        },
      });
    } catch (error) {
      // A redelivery, or another replica, stored a decision for this event first: that one stands,
      // and is what gets published again (same ids), whatever this attempt concluded.
      const stored = await this.storedDecision(passengerEventId);
      if (stored) return stored;
      throw error;
    }
    // Debug: one line per traveller costs more CPU than the rules themselves at full speed.
    this.logger.debug(
      {
        flightKey: decision.flightKey,
        screeningId: decision.id,
        outcome,
        ruleSetVersion: screening.ruleSetVersion,
        rules: screening.hits.map((h) => h.rule),
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
      ruleSetVersion: row.ruleSetVersion,
      alertId: row.alertId ?? undefined,
      screenedAt: row.screenedAt,
    };
  }
}
