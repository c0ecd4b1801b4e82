import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { LOGGER } from '@docscreen/nest-platform';
import { retryUntilDone, type Logger } from '@docscreen/observability';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { ImportProcessor, type ImportProgress } from './import.processor.js';

export const IMPORT_QUEUE_NAME = 'registry-imports';

interface ImportJobData {
  importId: string;
}

/**
 * The BullMQ queue of bulk imports: one job per import, its id the import's id (so enqueuing twice
 * is harmless). A worker that dies mid-import loses its lock; BullMQ hands the stalled job to the
 * next worker, which resumes from the import's checkpoint in PostgreSQL.
 */
@Injectable()
export class ImportQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queue: Queue<ImportJobData>;
  private worker: Worker<ImportJobData, ImportProgress> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly processor: ImportProcessor,
    private readonly prisma: PrismaService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    // BullMQ's blocking commands need maxRetriesPerRequest null.
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<ImportJobData>(IMPORT_QUEUE_NAME, { connection: this.connection });
  }

  onApplicationBootstrap(): void {
    if (this.config.IMPORT_CONCURRENCY > 0) {
      this.worker = new Worker<ImportJobData, ImportProgress>(IMPORT_QUEUE_NAME, (job) => this.process(job), {
        connection: this.connection.duplicate(),
        concurrency: this.config.IMPORT_CONCURRENCY,
        // A crashed worker's import is taken over within about 15 s.
        lockDuration: 15_000,
        stalledInterval: 5_000,
        maxStalledCount: 10,
      });
      this.worker.on('failed', (job, error) =>
        this.logger.error({ importId: job?.data.importId, error }, 'import attempt failed'),
      );
    }
    // An upload whose job never reached Redis (a crash in between) is queued now — in the background,
    // retried until PostgreSQL and Redis answer: a service started before them waits, never exits.
    void retryUntilDone('import-requeue', () => this.requeueUnfinished(), {
      logger: this.logger,
      signal: this.stopping.signal,
    }).catch(() => undefined);
  }

  private async requeueUnfinished(): Promise<void> {
    const unfinished = await this.prisma.importJob.findMany({
      where: { state: { in: ['queued', 'running'] } },
      select: { id: true },
    });
    for (const { id } of unfinished) await this.enqueue(id);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.worker?.close();
    await this.queue.close();
    this.connection.disconnect();
  }

  async enqueue(importId: string): Promise<void> {
    await this.queue.add(
      'import',
      { importId },
      {
        jobId: importId,
        attempts: 8,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    );
  }

  /** Redis answers (readiness): uploads are acknowledged only once their job is queued there. */
  ping(): Promise<string> {
    return this.connection.ping();
  }

  /** The live progress the worker last reported, if the job is still known to BullMQ. */
  async progress(importId: string): Promise<unknown> {
    return (await this.queue.getJob(importId))?.progress;
  }

  private async process(job: Job<ImportJobData, ImportProgress>): Promise<ImportProgress> {
    try {
      return await this.processor.run(job.data.importId, (progress) => job.updateProgress({ ...progress }));
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        await this.processor.markFailed(job.data.importId, error);
      throw error;
    }
  }
}
