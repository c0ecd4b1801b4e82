import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { agencyAlertTopic, type AlertSeverity } from '@docscreen/contracts';
import { credentialMatches, credentialPrefix, issueCredential } from '@docscreen/nest-platform';
import { checkWebhookUrl } from '@docscreen/webhooks';
import { DISPATCH_CONFIG } from '../config/config.module.js';
import type { DispatchConfig } from '../config/dispatch-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma, type Agency } from '../generated/prisma/client.js';
import type { RoutingAgency } from '../routing/route-alert.js';
import { AgencyTopics } from './agency-topics.js';
import { AgencyWebhookSecrets } from './agency-webhook-secrets.js';
import { NEEDS_A_SCOPE, type RegisterAgency, type UpdateAgency } from './dto/agency.schemas.js';

// Agency tokens are credentials of their own kind (`dsb_<prefix>_<secret>`), told apart from the
// registry's authorities (`dsa_`). Tokens issued before were `dsa_`: still accepted until rotated (they
// are only ever checked against this service's own table).
const TOKEN_KIND = 'dsb';
const EARLIER_TOKEN_KIND = 'dsa';

export interface AuthenticatedAgency {
  id: string;
  code: string;
}

/** What operators see of an agency: never its token or webhook secret. */
export interface AgencySummary {
  code: string;
  name: string;
  states: string[];
  ports: string[];
  alertTypes: string[];
  minSeverity: AlertSeverity;
  fallback: boolean;
  active: boolean;
  channels: { kafkaTopic: string | null; webhookUrl: string | null };
  createdAt: string;
  updatedAt: string;
}

/** Secrets issued by a registration or an update: answered this once, never stored in clear. */
export interface IssuedSecrets {
  token?: string;
  webhookSecret?: string;
}

