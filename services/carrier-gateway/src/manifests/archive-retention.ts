import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { SubmissionsService } from './submissions.service.js';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Erases archived raw messages past their retention, hourly and at start-up. Each replica may run it;
 * the erasure is one idempotent UPDATE, so running it twice costs nothing.
 */
@Injectable()
export class ArchiveRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const erased = await this.submissions.eraseExpiredArchives();
      if (erased > 0) this.logger.info({ erased }, 'expired raw messages erased from the archive');
    } catch (error) {
      this.logger.error({ error }, 'archive retention run failed');
    }
  }
}
