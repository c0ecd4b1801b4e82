import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { credentialMatches, credentialPrefix, issueCredential } from '@docscreen/nest-platform';

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
    const prefix = credentialPrefix('dsk', key);
    if (!prefix) return undefined;
    const candidates = await this.prisma.carrierApiKey.findMany({
      where: { keyPrefix: prefix, revokedAt: null, carrier: { active: true } },
      include: { carrier: true },
    });
    const match = candidates.find((candidate) => credentialMatches(key, candidate.keyHash));
    return match
      ? { id: match.carrier.id, iataCode: match.carrier.iataCode, name: match.carrier.name }
      : undefined;
  }

  /** Registers a carrier with a first API key; the key is returned once and only its hash is kept. */
  async register(input: { iataCode: string; name: string; contactEmail: string }): Promise<IssuedCarrierKey> {
    const issued = issueCredential('dsk');
    try {
      const carrier = await this.prisma.carrier.create({
        data: {
          iataCode: input.iataCode,
          name: input.name,
          contactEmail: input.contactEmail,
          apiKeys: { create: { keyPrefix: issued.prefix, keyHash: issued.hash } },
        },
      });
      return { carrierId: carrier.id, iataCode: carrier.iataCode, apiKey: issued.secret };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException(
          `carrier ${input.iataCode} is already registered; rotate its key instead`,
        );
      }
      throw error;
    }
  }

  /** A new key for the carrier; every earlier key is revoked in the same transaction. */
  async rotateKey(iataCode: string): Promise<IssuedCarrierKey> {
    const carrier = await this.prisma.carrier.findUnique({ where: { iataCode: iataCode.toUpperCase() } });
    if (!carrier) throw new NotFoundException(`no carrier ${iataCode.toUpperCase()}`);
    const issued = issueCredential('dsk');
    await this.prisma.$transaction([
      this.prisma.carrierApiKey.updateMany({
        where: { carrierId: carrier.id, revokedAt: null },
        data: { revokedAt: new Date() },
      }),
      this.prisma.carrierApiKey.create({
        data: { carrierId: carrier.id, keyPrefix: issued.prefix, keyHash: issued.hash },
      }),
    ]);
    return { carrierId: carrier.id, iataCode: carrier.iataCode, apiKey: issued.secret };
  }

  async list(): Promise<CarrierSummary[]> {
    const carriers = await this.prisma.carrier.findMany({
      include: { apiKeys: true },
      orderBy: { iataCode: 'asc' },
    });
    return carriers.map((c) => ({
      iataCode: c.iataCode,
      name: c.name,
      contactEmail: c.contactEmail,
      active: c.active,
      createdAt: c.createdAt.toISOString(),
      activeKeys: c.apiKeys
        .filter((k) => !k.revokedAt)
        .map((k) => ({ prefix: k.keyPrefix, createdAt: k.createdAt.toISOString() })),
    }));
  }
}

export interface IssuedCarrierKey {
  carrierId: string;
  iataCode: string;
  /** Shown once; only its hash is stored. */
  apiKey: string;
}

export interface CarrierSummary {
  iataCode: string;
  name: string;
  contactEmail: string;
  active: boolean;
  createdAt: string;
  activeKeys: { prefix: string; createdAt: string }[];
}