@Injectable()
export class AgenciesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly topics: AgencyTopics,
    private readonly secrets: AgencyWebhookSecrets,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
  ) {}

  async authenticate(token: string): Promise<AuthenticatedAgency | undefined> {
    const prefix = credentialPrefix(TOKEN_KIND, token) ?? credentialPrefix(EARLIER_TOKEN_KIND, token);
    if (!prefix) return undefined;
    const candidates = await this.prisma.agency.findMany({ where: { tokenPrefix: prefix, active: true } });
    const match = candidates.find((candidate) => credentialMatches(token, candidate.tokenHash));
    return match ? { id: match.id, code: match.code } : undefined;
  }

  /**
   * Registers an agency; its API token (and webhook secret, with a webhook) are answered once. Its
   * topic exists before the answer, so the agency can subscribe right away.
   */
  async register(input: RegisterAgency): Promise<{ code: string } & IssuedSecrets> {
    const webhookUrl =
      input.webhookUrl === undefined ? undefined : this.acceptableWebhookUrl(input.webhookUrl);
    const id = randomUUID();
    const token = issueCredential(TOKEN_KIND);
    const webhook = webhookUrl ? this.secrets.issue(id) : undefined;
    if (input.kafka) await this.topics.ensure(input.code);
    try {
      await this.prisma.agency.create({
        data: {
          id,
          code: input.code,
          name: input.name,
          states: input.states,
          ports: input.ports,
          alertTypes: input.alertTypes,
          minSeverity: input.minSeverity,
          fallback: input.fallback,
          kafkaEnabled: input.kafka,
          webhookUrl: webhookUrl ?? null,
          webhookSecretSealed: webhook?.columns.webhookSecretSealed ?? null,
          tokenPrefix: token.prefix,
          tokenHash: token.hash,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw new ConflictException(`agency ${input.code} is already registered`);
      throw error;
    }
    return { code: input.code, token: token.secret, ...(webhook ? { webhookSecret: webhook.secret } : {}) };
  }

  async list(): Promise<AgencySummary[]> {
    const rows = await this.prisma.agency.findMany({ orderBy: { code: 'asc' } });
    return rows.map(summaryOf);
  }

  async update(code: string, change: UpdateAgency): Promise<AgencySummary & IssuedSecrets> {
    const current = await this.prisma.agency.findUnique({ where: { code } });
    if (!current) throw new NotFoundException(`no agency ${code}`);
    const states = change.states ?? current.states;
    const ports = change.ports ?? current.ports;
    const fallback = change.fallback ?? current.fallback;
    if (states.length === 0 && ports.length === 0 && !fallback)
      throw new BadRequestException({ message: NEEDS_A_SCOPE.message, problems: [NEEDS_A_SCOPE] });

    const issued: IssuedSecrets = {};
    const data: Prisma.AgencyUpdateInput = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.alertTypes !== undefined ? { alertTypes: change.alertTypes } : {}),
      ...(change.minSeverity !== undefined ? { minSeverity: change.minSeverity } : {}),
      ...(change.kafka !== undefined ? { kafkaEnabled: change.kafka } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      states,
      ports,
      fallback,
    };
    if (change.rotateToken) {
      const token = issueCredential(TOKEN_KIND);
      Object.assign(data, { tokenPrefix: token.prefix, tokenHash: token.hash });
      issued.token = token.secret;
    }
    const webhookUrl =
      change.webhookUrl === undefined
        ? current.webhookUrl
        : change.webhookUrl === null
          ? null
          : this.acceptableWebhookUrl(change.webhookUrl);
    if (change.rotateWebhookSecret && webhookUrl === null)
      throw new BadRequestException('rotateWebhookSecret: the agency has no webhook');
    if (webhookUrl === null) {
      Object.assign(data, { webhookUrl: null, webhookSecret: null, webhookSecretSealed: null });
    } else {
      data.webhookUrl = webhookUrl;
      // A first webhook gets a secret; an existing one keeps its own unless asked to rotate.
      if (!(current.webhookSecretSealed || current.webhookSecret) || change.rotateWebhookSecret) {
        const webhook = this.secrets.issue(current.id);
        issued.webhookSecret = webhook.secret;
        Object.assign(data, webhook.columns);
      }
    }
    if (change.kafka) await this.topics.ensure(code);
    const updated = await this.prisma.agency.update({ where: { code }, data });
    return { ...summaryOf(updated), ...issued };
  }

  /** The agencies alerts may be routed to: the active ones. */
  async routingAgencies(): Promise<
    (RoutingAgency & { id: string; kafkaEnabled: boolean; webhook: boolean })[]
  > {
    const rows = await this.prisma.agency.findMany({ where: { active: true } });
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      states: row.states,
      ports: row.ports,
      alertTypes: row.alertTypes,
      minSeverity: row.minSeverity as AlertSeverity,
      fallback: row.fallback,
      kafkaEnabled: row.kafkaEnabled,
      webhook: !!row.webhookUrl && !!(row.webhookSecretSealed || row.webhookSecret),
    }));
  }

  /** Where an active agency's webhooks go, read at every attempt so a change applies at once. */
  async webhookEndpoint(code: string): Promise<{ url: string; secret: string } | undefined> {
    const row = await this.prisma.agency.findUnique({
      where: { code },
      select: { id: true, active: true, webhookUrl: true, webhookSecret: true, webhookSecretSealed: true },
    });
    if (!row?.active || !row.webhookUrl) return undefined;
    const secret = await this.secrets.open(row);
    return secret ? { url: row.webhookUrl, secret } : undefined;
  }

  /** The URL as it will be stored, or 400 with the policy's reason (https on a public host, no credentials). */
  private acceptableWebhookUrl(value: string): string {
    const verdict = checkWebhookUrl(value, {
      allowPrivateTargets: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    });
    if (verdict.ok) return verdict.url.toString();
    const problem = { path: 'webhookUrl', message: verdict.reason };
    throw new BadRequestException({ message: `webhookUrl: ${verdict.reason}`, problems: [problem] });
  }
}

function summaryOf(row: Agency): AgencySummary {
  return {
    code: row.code,
    name: row.name,
    states: row.states,
    ports: row.ports,
    alertTypes: row.alertTypes,
    minSeverity: row.minSeverity as AlertSeverity,
    fallback: row.fallback,
    active: row.active,
    channels: {
      kafkaTopic: row.kafkaEnabled ? agencyAlertTopic(row.code) : null,
      webhookUrl: row.webhookUrl,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
