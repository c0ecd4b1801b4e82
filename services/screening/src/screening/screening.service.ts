import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
import { ScreeningOutcome, TOPICS, type PassengerReported, type Traveller } from '@docscreen/contracts';
import { EventPublisher, PermanentEventError, type OutgoingEvent } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { screenTraveller, type CheckResult } from '@docscreen/screening-rules';
import { bundledAirportDirectory } from '@docscreen/visa-rules';
import { SERVICE_NAME, SERVICE_VERSION } from '../config/screening-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { ScreeningDecision as ScreeningDecisionRow } from '../generated/prisma/client.js';
import { ReferenceData } from '../reference-data/reference-data.js';
import { RegistryIndex } from '../registry-index/registry-index.js';
import { boardingDirective, carrierInstruction, type CarrierInstruction } from './boarding-directive.js';
import { alertRaised, overallOutcome, screeningCompleted, type Decision } from './screening-completed.js';
import { recordBatch, recordDecision } from './screening.metrics.js';
import { subjectFromEvent } from './subject-from-event.js';

const PRODUCER = { name: SERVICE_NAME, version: SERVICE_VERSION };

/** A reported traveller to screen, and the trace its results belong to (the active one if absent). */
export interface ReportedTraveller {
  message: PassengerReported;
  trace?: Context;
}

