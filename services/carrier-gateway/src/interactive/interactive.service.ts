import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import type { AuthenticatedCarrier } from '../carriers/carriers.service.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { DirectivesService } from '../directives/directives.service.js';
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
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async check(
    carrier: AuthenticatedCarrier,
    incoming: IncomingManifest,
    idempotencyKey: string | undefined,
    correlationId: string,
  ): Promise<InteractiveAnswer> {
    const budget = AbortSignal.timeout(this.config.INTERACTIVE_BUDGET_MS);
    const expired = new Promise<typeof BUDGET_EXPIRED>((resolve) =>
      budget.addEventListener('abort', () => resolve(BUDGET_EXPIRED), { once: true }),
    );
    const flightKey = manifestFlightKey(incoming.manifest);
    const submission = this.manifests.submit(carrier, incoming, idempotencyKey, correlationId);
    // A submission that fails after the budget answered has nobody left to tell but the operators.
    submission.catch((error: unknown) => {
      if (budget.aborted)
        this.logger.error({ error, flightKey }, 'interactive submission failed after its safe default');
    });
    const submitted = await Promise.race([submission, expired]);
    if (submitted === BUDGET_EXPIRED) {
      // Not yet accepted: every traveller of the query gets the safe default.
      const travellers: QueryTravellers = {
        // The refs the events will carry (passengerEvents numbers travellers without one).
        accepted: incoming.manifest.travellers.map((t, index) => ({
          travellerRef: t.travellerRef ?? String(index + 1),
          eventId: '',
        })),
        rejected: incoming.rejected,
      };
      return this.safeDefault(carrier, null, correlationId, flightKey, travellers, 'submission');
    }
    const travellers: QueryTravellers = submitted.receipt;
    const submissionId = submitted.receipt.submissionId;
    if (submitted.replayed) return this.replay(carrier, submitted, correlationId, travellers);
    if (!this.screening.enabled) {
      return this.safeDefault(carrier, submissionId, correlationId, flightKey, travellers, 'disabled');
    }
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
      return this.safeDefault(carrier, submissionId, correlationId, flightKey, travellers, why);
    }
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
    carrier: AuthenticatedCarrier,
    submissionId: string | null,
    correlationId: string,
    flightKey: string,
    travellers: QueryTravellers,
    why: 'submission' | 'budget' | 'screening-failed' | 'disabled',
  ): Promise<InteractiveAnswer> {
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
