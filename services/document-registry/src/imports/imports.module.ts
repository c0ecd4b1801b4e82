import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { REGISTRY_CONFIG } from '../config/config.module.js';
import type { RegistryConfig } from '../config/registry-config.js';
import { IMPORT_POOL, createImportPool, type ImportPool } from './import-pool.js';
import { ImportProcessor } from './import.processor.js';
import { ImportQueue } from './import-queue.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Global()
@Module({
  imports: [AuthoritiesModule],
  controllers: [ImportsController],
  providers: [
    {
      provide: IMPORT_POOL,
      inject: [REGISTRY_CONFIG, LOGGER],
      useFactory: (config: RegistryConfig, logger: Logger) => createImportPool(config.DATABASE_URL, logger),
    },
    ImportProcessor,
    ImportQueue,
    ImportsService,
  ],
  exports: [ImportQueue],
})
export class ImportsModule implements OnApplicationShutdown {
  constructor(@Inject(IMPORT_POOL) private readonly pool: ImportPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