/**
 * Screens reported travellers with every rule (libs/screening-rules) against this replica's lost/stolen
 * index and the active rule set and reference data. Exactly once in effect
 * (docs/adr/0008-exactly-once-screening.md): each decision, with its screening id and alert id, is
 * stored under the passenger event's id (unique) before anything is published; a redelivered event
 * republishes the stored decision's events, identical to the byte and under the same ids, instead of
 * deciding again — so it never yields a second, different result or a second alert.
 *
 * Travellers are taken in batches (a partition's consecutive events, or an interactive query's
 * family): one multi-row insert and one produce request for all of them, because on this path the
 * cost is per round trip, not per traveller (the rules take ~40 µs).
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
   * Screens, stores and publishes, for each traveller: `AlertRaised` (if any hit), the carrier's
   * `BoardingDirective`, then `ScreeningCompleted`. Resolves once the broker acknowledged all of them,
   * with each traveller's decision and instruction for the carrier, in the order of `events`.
   *
   * `markPublished` (the interactive API) records that the events went out, so the consumer, which
   * receives the same traveller's event, does not publish them again. The consumer does not mark:
   * an extra write per batch would buy only a cheaper redelivery.
   *
   * Each traveller's events go out in that traveller's trace (`trace`), even when many are screened
   * in one batch: an operator follows one traveller from the carrier's request to the agency.
   *
   * @throws PermanentEventError when an event lacks its id or traveller (nothing of the batch is kept).
   */
  async screenAll(
    events: readonly ReportedTraveller[],
    options: { markPublished?: boolean } = {},
  ): Promise<{ decision: Decision; instruction: CarrierInstruction }[]> {
    const valid = events.map(({ message: event, trace }, index) => {
      const passengerEventId = event.envelope?.eventId;
      const traveller = event.traveller;
      if (!passengerEventId || !traveller) {
        throw new PermanentEventError(
          'contract-violation',
          `PassengerReported without envelope.eventId or traveller (event ${index + 1} of ${events.length})`,
        );
      }
      return { event, traveller, passengerEventId, trace };
    });
    recordBatch(valid.length, options.markPublished ? 'interactive' : 'consumer');
    // Decided at most once: the insert keyed by the event id settles a redelivery (see decideAll).
    const decisions = await this.decideAll(valid);
    // The same event twice in a batch (a redelivery) is published twice, identically: as it would be apart.
    const unpublished = valid.filter((v) => !decisions.get(v.passengerEventId)!.published);
    const alerts: OutgoingEvent<typeof TOPICS.ALERT_RAISED>[] = [];
    const directives: OutgoingEvent<typeof TOPICS.BOARDING_DIRECTIVE>[] = [];
    const completions: OutgoingEvent<typeof TOPICS.SCREENING_COMPLETED>[] = [];
    for (const { event, passengerEventId, trace } of unpublished) {
      const { decision } = decisions.get(passengerEventId)!;
      const key = decision.flightKey;
      const alert = alertRaised(decision, event, this.airports, PRODUCER);
      if (alert) alerts.push({ key, message: alert, trace });
      directives.push({ key, message: boardingDirective(decision, event, PRODUCER), trace });
      completions.push({ key, message: screeningCompleted(decision, PRODUCER), trace });
    }
    // One produce request for all of them. If it fails part-way the handler fails and the redelivered
    // events republish all (same ids), so there is never a result without its alert for good.
    await this.publisher.publishAll([
      { topic: TOPICS.ALERT_RAISED, events: alerts },
      { topic: TOPICS.BOARDING_DIRECTIVE, events: directives },
      { topic: TOPICS.SCREENING_COMPLETED, events: completions },
    ]);
    if (options.markPublished && unpublished.length > 0) {
      await this.prisma.screeningDecision.updateMany({
        where: { eventId: { in: unpublished.map((v) => v.passengerEventId) } },
        data: { publishedAt: new Date() },
      });
    }
    return valid.map(({ passengerEventId }) => {
      const { decision } = decisions.get(passengerEventId)!;
      return { decision, instruction: carrierInstruction(decision) };
    });
  }

  /**
   * The decision of each event, by event id: newly made and stored in one insert, or — for an event
   * decided before (a redelivery, another replica, the interactive API) — the stored one, which
   * stands whatever this attempt concluded.
   */
  private async decideAll(
    events: readonly { event: PassengerReported; traveller: Traveller; passengerEventId: string }[],
  ): Promise<Map<string, { decision: Decision; published: boolean }>> {
    const screenedAt = new Date();
    // An index known to be behind the registry is no index: the check is inconclusive, never clear.
    const context = this.referenceData.context(
      this.registryIndex.usable,
      screenedAt.toISOString().slice(0, 10),
    );
    const made = events.map(({ event, traveller, passengerEventId }) => {
      const screening = screenTraveller(subjectFromEvent(event, traveller), context);
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
      return { decision, screening, event };
    });
    // One statement for the batch, ON CONFLICT (event_id) DO NOTHING: what comes back is what this
    // call stored. The rows travel as one JSON parameter: Prisma's createManyAndReturn built the same
    // statement from 13 bound values a row at about a third of this service's CPU (profile in
    // docs/performance.md), PostgreSQL reads the JSON in C.
    const rows = made.map(({ decision, screening }) => ({
      id: decision.id,
      event_id: decision.passengerEventId,
      correlation_id: decision.correlationId,
      submission_id: decision.submissionId,
      traveller_ref: decision.travellerRef,
      flight_key: decision.flightKey,
      outcome: ScreeningOutcome[overallOutcome(decision.checks)],
      checks: decision.checks,
      screened_at: screenedAt.toISOString(),
      rule_set_version: screening.ruleSetVersion,
      rule_versions: screening.ruleVersions,
      visa_matrix_version: this.referenceData.visaMatrixVersion,
      alert_id: decision.alertId ?? null,
    }));
    const stored = await this.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO screening_decision (id, event_id, correlation_id, submission_id, traveller_ref,
        flight_key, outcome, checks, screened_at, rule_set_version, rule_versions, visa_matrix_version,
        alert_id)
      SELECT id, event_id, correlation_id, submission_id, traveller_ref, flight_key, outcome, checks,
        screened_at, rule_set_version, rule_versions, visa_matrix_version, alert_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, event_id text,
        correlation_id text, submission_id text, traveller_ref text, flight_key text, outcome text,
        checks jsonb, screened_at timestamptz, rule_set_version text, rule_versions jsonb,
        visa_matrix_version text, alert_id uuid)
      ON CONFLICT (event_id) DO NOTHING
      RETURNING id::text AS id`;
    const storedIds = new Set(stored.map((row) => row.id));
    const decisions = new Map<string, { decision: Decision; published: boolean }>();
    for (const { decision, screening, event } of made) {
      if (!storedIds.has(decision.id)) continue;
      decisions.set(decision.passengerEventId, { decision, published: false });
      recordDecision(decision.checks, screening, event, screenedAt);
      // Debug: one line per traveller costs more CPU than the rules themselves at full speed.
      this.logger.debug(
        {
          flightKey: decision.flightKey,
          screeningId: decision.id,
          outcome: ScreeningOutcome[overallOutcome(decision.checks)],
          ruleSetVersion: screening.ruleSetVersion,
          rules: screening.hits.map((h) => h.rule),
        },
        'traveller screened',
      );
    }
    const decidedBefore = events.filter((e) => !decisions.has(e.passengerEventId));
    if (decidedBefore.length > 0) {
      const rows = await this.prisma.screeningDecision.findMany({
        where: { eventId: { in: decidedBefore.map((e) => e.passengerEventId) } },
      });
      for (const row of rows) {
        decisions.set(row.eventId, { decision: decisionOf(row), published: row.publishedAt !== null });
      }
      const missing = decidedBefore.filter((e) => !decisions.has(e.passengerEventId));
      // Neither stored by this call nor found: the insert skipped it for another reason. Retried.
      if (missing.length > 0) throw new Error(`no decision stored for ${missing.length} event(s)`);
    }
    return decisions;
  }
}

function decisionOf(row: ScreeningDecisionRow): Decision {
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
