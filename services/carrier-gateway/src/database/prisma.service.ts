import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';

/** The gateway's only database client: Prisma over the pg driver adapter (no Rust query engine). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
