import { createHash } from 'node:crypto';
import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ManifestReceipt } from './dto/manifest-receipt.js';
import { storedIdempotencyKey } from './idempotency-key.js';
import type { IncomingManifest } from './submission.js';

/** A submission still `pending` after this long is taken to have died with its process. */
const STALE_PENDING_MS = 60_000;

export type Claim =
  { kind: 'new' | 'retry'; submissionId: string } | { kind: 'replay'; receipt: ManifestReceipt };

/**
 * The submission archive and its idempotency. Every request is recorded with its raw message before
 * anything is published; a resubmission with the same key is answered from here.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async claim(
    carrierId: string,
    incoming: IncomingManifest,
    key: string | undefined,
    correlationId: string,
  ): Promise<Claim> {
    const idempotencyKey = storedIdempotencyKey(key);
    const rawSha256 = createHash('sha256').update(incoming.raw).digest('hex');
    if (idempotencyKey) {
      const existing = await this.prisma.manifestSubmission.findUnique({
        where: { carrierId_idempotencyKey: { carrierId, idempotencyKey } },
      });
      if (existing) return this.resume(existing, rawSha256, correlationId);
    }
    const first = incoming.manifest.legs[0];
    try {
      const created = await this.prisma.manifestSubmission.create({
        data: {
          carrierId,
          idempotencyKey: idempotencyKey ?? null,
          format: incoming.format,
          contentType: incoming.contentType,
          rawMessage: new Uint8Array(incoming.raw),
          rawSha256,
          archiveExpiresAt: new Date(Date.now() + this.config.ARCHIVE_RETENTION_DAYS * 86_400_000),
          scheduledDepartureLocal: first?.scheduledDepartureLocal ?? null,
          travellerCount: incoming.manifest.travellers.length + incoming.rejected.length,
          correlationId,
        },
      });
      return { kind: 'new', submissionId: created.id };
    } catch (error) {
      // Two requests with one key at the same moment: the other one won; answer as a resubmission.
      if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        return this.claim(carrierId, incoming, idempotencyKey, correlationId);
      }
      throw error;
    }
  }

  async accept(submissionId: string, receipt: ManifestReceipt): Promise<void> {
    await this.prisma.manifestSubmission.update({
      where: { id: submissionId },
      data: {
        status: 'accepted',
        flightKey: receipt.flightKey,
        acceptedCount: receipt.accepted.length,
        receipt: JSON.parse(JSON.stringify(receipt)) as Prisma.InputJsonObject,
        completedAt: new Date(),
      },
    });
  }

  /** The broker did not acknowledge: nothing was accepted, and the same key may be tried again. */
  async fail(submissionId: string): Promise<void> {
    await this.prisma.manifestSubmission.update({ where: { id: submissionId }, data: { status: 'failed' } });
  }

  /** Erases raw messages past their retention; the row, digest and receipt stay as the record. */
  async eraseExpiredArchives(now = new Date()): Promise<number> {
    const { count } = await this.prisma.manifestSubmission.updateMany({
      where: { archiveExpiresAt: { lt: now }, rawMessage: { not: null } },
      data: { rawMessage: null },
    });
    return count;
  }

  private async resume(
    existing: { id: string; status: string; rawSha256: string; receivedAt: Date; receipt: Prisma.JsonValue },
    rawSha256: string,
    correlationId: string,
  ): Promise<Claim> {
    if (existing.rawSha256 !== rawSha256) {
      throw new UnprocessableEntityException(
        'this idempotency key (or message reference) was already used for a different message; use a new one',
      );
    }
    if (existing.status === 'accepted')
      return { kind: 'replay', receipt: existing.receipt as unknown as ManifestReceipt };
    if (existing.status === 'pending' && Date.now() - existing.receivedAt.getTime() < STALE_PENDING_MS) {
      throw new ConflictException('this submission is being processed; retry in a few seconds');
    }
    await this.prisma.manifestSubmission.update({
      where: { id: existing.id },
      data: { status: 'pending', receivedAt: new Date(), correlationId },
    });
    return { kind: 'retry', submissionId: existing.id };
  }
}
