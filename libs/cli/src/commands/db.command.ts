import type { Command } from 'commander';
import { migrateServices } from '../stack/migrate.js';
import { localInfrastructure } from '../stack/stack-services.js';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('Databases of the services');
  db.command('migrate')
    .description(
      "Apply every service's committed Prisma migrations to its database (creates the database if missing)",
    )
    .action(async () => {
      await migrateServices(localInfrastructure());
    });
}
