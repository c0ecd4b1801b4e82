import type { DocumentStatusName, DocumentTypeName } from '@docscreen/travel-documents';

/** A national-list line read as an individual document (normalised). */
export interface ImportedRecord {
  issuingState: string;
  documentType: DocumentTypeName;
  documentNumber: string;
  status: DocumentStatusName;
  reportedOn: string;
  lostOn?: string | undefined;
  authorityReference?: string | undefined;
}

/** A national-list line read as a blank series (normalised). */
export interface ImportedSeries {
  issuingState: string;
  documentType: DocumentTypeName;
  prefix: string;
  firstNumber: string;
  lastNumber: string;
  status: DocumentStatusName;
  reportedOn: string;
  authorityReference?: string | undefined;
}

/** Consecutive lines of one import, applied in one transaction that also moves the checkpoint. */
export interface ImportBatch {
  records: { line: number; record: ImportedRecord }[];
  series: { line: number; series: ImportedSeries }[];
  rejects: { line: number; reason: string }[];
  /** The last physical line the batch covers: the checkpoint once it commits. */
  lastLine: number;
}

export interface BatchCounts {
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
}

export const emptyBatch = (): ImportBatch => ({ records: [], series: [], rejects: [], lastLine: 0 });
