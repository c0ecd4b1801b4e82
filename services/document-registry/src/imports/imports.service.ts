import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthenticatedAuthority } from '../authorities/authorities.service.js';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { ImportQueue } from './import-queue.js';
import { storeUpload } from './import-upload.js';

export type ImportFormat = 'csv' | 'jsonl';

/** An import as the API shows it. */
export interface ImportStatus {
  importId: string;
  authority: string;
  format: ImportFormat;
  sha256: string;
  bytes: number;
  state: 'queued' | 'running' | 'completed' | 'failed';
  totalLines: number;
  linesDone: number;
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Lines per second from start to finish (or to now). */
  linesPerSecond: number | null;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queue: ImportQueue,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  /** Stores the list durably, records the import and queues it; answers once all three are done. */
  async accept(
    authority: AuthenticatedAuthority,
    format: ImportFormat,
    body: Readable,
  ): Promise<ImportStatus> {
    const id = randomUUID();
    const upload = await storeUpload(body, this.config.IMPORT_DIR, id, format, this.config.IMPORT_MAX_BYTES);
    await this.prisma.importJob.create({
      data: {
        id,
        authorityId: authority.id,
        format,
        filePath: upload.path,
        sha256: upload.sha256,
        bytes: upload.bytes,
        totalLines: upload.lines,
        state: 'queued',
      },
    });
    await this.queue.enqueue(id);
    return this.status(authority, id);
  }

  /** One import of this authority; 404 for another authority's, so existence does not leak. */
  async status(authority: AuthenticatedAuthority, importId: string): Promise<ImportStatus> {
    const row = await this.prisma.importJob.findFirst({ where: { id: importId, authorityId: authority.id } });
    if (!row) throw new NotFoundException(`no import ${importId} of authority ${authority.code}`);
    const end = row.finishedAt ?? new Date();
    const seconds = row.startedAt ? (end.getTime() - row.startedAt.getTime()) / 1000 : 0;
    return {
      importId: row.id,
      authority: authority.code,
      format: row.format as ImportFormat,
      sha256: row.sha256,
      bytes: Number(row.bytes),
      state: row.state as ImportStatus['state'],
      totalLines: row.totalLines,
      linesDone: row.linesDone,
      added: row.added,
      updated: row.updated,
      duplicate: row.duplicate,
      rejected: row.rejected,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      linesPerSecond: seconds > 0 ? Math.round(row.linesDone / seconds) : null,
    };
  }

  /** The rejects report: line number and reason, in line order. */
  async rejects(
    authority: AuthenticatedAuthority,
    importId: string,
    afterLine: number,
    limit: number,
  ): Promise<{ line: number; reason: string }[]> {
    await this.status(authority, importId);
    return this.prisma.importReject.findMany({
      where: { importId, line: { gt: afterLine } },
      orderBy: { line: 'asc' },
      take: limit,
      select: { line: true, reason: true },
    });
  }
}
