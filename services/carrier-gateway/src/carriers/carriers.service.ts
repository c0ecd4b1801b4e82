import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { apiKeyMatches, apiKeyPrefix, issueApiKey } from './api-key.js';

export interface AuthenticatedCarrier {
  id: string;
  iataCode: string;
  name: string;
}

@Injectable()
export class CarriersService {
  constructor(private readonly prisma: PrismaService) {}

  /** The active carrier a key belongs to, or undefined for an unknown, revoked or malformed key. */
  async authenticate(key: string): Promise<AuthenticatedCarrier | undefined> {
    const prefix = apiKeyPrefix(key);
    if (!prefix) return undefined;
    const candidates = await this.prisma.carrierApiKey.findMany({
      where: { keyPrefix: prefix, revokedAt: null, carrier: { active: true } },
      include: { carrier: true },
    });
    const match = candidates.find((candidate) => apiKeyMatches(key, candidate.keyHash));
    return match
      ? { id: match.carrier.id, iataCode: match.carrier.iataCode, name: match.carrier.name }
      : undefined;
  }

  /** Registers a carrier with a first API key; the key is returned once and only its hash is kept. */
  async register(input: {
    iataCode: string;
    name: string;
    contactEmail: string;
  }): Promise<{ carrierId: string; apiKey: string }> {
    const issued = issueApiKey();
    const carrier = await this.prisma.carrier.create({
      data: {
        iataCode: input.iataCode.toUpperCase(),
        name: input.name,
        contactEmail: input.contactEmail,
        apiKeys: { create: { keyPrefix: issued.prefix, keyHash: issued.hash } },
      },
    });
    return { carrierId: carrier.id, apiKey: issued.key };
  }
}
