import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isUuid, type AlertView } from '@docscreen/contracts';
import type { AuthenticatedAgency } from '../agencies/agencies.service.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { agencyAlertOf, type AgencyAlert } from './agency-alert.js';
import { transition, type AlertStatus, type LifecycleAction, type Resolution } from './alert-lifecycle.js';
import { recordAcknowledged } from './alerts.metrics.js';
import type { ListAlertsQuery } from './dto/alert-requests.schemas.js';

const SELECT = {
  seq: true,
  status: true,
  resolution: true,
  receivedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  routedVia: true,
  kafkaPublishedAt: true,
  webhookChannel: true,
  webhookDeliveredAt: true,
  webhookAttempts: true,
  webhookDeadLetteredAt: true,
  webhookLastError: true,
  agency: { select: { code: true } },
  alert: { select: { view: true } },
} as const satisfies Prisma.AgencyAlertSelect;

// Two steps at most (acknowledge, resolve) can overtake a transition, so a third read settles it.
const MAX_TRANSITION_TRIES = 3;

export interface StepInput {
  actor: string;
  note?: string | undefined;
  resolution?: Resolution;
}

/**
 * An agency's alerts and their lifecycle. Every query is scoped to the calling agency: another
 * agency's alert and an alert that does not exist are the same 404, so nothing tells them apart.
 */
@Injectable()
export class AgencyAlertsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first; `nextCursor` continues after the last one (null: no more). */
  async list(
    agency: AuthenticatedAgency,
    query: ListAlertsQuery,
  ): Promise<{ alerts: AgencyAlert[]; nextCursor: string | null }> {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.prisma.agencyAlert.findMany({
      where: {
        agencyId: agency.id,
        ...(query.status ? { status: query.status } : {}),
        ...(before !== undefined ? { seq: { lt: before } } : {}),
      },
      orderBy: { seq: 'desc' },
      take: query.limit + 1,
      select: SELECT,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      alerts: page.map((row) => agencyAlertOf(row)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null,
    };
  }

  /** The alert with its whole history, oldest step first. */
  async get(agency: AuthenticatedAgency, alertId: string): Promise<AgencyAlert> {
    const row = await this.find(agency, alertId);
    const history = await this.prisma.alertAudit.findMany({
      where: { agencyId: agency.id, alertId },
      orderBy: { id: 'asc' },
    });
    return agencyAlertOf(row, history);
  }

  acknowledge(agency: AuthenticatedAgency, alertId: string, input: StepInput): Promise<AgencyAlert> {
    return this.step(agency, alertId, 'acknowledge', input);
  }

  resolve(agency: AuthenticatedAgency, alertId: string, input: StepInput): Promise<AgencyAlert> {
    return this.step(agency, alertId, 'resolve', input);
  }

  /**
   * Reads the status, checks the step, and applies it only if the status is still the one read (a
   * conditional UPDATE), with its audit entry in the same transaction. A concurrent step that got
   * there first makes the UPDATE match nothing; the status is then read again and judged afresh, so
   * two officers acknowledging at once get one 200 and one 409, and the trail has one entry.
   */
  private async step(
    agency: AuthenticatedAgency,
    alertId: string,
    action: LifecycleAction,
    input: StepInput,
  ): Promise<AgencyAlert> {
    for (let attempt = 1; attempt <= MAX_TRANSITION_TRIES; attempt++) {
      const current = await this.find(agency, alertId);
      const step = transition(
        alertId,
        current.status as AlertStatus,
        action,
        current.resolution as Resolution | null,
      );
      if (!step.allowed) throw new ConflictException(step.problem);
      const at = new Date();
      const applied = await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.agencyAlert.updateMany({
          where: { seq: current.seq, status: step.from },
          data:
            step.to === 'acknowledged'
              ? { status: step.to, acknowledgedAt: at }
              : { status: step.to, resolvedAt: at, resolution: input.resolution ?? null },
        });
        if (count === 0) return false;
        await tx.alertAudit.create({
          data: {
            agencyId: agency.id,
            alertId,
            action: step.audit,
            fromStatus: step.from,
            toStatus: step.to,
            resolution: step.to === 'resolved' ? (input.resolution ?? null) : null,
            actor: input.actor,
            note: input.note ?? null,
            at,
          },
        });
        return true;
      });
      if (applied && step.to === 'acknowledged')
        recordAcknowledged(agency.code, current.alert.view as unknown as AlertView, at);
      if (applied) return this.get(agency, alertId);
    }
    throw new ConflictException(`alert ${alertId} is being changed by someone else; read it and try again`);
  }

  private async find(agency: AuthenticatedAgency, alertId: string) {
    const row = isUuid(alertId)
      ? await this.prisma.agencyAlert.findUnique({
          where: { agencyId_alertId: { agencyId: agency.id, alertId } },
          select: SELECT,
        })
      : null;
    if (!row) throw new NotFoundException(`no alert ${alertId}`);
    return row;
  }
}

// The cursor is the last row's position in the agency's list, opaque to clients.
const encodeCursor = (seq: bigint): string => Buffer.from(seq.toString()).toString('base64url');

function decodeCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!/^[1-9][0-9]{0,18}$/.test(text))
    throw new BadRequestException({
      message: '1 validation problem',
      problems: [{ path: 'cursor', message: 'the nextCursor of a previous page' }],
    });
  return BigInt(text);
}
