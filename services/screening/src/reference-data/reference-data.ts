import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import {
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
 */
@Injectable()
export class ReferenceData implements OnApplicationBootstrap, OnApplicationShutdown {
  private rules = new RuleBook(DEFAULT_RULE_SET);
  private matrix: VisaMatrix | undefined;
  private violations = new Map<string, ViolationRecord[]>();
  private readonly airports = bundledAirportDirectory();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(SCREENING_CONFIG) private readonly config: ScreeningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(
      () =>
        void this.refresh().catch((error: unknown) =>
          this.logger.error({ error }, 'reference data refresh failed; keeping the current versions'),
        ),
      this.config.REFERENCE_DATA_POLL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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
