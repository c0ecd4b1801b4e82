import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { DirectivesService } from '../directives/directives.service.js';
import { AdmissionControl } from '../manifests/admission-control.js';
import { ManifestsService, type SubmissionOutcome } from '../manifests/manifests.service.js';
import { manifestFlightKey } from '../manifests/passenger-events.js';
import type { IncomingManifest } from '../manifests/submission.js';
import {
  safeDefaultDirectives,
  screenedDirectives,
  type InteractiveAnswer,
  type QueryTravellers,
  type TravellerDirective,
} from './interactive-answer.js';
import { ScreeningClient } from './screening-client.js';

const BUDGET_EXPIRED = Symbol('budget expired');

interface Query {
  carrier: AuthenticatedCarrier;
  incoming: IncomingManifest;
  idempotencyKey: string | undefined;
  correlationId: string;
  flightKey: string;
}

/** The travellers of a query not (yet) accepted: the refs their events will carry. */
function unsubmittedTravellers(incoming: IncomingManifest): QueryTravellers {
  return {
    // passengerEvents numbers travellers without a ref.
    accepted: incoming.manifest.travellers.map((t, index) => ({
      travellerRef: t.travellerRef ?? String(index + 1),
      eventId: '',
    })),
    rejected: incoming.rejected,
  };
}

/**
 * Interactive API (iAPI): one check-in query answered inside INTERACTIVE_BUDGET_MS. The travellers
 * are archived and published exactly as a batch manifest is (so they are screened, alerted and
 * recorded whatever happens next), then screening is asked for their directives directly. Whatever
 * is not answered inside the budget — the submission, screening, or a failure of either — is answered
 * with the safe default, contact the authority; never "board", and never a hang.
 */
