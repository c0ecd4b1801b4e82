// The one place registry changes become DocumentStatusChanged events, whichever feed they came
// through (HTTP, bulk import, the national Kafka feed).
import { create } from '@bufbuild/protobuf';
import {
  ChangeKind,
  DocumentStatus,
  DocumentStatusChangedSchema,
  DocumentType,
  newEnvelope,
  type DocumentStatusChanged,
} from '@docscreen/contracts';
import type { DocumentStatusName, DocumentTypeName } from '@docscreen/travel-documents';
import { SERVICE_NAME, SERVICE_VERSION } from '../config/registry-config.js';

const PRODUCER = { name: SERVICE_NAME, version: SERVICE_VERSION };

const STATUSES: Record<DocumentStatusName, DocumentStatus> = {
  lost: DocumentStatus.LOST,
  stolen: DocumentStatus.STOLEN,
  revoked: DocumentStatus.REVOKED,
  invalidated: DocumentStatus.INVALIDATED,
  stolen_blank: DocumentStatus.STOLEN_BLANK,
};

export type RegistryChange = 'added' | 'updated' | 'withdrawn';

const KINDS: Record<RegistryChange, ChangeKind> = {
  added: ChangeKind.ADDED,
  updated: ChangeKind.UPDATED,
  withdrawn: ChangeKind.WITHDRAWN,
};

/** An individual document as the registry holds it (normalised). */
export interface RecordState {
  issuingState: string;
  documentType: DocumentTypeName;
  documentNumber: string;
  status: DocumentStatusName;
  /** YYYY-MM-DD */
  reportedOn: string;
  lostOn?: string | null | undefined;
  authorityCode: string;
  authorityReference?: string | null | undefined;
}

/** A blank series as the registry holds it (normalised). */
export interface SeriesState {
  issuingState: string;
  documentType: DocumentTypeName;
  prefix: string;
  firstNumber: string;
  lastNumber: string;
  status: DocumentStatusName;
  reportedOn: string;
  authorityCode: string;
  authorityReference?: string | null | undefined;
}

export function recordChanged(
  change: RegistryChange,
  record: RecordState,
  options: {
    withdrawalReason?: string;
    /** Defaults to a random UUID; a bulk import gives time-ordered ids (UUIDv7, its outbox's key). */
    eventId?: string;
  } = {},
): DocumentStatusChanged {
  const { withdrawalReason = '', eventId } = options;
  return create(DocumentStatusChangedSchema, {
    envelope: newEnvelope({ producer: PRODUCER, eventId }),
    change: KINDS[change],
    withdrawalReason,
    subject: {
      case: 'record',
      value: {
        issuingState: record.issuingState,
        documentType: DocumentType[record.documentType],
        documentNumber: record.documentNumber,
        status: STATUSES[record.status],
        reportedOn: record.reportedOn,
        lostOn: record.lostOn ?? '',
        authorityCode: record.authorityCode,
        authorityReference: record.authorityReference ?? '',
      },
    },
  });
}

export function seriesChanged(
  change: RegistryChange,
  series: SeriesState,
  withdrawalReason = '',
): DocumentStatusChanged {
  return create(DocumentStatusChangedSchema, {
    envelope: newEnvelope({ producer: PRODUCER }),
    change: KINDS[change],
    withdrawalReason,
    subject: {
      case: 'series',
      value: {
        issuingState: series.issuingState,
        documentType: DocumentType[series.documentType],
        prefix: series.prefix,
        firstNumber: series.firstNumber,
        lastNumber: series.lastNumber,
        status: STATUSES[series.status],
        reportedOn: series.reportedOn,
        authorityCode: series.authorityCode,
        authorityReference: series.authorityReference ?? '',
      },
    },
  });
}

/** A date column as the contract writes it. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
