import { applyMigrations, type ApplyMigrationsResult } from './apply-migrations.js';
import { errorMessage } from './migration-files.js';
import { silentLogger, type MigrationLogger } from './logger.js';

export interface ServiceMigrations {
  name: string;
  databaseUrl: string;
  migrationsDir: string;
}

export interface ServiceMigrationResult extends ApplyMigrationsResult {
  name: string;
  durationMs: number;
}

/** Migrates each service's database in turn; stops at the first failure, naming the service. */
export async function migrateAll(
  services: ServiceMigrations[],
  logger: MigrationLogger = silentLogger,
): Promise<ServiceMigrationResult[]> {
  const results: ServiceMigrationResult[] = [];
  for (const service of services) {
    const startedAt = performance.now();
    try {
      const result = await applyMigrations({ ...service, logger });
      const durationMs = Math.round(performance.now() - startedAt);
      logger.info('service database migrated', { service: service.name, ...result, durationMs });
      results.push({ name: service.name, ...result, durationMs });
    } catch (error) {
      throw new Error(`Migrating ${service.name}: ${errorMessage(error)}`, { cause: error });
    }
  }
  return results;
}
