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
  source: 'screening' | 'safe-default';
  issuedAt: string;
}

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
  async deliver(event: BoardingDirective): Promise<void> {
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
        source: 'safe-default',
        issuedAt,
      })),
    });
  }

  /**
   * The standing directive of every traveller of a submission, for its carrier only (404 otherwise, so
   * another carrier cannot learn that a submission exists). Screening's directive always stands over a
   * safe default, whichever was issued later; among screening's, the latest.
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
      if (!current || (current.source === 'safe-default' && row.source === 'screening')) {
        standing.set(row.travellerRef, row);
      }
    }
    return {
      flightKey: submission.flightKey,
      directives: [...standing.values()].map((row) => ({
        travellerRef: row.travellerRef,
        directive: row.directive as Directive,
        reason: row.reason,
        screeningId: row.screeningId,
        directiveId: row.directiveId,
        source: row.source as StandingDirective['source'],
        issuedAt: row.issuedAt.toISOString(),
      })),
    };
  }
}
