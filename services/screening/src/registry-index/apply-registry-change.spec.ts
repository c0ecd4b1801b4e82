import { create } from '@bufbuild/protobuf';
import {
  ChangeKind,
  DocumentStatus,
  DocumentStatusChangedSchema,
  DocumentType,
  type DocumentStatusChanged,
} from '@docscreen/contracts';
import { SltdIndex } from '@docscreen/sltd-index';
import { applyRegistryChange } from './apply-registry-change.js';

const record = (change: ChangeKind, status = DocumentStatus.STOLEN): DocumentStatusChanged =>
  create(DocumentStatusChangedSchema, {
    change,
    subject: {
      case: 'record',
      value: {
        issuingState: 'UTO',
        documentType: DocumentType.PASSPORT,
        documentNumber: 'L898902C3',
        status,
      },
    },
  });

const series = (change: ChangeKind): DocumentStatusChanged =>
  create(DocumentStatusChangedSchema, {
    change,
    subject: {
      case: 'series',
      value: {
        issuingState: 'D',
        documentType: DocumentType.PASSPORT,
        prefix: 'C01',
        firstNumber: '000',
        lastNumber: '999',
        status: DocumentStatus.STOLEN_BLANK,
      },
    },
  });

describe('applyRegistryChange', () => {
  it('lists an added record and withdraws it again', () => {
    const index = new SltdIndex();
    expect(applyRegistryChange(index, record(ChangeKind.ADDED))).toBe('listed');
    expect(index.lookup('UTO', 'L898902C3')).toEqual([expect.objectContaining({ status: 'stolen' })]);
    expect(applyRegistryChange(index, record(ChangeKind.WITHDRAWN))).toBe('withdrawn');
    expect(index.lookup('UTO', 'L898902C3')).toEqual([]);
  });

  it('takes the latest status of an updated record', () => {
    const index = new SltdIndex();
    applyRegistryChange(index, record(ChangeKind.ADDED, DocumentStatus.LOST));
    applyRegistryChange(index, record(ChangeKind.UPDATED, DocumentStatus.REVOKED));
    expect(index.lookup('UTO', 'L898902C3')).toEqual([expect.objectContaining({ status: 'revoked' })]);
  });

  it('keeps an entry with an unset status listed (it never clears)', () => {
    const index = new SltdIndex();
    applyRegistryChange(index, record(ChangeKind.ADDED, DocumentStatus.UNSPECIFIED));
    expect(index.lookup('UTO', 'L898902C3')).toHaveLength(1);
  });

  it('lists and withdraws blank series', () => {
    const index = new SltdIndex();
    applyRegistryChange(index, series(ChangeKind.ADDED));
    expect(index.lookup('D', 'C01500')).toEqual([expect.objectContaining({ kind: 'blank-series' })]);
    applyRegistryChange(index, series(ChangeKind.WITHDRAWN));
    expect(index.lookup('D', 'C01500')).toEqual([]);
  });

  it('ignores events without a subject or a change kind', () => {
    const index = new SltdIndex();
    expect(applyRegistryChange(index, create(DocumentStatusChangedSchema, {}))).toBe('ignored');
    expect(applyRegistryChange(index, record(ChangeKind.UNSPECIFIED))).toBe('ignored');
    expect(index.size).toBe(0);
  });
});