@Injectable()
export class InteractiveService {
  constructor(
    private readonly manifests: ManifestsService,
    private readonly screening: ScreeningClient,
    private readonly directives: DirectivesService,
    private readonly admission: AdmissionControl,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * @param arrivedAt when the query reached the server (arrival-time.ts): the budget counts from there.
   */
  async check(
    carrier: AuthenticatedCarrier,
    incoming: IncomingManifest,
    idempotencyKey: string | undefined,
    correlationId: string,
    arrivedAt: number,
  ): Promise<InteractiveAnswer> {
    const flightKey = manifestFlightKey(incoming.manifest);
    const query: Query = { carrier, incoming, idempotencyKey, correlationId, flightKey };
    const remainingMs = arrivedAt + this.config.INTERACTIVE_BUDGET_MS - performance.now();
    // Spent its budget waiting for the handler: the replica is behind, so no work is started for it.
    if (remainingMs <= 0) return this.shed(query, 'late');
    const release = this.admission.interactive.tryEnter();
    if (!release) return this.shed(query, 'shed');
    const budget = AbortSignal.timeout(Math.ceil(remainingMs));
    const submission = this.manifests.submit(carrier, incoming, idempotencyKey, correlationId);
    try {
      return await this.answer(query, submission, budget);
    } finally {
      // The slot is held until the submission is done too, so work left behind by a safe default
      // still counts against the limit.
      void submission.then(release, release);
    }
  }

  private async answer(
    query: Query,
    submission: Promise<SubmissionOutcome>,
    budget: AbortSignal,
  ): Promise<InteractiveAnswer> {
    const { carrier, incoming, correlationId, flightKey } = query;
    const expired = new Promise<typeof BUDGET_EXPIRED>((resolve) =>
      budget.addEventListener('abort', () => resolve(BUDGET_EXPIRED), { once: true }),
    );
    // A submission that fails after the budget answered has nobody left to tell but the operators.
    submission.catch((error: unknown) => {
      if (budget.aborted)
        this.logger.error({ error, flightKey }, 'interactive submission failed after its safe default');
    });
    const submitted = await Promise.race([submission, expired]);
    if (submitted === BUDGET_EXPIRED) {
      // Not yet accepted: every traveller of the query gets the safe default.
      return this.safeDefault(query, null, unsubmittedTravellers(incoming), 'submission');
    }
    const travellers: QueryTravellers = submitted.receipt;
    const submissionId = submitted.receipt.submissionId;
    if (submitted.replayed) return this.replay(carrier, submitted, correlationId, travellers);
    if (!this.screening.enabled) return this.safeDefault(query, submissionId, travellers, 'disabled');
    try {
      const screenings = await this.screening.screen(submitted.events, budget);
      return {
        submissionId,
        correlationId,
        flightKey,
        answeredBy: 'screening',
        directives: screenedDirectives(travellers, screenings),
      };
    } catch (error) {
      const why = budget.aborted ? 'budget' : 'screening-failed';
      if (why === 'screening-failed') {
        this.logger.warn({ error, submissionId }, 'screening failed an interactive query');
      }
      return this.safeDefault(query, submissionId, travellers, why);
    }
  }

  /**
   * The safe default at once, without waiting for anything (`answeredBy: "shed"`). A query over the
   * in-flight limit is still stored and published in the background while INTERACTIVE_SHED_STORE_MAX_IN_FLIGHT
   * allows, its safe default recorded with source `shed`, so screening screens it from the topic and its
   * directive supersedes the default (topic, webhook, polling); beyond that it is not stored (storing
   * every shed query would leave an overloaded replica doing nearly the full work of each). A late
   * query — one that spent its budget before the handler ran — starts nothing: the replica is behind.
   */
  private shed(query: Query, reason: 'shed' | 'late'): InteractiveAnswer {
    const { carrier, incoming, idempotencyKey, correlationId, flightKey } = query;
    this.admission.countShed(reason, incoming.format);
    const release = reason === 'shed' ? this.admission.shedStorage.tryEnter() : null;
    if (release) {
      this.manifests
        .submit(carrier, incoming, idempotencyKey, correlationId)
        .then(async ({ receipt, replayed }) => {
          if (replayed) return;
          const directives = safeDefaultDirectives(receipt);
          await this.directives.recordSafeDefaults(
            carrier.iataCode,
            receipt.submissionId,
            flightKey,
            directives,
            'shed',
          );
        })
        .catch((error: unknown) =>
          this.logger.error({ error, flightKey }, 'a shed interactive query not stored'),
        )
        .finally(release);
    } else {
      this.logger.debug({ flightKey, reason }, 'interactive query shed without being stored');
    }
    const directives = safeDefaultDirectives(unsubmittedTravellers(incoming));
    return { submissionId: null, correlationId, flightKey, answeredBy: 'shed', directives };
  }

  /** A resent query (same Idempotency-Key or message references): the directives given since. */
  private async replay(
    carrier: AuthenticatedCarrier,
    submitted: SubmissionOutcome,
    correlationId: string,
    travellers: QueryTravellers,
  ): Promise<InteractiveAnswer> {
    const { submissionId, flightKey } = submitted.receipt;
    const standing = await this.directives.standing(carrier.id, submissionId);
    const byRef = new Map(standing.directives.map((d) => [d.travellerRef, d]));
    const fallback = safeDefaultDirectives(travellers);
    const directives = fallback.map((safe): TravellerDirective => {
      const known = byRef.get(safe.travellerRef);
      return known?.source === 'screening'
        ? {
            travellerRef: known.travellerRef,
            directive: known.directive,
            reason: known.reason,
            screeningId: known.screeningId,
          }
        : safe;
    });
    const answeredBy = directives.every((d) => d.screeningId !== null) ? 'screening' : 'safe-default';
    return { submissionId, correlationId, flightKey, answeredBy, directives };
  }

  private async safeDefault(
    query: Query,
    submissionId: string | null,
    travellers: QueryTravellers,
    why: 'submission' | 'budget' | 'screening-failed' | 'disabled',
  ): Promise<InteractiveAnswer> {
    const { carrier, correlationId, flightKey } = query;
    if (why === 'submission' || why === 'budget') this.admission.countShed('timeout', query.incoming.format);
    const directives = safeDefaultDirectives(travellers);
    this.logger.warn(
      {
        submissionId,
        flightKey,
        travellers: directives.length,
        why,
        budgetMs: this.config.INTERACTIVE_BUDGET_MS,
      },
      'interactive query answered with the safe default (contact the authority)',
    );
    if (submissionId) {
      // Recorded after answering would be simpler, but then the record could miss what was said.
      await this.directives
        .recordSafeDefaults(carrier.iataCode, submissionId, flightKey, directives)
        .catch((error: unknown) => this.logger.error({ error, submissionId }, 'safe default not recorded'));
    }
    return { submissionId, correlationId, flightKey, answeredBy: 'safe-default', directives };
  }
}
