import { create } from '@bufbuild/protobuf';
import { registryKey } from './document-key.js';
import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import { DocumentStatusChangedSchema } from './gen/docscreen/registry/v1/document_status_changed_pb.js';

const record = (documentNumber: string, issuingState = 'UTO', documentType = DocumentType.PASSPORT) =>
  create(DocumentStatusChangedSchema, {
    subject: { case: 'record', value: { issuingState, documentType, documentNumber } },
  });

const series = (prefix: string, firstNumber: string, lastNumber: string) =>
  create(DocumentStatusChangedSchema, {
    subject: {
      case: 'series',
      value: { issuingState: 'NLD', documentType: DocumentType.PASSPORT, prefix, firstNumber, lastNumber },
    },
  });

describe('registryKey', () => {
  it('keys a document as STATE:TYPE:NUMBER', () => {
    expect(registryKey(record('L898902C3'))).toBe('UTO:PASSPORT:L898902C3');
    expect(registryKey(record('T22000129', 'D', DocumentType.IDENTITY_CARD))).toBe(
      'D:IDENTITY_CARD:T22000129',
    );
  });

  it('keys a blank series by its bounds', () => {
    expect(registryKey(series('NX', '0100', '0199'))).toBe('NLD:PASSPORT:NX0100-NX0199');
    expect(registryKey(series('', '0100', '0199'))).toBe('NLD:PASSPORT:0100-0199');
    expect(() => registryKey(series('NX', '10', '999'))).toThrow(RangeError);
    expect(() => registryKey(series('NX', '500', '499'))).toThrow(RangeError);
  });

  it('refuses subjects that are not in normal form instead of normalising them', () => {
    expect(() => registryKey(record('l898 902c3'))).toThrow(/not in normal form/);
    expect(() => registryKey(record('L898902C3', 'D<<'))).toThrow(RangeError);
    expect(() => registryKey(record('X1', 'UTO', DocumentType.UNSPECIFIED))).toThrow(RangeError);
    expect(() => registryKey(series('nx', '0100', '0199'))).toThrow(/not in normal form/);
    expect(() => registryKey(create(DocumentStatusChangedSchema, {}))).toThrow(/no subject/);
  });
});
