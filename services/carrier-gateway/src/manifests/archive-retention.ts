import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import { PeriodicTask, type Logger } from '@docscreen/observability';
import { SubmissionsService } from './submissions.service.js';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Erases archived raw messages past their retention, hourly and at start-up; a failed run (database
 * down) is logged, counted and retried sooner. Each replica may run it; the erasure is one idempotent
 * UPDATE, so running it twice costs nothing.
 */
@Injectable()
export class ArchiveRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({ name: 'archive-retention', everyMs: EVERY_MS, logger, runAtStart: true });
  }

  onApplicationBootstrap(): void {
    this.task.start(async () => {
      const erased = await this.submissions.eraseExpiredArchives();
      if (erased > 0) this.logger.info({ erased }, 'expired raw messages erased from the archive');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}
