import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import {
  carrierDirectiveTopic,
  createEvent,
  decodeEvent,
  DirectiveCode,
  timestampFromDate,
  TOPICS,
  type BoardingDirective,
} from '@docscreen/contracts';
import { EventPublisher } from '@docscreen/kafka';
import { waitFor } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';
import { SAFE_DEFAULT_REASON } from '../interactive/interactive-answer.js';
import { UNKNOWN_DIRECTIVE_REASON } from './directives.service.js';

// Which directive stands for a traveller, on the real gateway process, broker and database: the
// interactive API's safe default and screening's directives (from directive.boarding-issued.v1) in
// every order they can arrive — screening's over the safe default whether issued before or after it,
// the latest issued among screening's whatever the order of arrival, a redelivery never rewriting the
// first, the more cautious at the same instant — and a code the gateway does not know, which is never
// shown or passed on as "board".

const CARRIER = 'QD';

interface Standing {
  travellerRef: string;
  directive: string;
  reason: string;
  source: string;
  directiveId: string;
}

describe('standing boarding directives', () => {
  let gw: GatewayUnderTest;
  let apiKey: string;
  let publisher: EventPublisher;
  let submissionId: string;
  let flightKey: string;
  /** When the safe defaults were recorded (the interactive answer). */
  let answeredAt: number;

  beforeAll(async () => {
    // No SCREENING_TOKEN: every interactive answer is the safe default, recorded for each traveller.
    gw = await startGateway();
    apiKey = await gw.registerCarrier(CARRIER);
    publisher = new EventPublisher(
      new Kafka({ clientId: 'directives-test', brokers: gw.brokers, logLevel: logLevel.NOTHING }),
    );
    await publisher.connect();
  }, 180_000);

  afterAll(async () => {
    await publisher?.disconnect();
    expect(await gw?.stop()).toBe(0);
  });

  const standing = async (): Promise<Map<string, Standing>> => {
    const response = await fetch(`${gw.service.baseUrl}/v1/manifests/${submissionId}/directives`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await response.json()) as { directives: Standing[] };
    return new Map(body.directives.map((d) => [d.travellerRef, d]));
  };

  async function rows(directiveId: string) {
    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    try {
      const result = await client.query<{ directive: string; reason: string; forwarded_at: Date | null }>(
        'SELECT directive, reason, forwarded_at FROM boarding_directive WHERE directive_id = $1',
        [directiveId],
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }

  /** Publishes screening's directive for one traveller and waits until the gateway has forwarded it. */
  async function screeningDirective(
    travellerRef: string,
    code: DirectiveCode,
    issuedAtOffsetMs: number,
    options: { directiveId?: string; reason?: string; awaitRecorded?: boolean } = {},
  ): Promise<string> {
    const directiveId = options.directiveId ?? randomUUID();
    const issuedAt = timestampFromDate(new Date(answeredAt + issuedAtOffsetMs));
    await publisher.publish(TOPICS.BOARDING_DIRECTIVE, [
      {
        key: flightKey,
        message: createEvent(TOPICS.BOARDING_DIRECTIVE, {
          envelope: {
            eventId: randomUUID(),
            occurredAt: issuedAt,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            producer: { name: 'screening', version: 'test' },
          },
          directiveId,
          carrierCode: CARRIER,
          flightKey,
          submissionId,
          travellerRef,
          directive: code,
          reason: options.reason ?? (code === DirectiveCode.BOARD ? '' : `reason ${code}`),
          screeningId: randomUUID(),
          issuedAt,
        }),
      },
    ]);
    if (options.awaitRecorded !== false) {
      await waitFor(`directive ${directiveId} forwarded`, async () =>
        (await rows(directiveId))[0]?.forwarded_at ? true : undefined,
      );
    }
    return directiveId;
  }

  it('keeps screening’s directive over the safe default either way round, the latest issued among screening’s, and never "board" for a code it does not know', async () => {
    const travellers = ['EARLIER', 'LATER', 'LATE-OLD', 'DUPLICATE', 'TIE-1', 'TIE-2', 'UNKNOWN'];
    const query = await fetch(`${gw.service.baseUrl}/v1/interactive`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        legs: [
          {
            carrierCode: CARRIER,
            flightNumber: '901',
            departureAirport: 'LHR',
            arrivalAirport: 'ATH',
            scheduledDepartureLocal: '2026-12-02T07:40',
          },
        ],
        travellers: travellers.map((ref, i) => ({
          travellerRef: ref,
          surname: 'TRAVELLER',
          birthDate: '1990-01-01',
          sex: 'X',
          nationality: 'UTO',
          documents: [{ type: 'P', number: `D${i}0000001`, issuingState: 'UTO' }],
        })),
      }),
    });
    const answer = (await query.json()) as { submissionId: string; flightKey: string; answeredBy: string };
    expect([query.status, answer.answeredBy]).toEqual([200, 'safe-default']);
    ({ submissionId, flightKey } = answer);
    answeredAt = Date.now();
    const before = await standing();
    expect(travellers.map((ref) => before.get(ref)).map((d) => [d?.directive, d?.source])).toEqual(
      travellers.map(() => ['contact-authority', 'safe-default']),
    );
    expect(before.get('EARLIER')?.reason).toBe(SAFE_DEFAULT_REASON);

    const minute = 60_000;
    // Screening's directive issued before the safe default was given: it still stands over it.
    const earlier = await screeningDirective('EARLIER', DirectiveCode.BOARD, -minute);
    // …and issued after it (the way the interactive e2e test sees it).
    const later = await screeningDirective('LATER', DirectiveCode.DO_NOT_BOARD, minute);
    // A newer directive, then an older one arriving late: the newer stands.
    const newer = await screeningDirective('LATE-OLD', DirectiveCode.DO_NOT_BOARD, 2 * minute);
    await screeningDirective('LATE-OLD', DirectiveCode.BOARD, minute);
    // A redelivery (same id) saying something else, issued later still: the first stands, as recorded.
    const first = await screeningDirective('DUPLICATE', DirectiveCode.DO_NOT_BOARD, minute);
    await screeningDirective('DUPLICATE', DirectiveCode.BOARD, 3 * minute, {
      directiveId: first,
      awaitRecorded: false,
    });
    // Two issued at the same instant: the more cautious, whichever arrived first.
    const cautious1 = await screeningDirective('TIE-1', DirectiveCode.DO_NOT_BOARD, minute);
    await screeningDirective('TIE-1', DirectiveCode.BOARD, minute);
    await screeningDirective('TIE-2', DirectiveCode.BOARD, minute);
    const cautious2 = await screeningDirective('TIE-2', DirectiveCode.DO_NOT_BOARD, minute);
    // A code this gateway does not know, with the empty reason of a "board" (published last: once it
    // is recorded, everything before it on the flight's partition has been handled).
    const unknown = await screeningDirective('UNKNOWN', 7 as DirectiveCode, 2 * minute, { reason: '' });

    const after = await standing();
    const summary = (ref: string) => {
      const d = after.get(ref);
      return d && [d.directiveId, d.directive, d.source];
    };
    expect(summary('EARLIER')).toEqual([earlier, 'board', 'screening']);
    expect(summary('LATER')).toEqual([later, 'do-not-board', 'screening']);
    expect(summary('LATE-OLD')).toEqual([newer, 'do-not-board', 'screening']);
    expect(summary('DUPLICATE')).toEqual([first, 'do-not-board', 'screening']);
    expect(summary('TIE-1')).toEqual([cautious1, 'do-not-board', 'screening']);
    expect(summary('TIE-2')).toEqual([cautious2, 'do-not-board', 'screening']);
    expect(summary('UNKNOWN')).toEqual([unknown, 'contact-authority', 'screening']);
    expect(after.get('UNKNOWN')?.reason).toBe(UNKNOWN_DIRECTIVE_REASON);

    const duplicate = await rows(first);
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]?.directive).toBe('do-not-board');
    // What went to the carrier's own topic for the unknown code: contact the authority, with the reason.
    const copies = await readCopies(
      gw.brokers,
      carrierDirectiveTopic(CARRIER),
      (d) => d.directiveId === unknown,
    );
    const copy = copies.find((d) => d.directiveId === unknown);
    expect([copy?.directive, copy?.reason]).toEqual([
      DirectiveCode.CONTACT_AUTHORITY,
      UNKNOWN_DIRECTIVE_REASON,
    ]);
  });
});

/**
 * Reads a carrier's topic (the gateway created it when it forwarded the first directive) from the
 * beginning, with a group of its own, until a copy `wanted` picks has been seen.
 */
async function readCopies(
  brokers: readonly string[],
  topic: string,
  wanted: (directive: BoardingDirective) => boolean,
): Promise<BoardingDirective[]> {
  const kafka = new Kafka({ clientId: 'directives-test', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `directives-test-${randomUUID()}` });
  const seen: BoardingDirective[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no such copy among ${seen.length} on ${topic}`)),
        60_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!message.value) return;
          const directive = decodeEvent(TOPICS.BOARDING_DIRECTIVE, message.value);
          if (!wanted(directive)) return;
          seen.push(directive);
          clearTimeout(timer);
          resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
