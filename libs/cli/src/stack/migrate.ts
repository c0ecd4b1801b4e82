import { applyMigrations } from '@docscreen/db-migrate';
import { databaseUrl, migrationsDir, STACK_SERVICES, type LocalInfrastructure } from './stack-services.js';

/** Each service's committed migrations into its own database (created if missing). */
export async function migrateServices(infra: LocalInfrastructure): Promise<void> {
  for (const service of STACK_SERVICES) {
    const result = await applyMigrations({
      databaseUrl: databaseUrl(infra, service),
      migrationsDir: migrationsDir(service),
    });
    const applied = result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date';
    process.stdout.write(`${service.name}: database ${service.database} ${applied}\n`);
  }
}
