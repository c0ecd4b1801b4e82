import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LOGGER } from '@docscreen/nest-platform';
import { retryUntilDone, type Logger } from '@docscreen/observability';
import { SecretKeyRing, newWebhookSecret, openStoredSecret, type WebhookEndpoint } from '@docscreen/webhooks';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { PrismaService } from '../database/prisma.service.js';

interface StoredWebhook {
  id: string;
  directiveWebhookUrl: string | null;
  directiveWebhookSecret: string | null;
  directiveWebhookSecretSealed: string | null;
}

const STORED = {
  id: true,
  directiveWebhookUrl: true,
  directiveWebhookSecret: true,
  directiveWebhookSecretSealed: true,
} as const;

/** What a sealed secret is bound to: it opens for this carrier's row only. */
const contextOf = (carrierId: string): string => `carrier:${carrierId}:directive-webhook`;

/**
 * Carriers' directive-webhook secrets, sealed at rest under SECRETS_KEYS (AES-256-GCM). A secret
 * stored in clear before sealing, or sealed under a key no longer first in the ring, is sealed again
 * under the first: at start for every carrier (in the background), and whenever it is read.
 */
@Injectable()
export class DirectiveWebhookSecrets implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly ring: SecretKeyRing | undefined;
  private readonly stopping = new AbortController();
  private sweep: Promise<unknown> | undefined;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.ring = config.SECRETS_KEYS ? new SecretKeyRing(config.SECRETS_KEYS) : undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.ring) {
      this.logger.warn({}, 'SECRETS_KEYS is not configured: directive webhooks cannot be registered');
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

  /** A new secret for the carrier's webhook, and the columns that store it (sealed; nothing in clear). */
  issue(carrierId: string): {
    secret: string;
    columns: { directiveWebhookSecretSealed: string; directiveWebhookSecret: null };
  } {
    if (!this.ring)
      throw new ServiceUnavailableException(
        'webhook secrets cannot be stored here: SECRETS_KEYS is not configured',
      );
    const secret = newWebhookSecret();
    return {
      secret,
      columns: {
        directiveWebhookSecretSealed: this.ring.seal(secret, contextOf(carrierId)),
        directiveWebhookSecret: null,
      },
    };
  }

  /** Where the carrier's directives go and the secret to sign them with; undefined without a webhook. */
  async endpointOf(carrierCode: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.prisma.carrier.findUnique({ where: { iataCode: carrierCode }, select: STORED });
    if (!row?.directiveWebhookUrl) return undefined;
    const secret = await this.open(row);
    return secret ? { url: row.directiveWebhookUrl, secret } : undefined;
  }

  /** Seals every secret not yet sealed under the first key; resolves with how many it sealed. */
  async sealAll(): Promise<number> {
    const ring = this.ring;
    if (!ring) return 0;
    const rows = await this.prisma.carrier.findMany({
      where: {
        OR: [
          { directiveWebhookSecret: { not: null } },
          {
            directiveWebhookSecretSealed: { not: null },
            NOT: { directiveWebhookSecretSealed: { startsWith: ring.currentPrefix } },
          },
        ],
      },
      select: STORED,
    });
    for (const row of rows) await this.open(row);
    if (rows.length > 0)
      this.logger.info(
        { carriers: rows.length, key: ring.primaryKeyId },
        'webhook secrets sealed under the first key',
      );
    return rows.length;
  }

  private async open(row: StoredWebhook): Promise<string | undefined> {
    const opened = openStoredSecret(
      this.ring,
      { sealed: row.directiveWebhookSecretSealed, legacyClear: row.directiveWebhookSecret },
      contextOf(row.id),
    );
    if (opened?.reseal) {
      // Only if the row still holds what was read: a secret issued meanwhile is not overwritten.
      await this.prisma.carrier.updateMany({
        where: {
          id: row.id,
          directiveWebhookSecret: row.directiveWebhookSecret,
          directiveWebhookSecretSealed: row.directiveWebhookSecretSealed,
        },
        data: { directiveWebhookSecretSealed: opened.reseal, directiveWebhookSecret: null },
      });
    }
    return opened?.secret;
  }
}
