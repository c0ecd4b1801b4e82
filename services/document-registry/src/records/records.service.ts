import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TOPICS } from '@docscreen/contracts';
import {
  blankSeriesKey,
  documentKey,
  isInBlankSeries,
  normaliseBlankSeries,
  normaliseDocumentNumber,
  normaliseDocumentRef,
  normaliseIssuingState,
  requireDocumentType,
  type DocumentStatusName,
} from '@docscreen/travel-documents';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { stageEvent, stageTombstone } from '../outbox/outbox.writer.js';
import { isoDay, recordChanged, seriesChanged, type RegistryChange } from '../registry/registry-events.js';
import type {
  Lookup,
  ReportRecord,
  ReportSeries,
  WithdrawRecord,
  WithdrawSeries,
} from './dto/record.schemas.js';

export interface RecordOutcome {
  key: string;
  change: RegistryChange;
}

/** What the registry holds for a number: listed entries that match it, and withdrawn ones. */
export interface LookupResult {
  listed: boolean;
  hits: LookupHit[];
  /** Withdrawn records of that number: they never hit, but an officer may want to know. */
  withdrawn: { key: string; withdrawnAt: string; reason: string | null }[];
}

export type LookupHit =
  | { kind: 'record'; key: string; status: string; reportedOn: string; authorityReference: string | null }
  | {
      kind: 'blank-series';
      key: string;
      status: string;
      reportedOn: string;
      authorityReference: string | null;
    };

/**
 * The system of record. Each change and its DocumentStatusChanged event commit in one transaction
 * (the outbox); only the issuing state's own authority may change its records.
 */
@Injectable()
export class RecordsService {
  constructor(private readonly prisma: PrismaService) {}

