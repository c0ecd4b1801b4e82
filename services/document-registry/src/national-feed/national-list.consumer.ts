import { ForbiddenException, Inject, NotFoundException } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import {
  DocumentStatus,
  DocumentType,
  NationalListAction,
  TOPICS,
  type NationalListChanged,
} from '@docscreen/contracts';
import { findTextProblems } from '@docscreen/input-values';
import { PermanentEventError, type ConsumedEvent } from '@docscreen/kafka';
import { EventController, LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { AuthoritiesService } from '../authorities/authorities.service.js';
import {
  ReportRecordSchema,
  ReportSeriesSchema,
  WithdrawRecordSchema,
  WithdrawSeriesSchema,
} from '../records/dto/record.schemas.js';
import { RecordsService } from '../records/records.service.js';

/**
 * The live feed national systems publish to: each change is applied exactly as the same change over
 * HTTP would be (same validation, same own-state rule, same outbox). A change that can never apply
 * goes to the dead-letter topic with its reason; the feed moves on.
 */
@EventController()
export class NationalListConsumer {
  constructor(
    private readonly authorities: AuthoritiesService,
    private readonly records: RecordsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.NATIONAL_LIST_CHANGED)
  async onChange(@Payload() event: ConsumedEvent<typeof TOPICS.NATIONAL_LIST_CHANGED>): Promise<void> {
    const change = event.message;
    const authority = await this.authorities.byCode(change.authorityCode);
    if (!authority)
      throw new PermanentEventError('unknown-authority', `no active authority "${change.authorityCode}"`);
    try {
      await this.apply(authority, change);
    } catch (error) {
      if (error instanceof ForbiddenException) throw new PermanentEventError('forbidden', error.message);
      if (error instanceof NotFoundException) {
        // Withdrawing what is not (or no longer) listed: a replayed withdrawal, nothing to do.
        this.logger.info({ authority: authority.code }, `national feed: ${error.message}; ignored`);
        return;
      }
      throw error;
    }
  }

  private async apply(
    authority: Awaited<ReturnType<AuthoritiesService['byCode']>> & object,
    change: NationalListChanged,
  ): Promise<void> {
    const { subject } = change;
    const withdraw = change.action === NationalListAction.WITHDRAW;
    if (change.action === NationalListAction.UNSPECIFIED)
      throw new PermanentEventError('contract-violation', 'NationalListChanged.action is not set');
    if (subject.case === 'record') {
      const r = subject.value;
      const identity = {
        issuingState: r.issuingState,
        documentType: DocumentType[r.documentType],
        documentNumber: r.documentNumber,
      };
      if (withdraw)
        await this.records.withdraw(
          authority,
          valid(WithdrawRecordSchema, { ...identity, reason: change.withdrawalReason }),
        );
      else
        await this.records.report(
          authority,
          valid(ReportRecordSchema, {
            ...identity,
            status: statusName(r.status),
            reportedOn: r.reportedOn,
            lostOn: r.lostOn || undefined,
            authorityReference: r.authorityReference || undefined,
          }),
        );
    } else if (subject.case === 'series') {
      const s = subject.value;
      const identity = {
        issuingState: s.issuingState,
        documentType: DocumentType[s.documentType],
        prefix: s.prefix,
        firstNumber: s.firstNumber,
        lastNumber: s.lastNumber,
      };
      if (withdraw)
        await this.records.withdrawSeries(
          authority,
          valid(WithdrawSeriesSchema, { ...identity, reason: change.withdrawalReason }),
        );
      else
        await this.records.reportSeries(
          authority,
          valid(ReportSeriesSchema, {
            ...identity,
            status: statusName(s.status),
            reportedOn: s.reportedOn,
            authorityReference: s.authorityReference || undefined,
          }),
        );
    } else {
      throw new PermanentEventError('contract-violation', 'NationalListChanged has no record or series');
    }
  }
}

const statusName = (status: DocumentStatus): string => (DocumentStatus[status] ?? '').toLowerCase();

function valid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // The same input contract as over HTTP (nest-platform's validation pipe): no control character in
  // any text — a NUL would otherwise fail at PostgreSQL (22021) on every retry before its dead letter.
  const text = findTextProblems(input);
  if (text.length > 0) {
    throw new PermanentEventError('invalid-change', text.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(change)'}: ${i.message}`);
  throw new PermanentEventError('invalid-change', problems.join('; '));
}
