import { Inject, Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { emptyBatch } from './import-batch.js';
import { applyImportBatch } from './import-batch.writer.js';
import { IMPORT_POOL, type ImportPool } from './import-pool.js';
import { countImportLines } from './imports.metrics.js';
import { readNationalList } from './national-list.reader.js';

/** What a running import reports to its BullMQ job (and the CLI's progress bar, through the API). */
export interface ImportProgress {
  linesDone: number;
  totalLines: number;
  added: number;
  updated: number;
  duplicate: number;
  rejected: number;
}

/**
 * Runs one import from its checkpoint to the end of the file, batch by batch (see applyImportBatch).
 * Safe to run again after a crash or on another replica: lines at or before the checkpoint are skipped.
 */
@Injectable()
export class ImportProcessor {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(IMPORT_POOL) private readonly pool: ImportPool,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(importId: string, report: (progress: ImportProgress) => Promise<void>): Promise<ImportProgress> {
    const job = await this.prisma.importJob.findUniqueOrThrow({
      where: { id: importId },
      include: { authority: true },
    });
    const progress: ImportProgress = {
      linesDone: job.linesDone,
      totalLines: job.totalLines,
      added: job.added,
      updated: job.updated,
      duplicate: job.duplicate,
      rejected: job.rejected,
    };
    if (job.state === 'completed') return progress;
    await this.prisma.importJob.update({
      where: { id: importId },
      data: { state: 'running', startedAt: job.startedAt ?? new Date() },
    });
    this.logger.info({ importId, from: job.linesDone, totalLines: job.totalLines }, 'import running');

    const identity = { importId, authorityId: job.authorityId, authorityCode: job.authority.code };
    const ownState = job.authority.issuingState;
    const client = await this.pool.connect();
    try {
      let batch = emptyBatch();
      let lines = 0;
      const flush = async () => {
        if (batch.lastLine <= progress.linesDone) return;
        const counts = await applyImportBatch(client, identity, batch);
        if (counts) {
          countImportLines(counts);
          progress.added += counts.added;
          progress.updated += counts.updated;
          progress.duplicate += counts.duplicate;
          progress.rejected += counts.rejected;
        }
        progress.linesDone = batch.lastLine;
        await report({ ...progress });
        batch = emptyBatch();
        lines = 0;
      };
      for await (const item of readNationalList(job.filePath, job.format, job.linesDone)) {
        batch.lastLine = item.line;
        lines++;
        if (item.kind === 'reject') batch.rejects.push({ line: item.line, reason: item.reason });
        else if (item.value.issuingState !== ownState)
          batch.rejects.push({
            line: item.line,
            reason: `issuing_state: ${item.value.issuingState} documents belong to that state’s authority; this import speaks for ${ownState}`,
          });
        else if (item.kind === 'record') batch.records.push({ line: item.line, record: item.value });
        else batch.series.push({ line: item.line, series: item.value });
        if (lines >= this.config.IMPORT_BATCH_LINES) await flush();
      }
      // Trailing blank lines still count as read.
      batch.lastLine = Math.max(batch.lastLine, job.totalLines);
      await flush();
    } finally {
      client.release();
    }
    await this.prisma.importJob.update({
      where: { id: importId },
      data: { state: 'completed', finishedAt: new Date(), linesDone: progress.linesDone },
    });
    await rm(job.filePath, { force: true });
    this.logger.info({ importId, ...progress }, 'import completed');
    return progress;
  }

  async markFailed(importId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.prisma.importJob.update({
      where: { id: importId },
      data: { state: 'failed', error: message },
    });
  }
}