  async report(authority: AuthenticatedAuthority, input: ReportRecord): Promise<RecordOutcome> {
    assertOwnState(authority, input.issuingState);
    const identity = normaliseDocumentRef(input);
    const key = documentKey(identity);
    const status = input.status as DocumentStatusName;
    const data = {
      status,
      reportedOn: new Date(input.reportedOn),
      lostOn: input.lostOn ? new Date(input.lostOn) : null,
      authorityId: authority.id,
      authorityReference: input.authorityReference ?? null,
      withdrawnAt: null,
      withdrawalReason: null,
    };
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.documentRecord.findUnique({
        where: { issuingState_documentType_documentNumber: identity },
      });
      await tx.documentRecord.upsert({
        where: { issuingState_documentType_documentNumber: identity },
        create: { ...identity, ...data },
        update: data,
      });
      const change: RegistryChange = existing && !existing.withdrawnAt ? 'updated' : 'added';
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        recordChanged(change, {
          ...identity,
          status,
          reportedOn: input.reportedOn,
          lostOn: input.lostOn,
          authorityCode: authority.code,
          authorityReference: input.authorityReference,
        }),
      );
      return { key, change };
    });
  }

  /** Withdraws a record: a WITHDRAWN event with the reason, then a tombstone for the compacted topic. */
  async withdraw(authority: AuthenticatedAuthority, input: WithdrawRecord): Promise<RecordOutcome> {
    assertOwnState(authority, input.issuingState);
    const identity = normaliseDocumentRef(input);
    const key = documentKey(identity);
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.documentRecord.findUnique({
        where: { issuingState_documentType_documentNumber: identity },
      });
      if (!existing || existing.withdrawnAt)
        throw new NotFoundException('no listed record with that state, type and number');
      await tx.documentRecord.update({
        where: { id: existing.id },
        data: { withdrawnAt: new Date(), withdrawalReason: input.reason },
      });
      const record = {
        ...identity,
        status: existing.status as DocumentStatusName,
        reportedOn: isoDay(existing.reportedOn),
        lostOn: existing.lostOn ? isoDay(existing.lostOn) : null,
        authorityCode: authority.code,
        authorityReference: existing.authorityReference,
      };
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        recordChanged('withdrawn', record, { withdrawalReason: input.reason }),
      );
      await stageTombstone(tx, TOPICS.DOCUMENT_STATUS_CHANGED, key);
      return { key, change: 'withdrawn' };
    });
  }

  async reportSeries(authority: AuthenticatedAuthority, input: ReportSeries): Promise<RecordOutcome> {
    assertOwnState(authority, input.issuingState);
    const series = normaliseBlankSeries(input);
    const key = blankSeriesKey(series);
    const status = input.status as DocumentStatusName;
    const data = {
      status,
      reportedOn: new Date(input.reportedOn),
      authorityId: authority.id,
      authorityReference: input.authorityReference ?? null,
      withdrawnAt: null,
      withdrawalReason: null,
    };
    const where = { issuingState_documentType_prefix_firstNumber_lastNumber: series };
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.blankSeriesRecord.findUnique({ where });
      await tx.blankSeriesRecord.upsert({ where, create: { ...series, ...data }, update: data });
      const change: RegistryChange = existing && !existing.withdrawnAt ? 'updated' : 'added';
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        seriesChanged(change, {
          ...series,
          status,
          reportedOn: input.reportedOn,
          authorityCode: authority.code,
          authorityReference: input.authorityReference,
        }),
      );
      return { key, change };
    });
  }

  async withdrawSeries(authority: AuthenticatedAuthority, input: WithdrawSeries): Promise<RecordOutcome> {
    assertOwnState(authority, input.issuingState);
    const series = normaliseBlankSeries(input);
    const key = blankSeriesKey(series);
    const where = { issuingState_documentType_prefix_firstNumber_lastNumber: series };
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.blankSeriesRecord.findUnique({ where });
      if (!existing || existing.withdrawnAt)
        throw new NotFoundException('no listed blank series with that state, type, prefix and bounds');
      await tx.blankSeriesRecord.update({
        where: { id: existing.id },
        data: { withdrawnAt: new Date(), withdrawalReason: input.reason },
      });
      const state = {
        ...series,
        status: existing.status as DocumentStatusName,
        reportedOn: isoDay(existing.reportedOn),
        authorityCode: authority.code,
        authorityReference: existing.authorityReference,
      };
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        seriesChanged('withdrawn', state, input.reason),
      );
      await stageTombstone(tx, TOPICS.DOCUMENT_STATUS_CHANGED, key);
      return { key, change: 'withdrawn' };
    });
  }

  /** The registry's own answer for one number (the system of record; screening uses its index). */
  async lookup(input: Lookup): Promise<LookupResult> {
    const issuingState = normaliseIssuingState(input.issuingState);
    const documentNumber = normaliseDocumentNumber(input.documentNumber);
    const documentType = input.documentType ? requireDocumentType(input.documentType) : undefined;
    const [records, series] = await Promise.all([
      this.prisma.documentRecord.findMany({
        where: { issuingState, documentNumber, ...(documentType ? { documentType } : {}) },
      }),
      // Candidates by state and type; the range test is the shared isInBlankSeries.
      this.prisma.blankSeriesRecord.findMany({
        where: { issuingState, withdrawnAt: null, ...(documentType ? { documentType } : {}) },
      }),
    ]);
    const hits: LookupHit[] = [];
    const withdrawn: LookupResult['withdrawn'] = [];
    for (const r of records) {
      const key = documentKey({ issuingState, documentType: r.documentType, documentNumber });
      if (r.withdrawnAt)
        withdrawn.push({ key, withdrawnAt: r.withdrawnAt.toISOString(), reason: r.withdrawalReason });
      else
        hits.push({
          kind: 'record',
          key,
          status: r.status,
          reportedOn: isoDay(r.reportedOn),
          authorityReference: r.authorityReference,
        });
    }
    for (const s of series) {
      if (!isInBlankSeries(documentNumber, s)) continue;
      hits.push({
        kind: 'blank-series',
        key: blankSeriesKey({ ...s, documentType: s.documentType }),
        status: s.status,
        reportedOn: isoDay(s.reportedOn),
        authorityReference: s.authorityReference,
      });
    }
    return { listed: hits.length > 0, hits, withdrawn };
  }
}

export function assertOwnState(authority: AuthenticatedAuthority, issuingState: string): void {
  if (authority.issuingState !== issuingState) {
    throw new ForbiddenException(
      `authority ${authority.code} reports for ${authority.issuingState} only; ${issuingState} documents belong to that state’s authority`,
    );
  }
}
