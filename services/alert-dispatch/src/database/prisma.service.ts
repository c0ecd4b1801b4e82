import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';

/** alert-dispatch's only database client: Prisma over the pg driver adapter (no Rust query engine). */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(DISPATCH_CONFIG) config: DispatchConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
  }

  // At application shutdown, not module destroy: Nest stops the Kafka consumer after the destroy
  // hooks, and its in-flight alert, like the webhook worker's in-flight deliveries, still writes here.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
