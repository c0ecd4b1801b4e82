import { create } from '@bufbuild/protobuf';
import {
  blankSeriesKey,
  documentKey,
  isInBlankSeries,
  maskDocumentNumber,
  normaliseDocumentNumber,
  registryKey,
} from './document-key.js';
import { DocumentType } from './gen/docscreen/common/v1/travel_document_pb.js';
import { DocumentStatusChangedSchema } from './gen/docscreen/registry/v1/document_status_changed_pb.js';

describe('document numbers', () => {
  it('normalise to uppercase A-Z0-9', () => {
    expect(normaliseDocumentNumber(' l898-902 c3<<')).toBe('L898902C3');
    expect(normaliseDocumentNumber('00123')).toBe('00123');
  });

  it('mask all but the last three characters', () => {
    expect(maskDocumentNumber('L898902C3')).toBe('******2C3');
    expect(maskDocumentNumber('123456')).toBe('******');
    expect(maskDocumentNumber('')).toBe('');
  });
});

describe('registry keys', () => {
  it('key a document as STATE:TYPE:NUMBER', () => {
    expect(
      documentKey({ issuingState: 'uto', documentType: DocumentType.PASSPORT, documentNumber: 'l898 902c3' }),
    ).toBe('UTO:PASSPORT:L898902C3');
    expect(
      documentKey({
        issuingState: 'D<<',
        documentType: DocumentType.IDENTITY_CARD,
        documentNumber: 'T22000129',
      }),
    ).toBe('D:IDENTITY_CARD:T22000129');
  });

  it('key a blank series by its bounds', () => {
    const series = {
      issuingState: 'D',
      documentType: DocumentType.PASSPORT,
      prefix: 'C01',
      firstNumber: '000',
      lastNumber: '999',
    };
    expect(blankSeriesKey(series)).toBe('D:PASSPORT:C01000-C01999');
    expect(() => blankSeriesKey({ ...series, firstNumber: '10', lastNumber: '999' })).toThrow(RangeError);
    expect(() => blankSeriesKey({ ...series, firstNumber: '500', lastNumber: '499' })).toThrow(RangeError);
  });

  it('reject unspecified types, bad states and empty numbers', () => {
    expect(() =>
      documentKey({ issuingState: 'UTO', documentType: DocumentType.UNSPECIFIED, documentNumber: 'X1' }),
    ).toThrow(RangeError);
    expect(() =>
      documentKey({ issuingState: 'UTOPIA', documentType: DocumentType.PASSPORT, documentNumber: 'X1' }),
    ).toThrow(RangeError);
    expect(() =>
      documentKey({ issuingState: 'UTO', documentType: DocumentType.PASSPORT, documentNumber: '<<' }),
    ).toThrow(RangeError);
  });

  it('derive the record key from the event subject', () => {
    const event = create(DocumentStatusChangedSchema, {
      subject: {
        case: 'series',
        value: {
          issuingState: 'NLD',
          documentType: DocumentType.PASSPORT,
          prefix: 'NX',
          firstNumber: '0100',
          lastNumber: '0199',
        },
      },
    });
    expect(registryKey(event)).toBe('NLD:PASSPORT:NX0100-NX0199');
  });

  it('match numbers against a blank series exactly', () => {
    const series = { prefix: 'C01', firstNumber: '100', lastNumber: '199' };
    expect(isInBlankSeries('C01150', series)).toBe(true);
    expect(isInBlankSeries('c01-199', series)).toBe(true);
    expect(isInBlankSeries('C01200', series)).toBe(false);
    expect(isInBlankSeries('C010150', series)).toBe(false);
    expect(isInBlankSeries('C0115A', series)).toBe(false);
    expect(isInBlankSeries('X01150', series)).toBe(false);
  });
});
