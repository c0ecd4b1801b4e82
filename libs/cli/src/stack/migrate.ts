import { migrateAll } from '@docscreen/db-migrate';
import {
  databaseName,
  databaseUrl,
  migrationsDir,
  STACK_SERVICES,
  type LocalInfrastructure,
} from './stack-services.js';

/** Each service's committed migrations into its own database (created if missing), in turn. */
export async function migrateServices(infra: LocalInfrastructure): Promise<void> {
  const results = await migrateAll(
    STACK_SERVICES.map((service) => ({
      name: service.name,
      databaseUrl: databaseUrl(infra, service),
      migrationsDir: migrationsDir(service),
    })),
  );
  for (const [index, result] of results.entries()) {
    const applied = result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date';
    const service = STACK_SERVICES[index];
    process.stdout.write(
      `${result.name}: database ${service ? databaseName(infra, service) : '?'} ${applied}\n`,
    );
  }
}
