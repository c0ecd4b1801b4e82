import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  carrierDirectiveTopic,
  DirectiveCode,
  timestampDate,
  TOPICS,
  type BoardingDirective,
} from '@docscreen/contracts';
import type { Kafka } from 'kafkajs';
import { ensureTopics, EventPublisher } from '@docscreen/kafka';
import { KAFKA, LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { PrismaService } from '../database/prisma.service.js';
import type { Directive } from '../interactive/screening-client.js';
import { DirectiveWebhooks } from './directive-webhooks.js';

/** One traveller's standing directive, as `GET /v1/manifests/{id}/directives` returns it. */
export interface StandingDirective {
  travellerRef: string;
  directive: Directive;
  reason: string;
  screeningId: string | null;
  directiveId: string;
  source: 'screening' | 'safe-default' | 'shed';
  issuedAt: string;
}

/** Why a directive whose code the gateway does not know is passed on as contact-the-authority. */
export const UNKNOWN_DIRECTIVE_REASON =
  'the directive could not be read: contact the border authority before boarding';

/**
 * Fail closed: UNSPECIFIED, and any code this version does not know (a newer producer may add one),
 * is contact-the-authority — never "board" (proto/docscreen/directive/v1/boarding_directive.proto).
 */
export function directiveName(code: DirectiveCode): Directive {
  switch (code) {
    case DirectiveCode.BOARD:
      return 'board';
    case DirectiveCode.DO_NOT_BOARD:
      return 'do-not-board';
    default:
      return 'contact-authority';
  }
}

const KNOWN_CODES: ReadonlySet<DirectiveCode> = new Set([
  DirectiveCode.BOARD,
  DirectiveCode.DO_NOT_BOARD,
  DirectiveCode.CONTACT_AUTHORITY,
]);

/**
 * The directive as the gateway records and passes it on (table, carrier topic, webhook): one with a
 * code it does not know becomes contact-the-authority with a reason that says so — the carrier never
 * receives a code it might read as "board", nor an instruction without a reason.
 */
export function failClosed(event: BoardingDirective): BoardingDirective {
  if (KNOWN_CODES.has(event.directive)) return event;
  return { ...event, directive: DirectiveCode.CONTACT_AUTHORITY, reason: UNKNOWN_DIRECTIVE_REASON };
}

/** How much a directive holds a traveller back: on an exact tie in time, the more cautious stands. */
const CAUTION: Record<string, number> = { board: 0, 'contact-authority': 1, 'do-not-board': 2 };

/**
 * Whether `row` stands over `current` (the same traveller's): screening's over a safe default,
 * whichever came later; then the later issued; at the same instant, the more cautious.
 */
function supersedes(
  row: { source: string; issuedAt: Date; directive: string },
  current: { source: string; issuedAt: Date; directive: string },
): boolean {
  // Screening's over any safe default (the budget's or a shed query's).
  if ((row.source === 'screening') !== (current.source === 'screening')) return row.source === 'screening';
  const [a, b] = [row.issuedAt.getTime(), current.issuedAt.getTime()];
  if (a !== b) return a > b;
  return (CAUTION[row.directive] ?? 1) > (CAUTION[current.directive] ?? 1);
}

@Injectable()
export class DirectivesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly publisher: EventPublisher,
    private readonly webhooks: DirectiveWebhooks,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Carrier topics known to exist (auto-creation is off on docscreen's brokers). */
  private readonly carrierTopics = new Set<string>();

  /**
   * A directive screening issued: recorded (once — its id derives from the screening, so a republished
   * directive is the same row), copied to the carrier's own topic, and queued for the carrier's webhook
   * if it registered one — once: marked forwarded after both, so a copy arriving later is dropped (a
   * crash between forwarding and marking forwards it again: at least once, same directive id). Returns
   * when all of it is durable; the consumer commits the offset only then.
   */
  async deliver(received: BoardingDirective): Promise<void> {
    const event = failClosed(received);
    if (event !== received) {
      this.logger.warn(
        { directiveId: event.directiveId, code: received.directive, carrier: event.carrierCode },
        'directive with an unknown code passed on as contact-the-authority',
      );
    }
    const directive = directiveName(event.directive);
    await this.prisma.boardingDirective.createMany({
      data: [
        {
          directiveId: event.directiveId,
          carrierCode: event.carrierCode,
          submissionId: event.submissionId,
          travellerRef: event.travellerRef,
          flightKey: event.flightKey,
          directive,
          reason: event.reason,
          screeningId: event.screeningId || null,
          source: 'screening',
          issuedAt: event.issuedAt ? timestampDate(event.issuedAt) : new Date(),
        },
      ],
      skipDuplicates: true,
    });
    const row = await this.prisma.boardingDirective.findUnique({
      where: { directiveId: event.directiveId },
      select: { forwardedAt: true },
    });
    if (row?.forwardedAt) return;
    const topic = carrierDirectiveTopic(event.carrierCode);
    if (!this.carrierTopics.has(topic)) {
      await ensureTopics(this.kafka, [{ topic, numPartitions: 3 }]);
      this.carrierTopics.add(topic);
    }
    await this.publisher.publishCopy(topic, TOPICS.BOARDING_DIRECTIVE, [
      { key: event.flightKey, message: event },
    ]);
    await this.webhooks.enqueue(event.carrierCode, event.directiveId, {
      directiveId: event.directiveId,
      submissionId: event.submissionId,
      flightKey: event.flightKey,
      travellerRef: event.travellerRef,
      directive,
      reason: event.reason,
      screeningId: event.screeningId,
      issuedAt: event.issuedAt ? timestampDate(event.issuedAt).toISOString() : null,
    });
    await this.prisma.boardingDirective.update({
      where: { directiveId: event.directiveId },
      data: { forwardedAt: new Date() },
    });
    this.logger.debug(
      { directiveId: event.directiveId, carrier: event.carrierCode, flightKey: event.flightKey, directive },
      'directive delivered to the carrier',
    );
  }

  /** Records the interactive API's safe default, so the record shows what the carrier was told. */
  async recordSafeDefaults(
    carrierCode: string,
    submissionId: string,
    flightKey: string,
    travellers: readonly { travellerRef: string; reason: string }[],
    source: 'safe-default' | 'shed' = 'safe-default',
  ): Promise<void> {
    const issuedAt = new Date();
    await this.prisma.boardingDirective.createMany({
      data: travellers.map(({ travellerRef, reason }) => ({
        directiveId: randomUUID(),
        carrierCode,
        submissionId,
        travellerRef,
        flightKey,
        directive: 'contact-authority',
        reason,
        screeningId: null,
        source,
        issuedAt,
      })),
    });
  }

  /**
   * The standing directive of every traveller of a submission, for its carrier only (404 otherwise, so
   * another carrier cannot learn that a submission exists). Screening's directive always stands over a
   * safe default, whichever was issued later; among screening's, the latest issued (not the latest
   * received: an older one arriving late never overrides a newer); at the same instant, the more
   * cautious. A redelivered directive (same id) is the row first written.
   */
  async standing(
    carrierId: string,
    submissionId: string,
  ): Promise<{ flightKey: string | null; directives: StandingDirective[] }> {
    const submission = await this.prisma.manifestSubmission.findFirst({
      where: { id: submissionId, carrierId },
      select: { id: true, flightKey: true },
    });
    if (!submission) throw new NotFoundException(`no manifest ${submissionId} for this carrier`);
    const rows = await this.prisma.boardingDirective.findMany({
      where: { submissionId },
      orderBy: [{ travellerRef: 'asc' }, { issuedAt: 'desc' }],
    });
    const standing = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const current = standing.get(row.travellerRef);
      if (!current || supersedes(row, current)) standing.set(row.travellerRef, row);
    }
    return {
      flightKey: submission.flightKey,
      directives: [...standing.values()].map((row) => ({
        travellerRef: row.travellerRef,
        // Only the three are ever written; anything else would not be read as "board" either.
        directive: Object.hasOwn(CAUTION, row.directive) ? (row.directive as Directive) : 'contact-authority',
        reason: row.reason,
        screeningId: row.screeningId,
        directiveId: row.directiveId,
        source: row.source as StandingDirective['source'],
        issuedAt: row.issuedAt.toISOString(),
      })),
    };
  }
}
