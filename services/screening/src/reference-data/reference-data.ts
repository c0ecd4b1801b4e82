import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, retryUntilDone, type Logger } from '@docscreen/observability';
import {
  checksWithoutRules,
  DEFAULT_DESTINATION_POLICY,
  DEFAULT_RULE_SET,
  RuleBook,
  type ListedLookup,
  type RuleDefinition,
  type ScreeningContext,
  type ScreeningSubject,
  type ViolationKind,
  type ViolationRecord,
} from '@docscreen/screening-rules';
import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import { bundledAirportDirectory, VisaMatrix } from '@docscreen/visa-rules';
import { SCREENING_CONFIG } from '../config/config.module.js';
import type { ScreeningConfig } from '../config/screening-config.js';
import { PrismaService } from '../database/prisma.service.js';

/**
 * The rules and reference data screening decides with: the active rule set, the active visa matrix
 * and the recorded visa violations, all from PostgreSQL. Re-read every REFERENCE_DATA_POLL_MS, so an
 * operator's switch reaches every replica without a restart; each decision records the versions it
 * was made with. Until a rule set is activated, the built-in DEFAULT_RULE_SET applies.
 *
 * Nothing is screened before the first read succeeded (`whenLoaded`): the versions in force are
 * unknown until then. A database that is not up yet is retried with backoff, never fatal.
 */
@Injectable()
export class ReferenceData implements OnApplicationBootstrap, OnApplicationShutdown {
  private rules = new RuleBook(DEFAULT_RULE_SET);
  private matrix: VisaMatrix | undefined;
  private violations = new Map<string, ViolationRecord[]>();
  private readonly airports = bundledAirportDirectory();
  private poll: PeriodicTask | undefined;
  private readonly stopping = new AbortController();
  private loaded = false;
  private readonly firstLoad: Promise<void>;
  private markLoaded!: () => void;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.firstLoad = new Promise((resolve) => (this.markLoaded = resolve));
  }

  onApplicationBootstrap(): void {
    void retryUntilDone('reference-data-load', () => this.refresh(), {
      logger: this.logger,
      signal: this.stopping.signal,
    }).then(
      () => {
        this.loaded = true;
        this.markLoaded();
        // A failed poll keeps the versions in force (logged, counted) and is retried sooner.
        this.poll = new PeriodicTask({
          name: 'reference-data-poll',
          everyMs: this.config.REFERENCE_DATA_POLL_MS,
          logger: this.logger,
        });
        this.poll.start(() => this.refresh());
      },
      () => undefined,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.poll?.stop();
  }

  /** Whether the versions in force were read at least once. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Resolves once the versions in force were read (see the class comment). */
  whenLoaded(): Promise<void> {
    return this.firstLoad;
  }

  /**
   * Why screening cannot decide with the rule set in force, or undefined when it can: a required
   * check without one enabled rule (an empty rule set lacks them all). Travellers screened meanwhile
   * are inconclusive (screenTraveller), and the `reference-data` readiness probe fails with this.
   */
  get rulesGap(): string | undefined {
    const missing = checksWithoutRules(this.rules);
    return missing.length === 0
      ? undefined
      : `rule set ${this.rules.version} in force has no enabled rule for ${missing.join(', ')}: travellers are inconclusive until a complete rule set is activated`;
  }

  get ruleSetVersion(): string {
    return this.rules.version;
  }

  get visaMatrixVersion(): string {
    return this.matrix?.version ?? '';
  }

  /** Everything the checks consult, with this replica's lost/stolen index. */
  context(index: ListedLookup | undefined, today: string): ScreeningContext {
    return {
      rules: this.rules,
      index,
      matrix: this.matrix,
      airports: this.airports,
      policy: DEFAULT_DESTINATION_POLICY,
      violations: (subject) => this.violationsOf(subject),
      today,
    };
  }

  /** Reads the active versions; swaps in what changed. */
  async refresh(): Promise<void> {
    const [ruleSet, matrix, violations] = await Promise.all([
      this.prisma.ruleSetVersion.findFirst({
        where: { activatedAt: { not: null } },
        orderBy: { activatedAt: 'desc' },
      }),
      this.prisma.visaMatrixVersion.findFirst({
        where: { activatedAt: { not: null } },
        orderBy: { activatedAt: 'desc' },
        select: { version: true },
      }),
      this.prisma.visaViolation.findMany(),
    ]);
    if (ruleSet && ruleSet.version !== this.rules.version) {
      this.rules = new RuleBook({
        version: ruleSet.version,
        rules: ruleSet.rules as unknown as RuleDefinition[],
      });
      this.logger.info({ ruleSetVersion: ruleSet.version }, 'rule set switched');
      const gap = this.rulesGap;
      if (gap) this.logger.warn({ ruleSetVersion: ruleSet.version }, gap);
    }
    if (matrix && matrix.version !== this.matrix?.version) {
      const row = await this.prisma.visaMatrixVersion.findUniqueOrThrow({
        where: { version: matrix.version },
      });
      this.matrix = VisaMatrix.fromJSON(row.matrix as never);
      this.logger.info({ visaMatrixVersion: matrix.version }, 'visa matrix switched');
    }
    const byDocument = new Map<string, ViolationRecord[]>();
    for (const v of violations) {
      const key = `${v.issuingState}:${v.documentNumber}`;
      byDocument.set(key, [
        ...(byDocument.get(key) ?? []),
        {
          kind: v.kind as ViolationKind,
          state: v.state,
          recordedOn: v.recordedOn.toISOString().slice(0, 10),
        },
      ]);
    }
    this.violations = byDocument;
  }

  private violationsOf(subject: ScreeningSubject): ViolationRecord[] {
    return subject.documents.flatMap(
      (d) => this.violations.get(`${d.issuingState}:${normaliseDocumentNumber(d.number)}`) ?? [],
    );
  }
}
