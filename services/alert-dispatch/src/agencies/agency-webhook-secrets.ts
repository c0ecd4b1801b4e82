import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import { retryUntilDone, type Logger } from '@docscreen/observability';
import { SecretKeyRing, newWebhookSecret, openStoredSecret } from '@docscreen/webhooks';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';
import { PrismaService } from '../database/prisma.service.js';

/** An agency row's webhook columns. */
export interface StoredAgencyWebhook {
  id: string;
  webhookSecret: string | null;
  webhookSecretSealed: string | null;
}

const STORED = { id: true, webhookSecret: true, webhookSecretSealed: true } as const;

/** What a sealed secret is bound to: it opens for this agency's row only. */
const contextOf = (agencyId: string): string => `agency:${agencyId}:webhook`;

/**
 * Agencies' webhook signing secrets, sealed at rest under SECRETS_KEYS (AES-256-GCM). A secret stored
 * in clear before sealing, or sealed under a key no longer first in the ring, is sealed again under
 * the first: at start for every agency (in the background), and whenever it is read for a delivery.
 */
@Injectable()
export class AgencyWebhookSecrets implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly ring: SecretKeyRing | undefined;
  private readonly stopping = new AbortController();
  private sweep: Promise<unknown> | undefined;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(DISPATCH_CONFIG) config: DispatchConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.ring = config.SECRETS_KEYS ? new SecretKeyRing(config.SECRETS_KEYS) : undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.ring) {
      this.logger.warn({}, 'SECRETS_KEYS is not configured: agencies cannot be given webhooks');
      return;
    }
    this.sweep = retryUntilDone('seal-webhook-secrets', () => this.sealAll(), {
      logger: this.logger,
      signal: this.stopping.signal,
    }).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.sweep;
  }

  /** A new secret for the agency's webhook, and the columns that store it (sealed; nothing in clear). */
  issue(agencyId: string): { secret: string; columns: { webhookSecretSealed: string; webhookSecret: null } } {
    if (!this.ring)
      throw new ServiceUnavailableException(
        'webhook secrets cannot be stored here: SECRETS_KEYS is not configured',
      );
    const secret = newWebhookSecret();
    return {
      secret,
      columns: { webhookSecretSealed: this.ring.seal(secret, contextOf(agencyId)), webhookSecret: null },
    };
  }

  /** The agency's secret in clear (for signing), sealing it again when it should be; undefined without one. */
  async open(row: StoredAgencyWebhook): Promise<string | undefined> {
    const opened = openStoredSecret(
      this.ring,
      { sealed: row.webhookSecretSealed, legacyClear: row.webhookSecret },
      contextOf(row.id),
    );
    if (opened?.reseal) {
      // Only if the row still holds what was read: a secret issued meanwhile is not overwritten.
      await this.prisma.agency.updateMany({
        where: { id: row.id, webhookSecret: row.webhookSecret, webhookSecretSealed: row.webhookSecretSealed },
        data: { webhookSecretSealed: opened.reseal, webhookSecret: null },
      });
    }
    return opened?.secret;
  }

  /** Seals every secret not yet sealed under the first key; resolves with how many it sealed. */
  async sealAll(): Promise<number> {
    const ring = this.ring;
    if (!ring) return 0;
    const rows = await this.prisma.agency.findMany({
      where: {
        OR: [
          { webhookSecret: { not: null } },
          {
            webhookSecretSealed: { not: null },
            NOT: { webhookSecretSealed: { startsWith: ring.currentPrefix } },
          },
        ],
      },
      select: STORED,
    });
    for (const row of rows) await this.open(row);
    if (rows.length > 0)
      this.logger.info(
        { agencies: rows.length, key: ring.primaryKeyId },
        'webhook secrets sealed under the first key',
      );
    return rows.length;
  }
}
