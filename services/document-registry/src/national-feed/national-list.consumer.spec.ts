import { create } from '@bufbuild/protobuf';
import {
  DocumentStatus,
  DocumentType,
  NationalListAction,
  NationalListChangedSchema,
  newEnvelope,
  type TOPICS,
} from '@docscreen/contracts';
import { PermanentEventError, type ConsumedEvent } from '@docscreen/kafka';
import { createLogger } from '@docscreen/observability';
import type { AuthoritiesService } from '../authorities/authorities.service.js';
import type { RecordsService } from '../records/records.service.js';
import { NationalListConsumer } from './national-list.consumer.js';

// The national feed reads records with the same input contract as the HTTP API: a change whose text
// holds a control character is a permanent error, dead-lettered at once with the field named — never
// handed to the database (a NUL was PostgreSQL error 22021 on every retry).

const authority = { id: 'a1', code: 'uto-feed', issuingState: 'UTO' };
const reported: unknown[] = [];
const consumer = new NationalListConsumer(
  { byCode: async () => authority } as unknown as AuthoritiesService,
  {
    report: async (_authority: unknown, input: unknown) => {
      reported.push(input);
      return { key: 'k', change: 'added' };
    },
  } as unknown as RecordsService,
  createLogger({ service: 'national-list-consumer-spec', level: 'silent' }),
);

const change = (authorityReference: string) =>
  ({
    message: create(NationalListChangedSchema, {
      envelope: newEnvelope({ producer: { name: 'national-system', version: '1' } }),
      authorityCode: authority.code,
      action: NationalListAction.REPORT,
      subject: {
        case: 'record',
        value: {
          issuingState: 'UTO',
          documentType: DocumentType.PASSPORT,
          documentNumber: 'UTFEED001',
          status: DocumentStatus.STOLEN,
          reportedOn: '2026-06-01',
          authorityReference,
        },
      },
    }),
  }) as unknown as ConsumedEvent<typeof TOPICS.NATIONAL_LIST_CHANGED>;

describe('NationalListConsumer input contract', () => {
  beforeEach(() => reported.splice(0));

  it('applies a change whose text is clean', async () => {
    await consumer.onChange(change('CASE-1'));
    expect(reported).toEqual([expect.objectContaining({ authorityReference: 'CASE-1' })]);
  });

  it('dead-letters a change with a control character, naming the field, and stores nothing', async () => {
    const refused = consumer.onChange(change('CASE\u00001'));
    await expect(refused).rejects.toBeInstanceOf(PermanentEventError);
    await expect(refused).rejects.toMatchObject({
      reason: 'invalid-change',
      message:
        'authorityReference: contains the control character U+0000 at position 5; control characters are not accepted',
    });
    expect(reported).toEqual([]);
  });
});
