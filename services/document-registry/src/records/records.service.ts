import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import {
  ChangeKind,
  DocumentStatus,
  DocumentStatusChangedSchema,
  DocumentType,
  newEnvelope,
  TOPICS,
} from '@docscreen/contracts';
import { documentKey, normaliseDocumentRef, type NormalDocumentRef } from '@docscreen/travel-documents';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { SERVICE_NAME, SERVICE_VERSION } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { stageEvent, stageTombstone } from '../outbox/outbox.writer.js';
import type { ReportRecord, WithdrawRecord } from './dto/record.schemas.js';

const PRODUCER = { name: SERVICE_NAME, version: SERVICE_VERSION };

// The contract's enum has the same names as the shared type names.
const contractType = (ref: NormalDocumentRef): DocumentType => DocumentType[ref.documentType];

const STATUSES: Record<ReportRecord['status'], DocumentStatus> = {
  lost: DocumentStatus.LOST,
  stolen: DocumentStatus.STOLEN,
  revoked: DocumentStatus.REVOKED,
  invalidated: DocumentStatus.INVALIDATED,
};

export interface RecordOutcome {
  key: string;
  change: 'added' | 'updated' | 'withdrawn';
}

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
    const data = {
      status: input.status,
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
      const change = existing && !existing.withdrawnAt ? ChangeKind.UPDATED : ChangeKind.ADDED;
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        create(DocumentStatusChangedSchema, {
          envelope: newEnvelope({ producer: PRODUCER }),
          change,
          subject: {
            case: 'record',
            value: {
              issuingState: identity.issuingState,
              documentType: contractType(identity),
              documentNumber: identity.documentNumber,
              status: STATUSES[input.status],
              reportedOn: input.reportedOn,
              lostOn: input.lostOn ?? '',
              authorityCode: authority.code,
              authorityReference: input.authorityReference ?? '',
            },
          },
        }),
      );
      return { key, change: change === ChangeKind.UPDATED ? 'updated' : 'added' };
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
      await stageEvent(
        tx,
        TOPICS.DOCUMENT_STATUS_CHANGED,
        key,
        create(DocumentStatusChangedSchema, {
          envelope: newEnvelope({ producer: PRODUCER }),
          change: ChangeKind.WITHDRAWN,
          withdrawalReason: input.reason,
          subject: {
            case: 'record',
            value: {
              issuingState: identity.issuingState,
              documentType: contractType(identity),
              documentNumber: identity.documentNumber,
              status: STATUSES[existing.status as ReportRecord['status']] ?? DocumentStatus.UNSPECIFIED,
              reportedOn: existing.reportedOn.toISOString().slice(0, 10),
              authorityCode: authority.code,
            },
          },
        }),
      );
      await stageTombstone(tx, TOPICS.DOCUMENT_STATUS_CHANGED, key);
      return { key, change: 'withdrawn' };
    });
  }
}

function assertOwnState(authority: AuthenticatedAuthority, issuingState: string): void {
  if (authority.issuingState !== issuingState) {
    throw new ForbiddenException(
      `authority ${authority.code} reports for ${authority.issuingState} only; ${issuingState} documents belong to that state’s authority`,
    );
  }
}
