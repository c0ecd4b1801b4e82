import { uuidV7 } from '@docscreen/contracts';
import type { Prisma } from '../generated/prisma/client.js';

export type RepublishTrigger = 'operator' | 'reconciler';

/** A republish as operators see it (`GET /v1/admin/republishes/{id}`, `docscreen sltd republish`). */
export interface RepublishStatus {
  republishId: string;
  trigger: RepublishTrigger;
  requestedBy: string;
  reason: string;
  /** requested → running → staged (every event in the outbox) → published (the relay sent them all); or failed. */
  state: 'requested' | 'running' | 'staged' | 'published' | 'failed';
  records: number;
  series: number;
  /** Listed entries when it started. */
  total: number;
  error: string | null;
  startedAt: string;
  stagedAt: string | null;
}

/**
 * Asks for a republish of the registry's state, inside the caller's transaction (so a finding and
 * its request commit together). One waiting request is enough: a second is folded into it, and its
 * id answered. A running republish does not absorb a new request — what was found may have happened
 * after it started.
 */
export async function requestRepublish(
  tx: Prisma.TransactionClient,
  trigger: RepublishTrigger,
  requestedBy: string,
  reason: string,
): Promise<{ republishId: string; created: boolean }> {
  // Requests are serialised, so two findings at once do not both insert.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REPUBLISH_REQUEST_LOCK})`;
  const waiting = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM republish WHERE state = 'requested' ORDER BY started_at LIMIT 1`;
  if (waiting[0]) return { republishId: waiting[0].id, created: false };
  const id = uuidV7();
  await tx.$executeRaw`
    INSERT INTO republish (id, trigger, requested_by, reason, state, started_at)
    VALUES (${id}::uuid, ${trigger}, ${requestedBy}, ${reason}, 'requested', now())`;
  return { republishId: id, created: true };
}

const REPUBLISH_REQUEST_LOCK = 0x0d0c_0b10;
