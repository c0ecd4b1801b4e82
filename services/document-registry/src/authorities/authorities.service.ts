import { ConflictException, Injectable } from '@nestjs/common';
import { credentialMatches, credentialPrefix, issueCredential } from '@docscreen/nest-platform';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';

export interface AuthenticatedAuthority {
  id: string;
  code: string;
  issuingState: string;
}

@Injectable()
export class AuthoritiesService {
  constructor(private readonly prisma: PrismaService) {}

  async authenticate(secret: string): Promise<AuthenticatedAuthority | undefined> {
    const prefix = credentialPrefix('dsa', secret);
    if (!prefix) return undefined;
    const candidates = await this.prisma.authority.findMany({
      where: { credentialPrefix: prefix, active: true },
    });
    const match = candidates.find((candidate) => credentialMatches(secret, candidate.credentialHash));
    return match ? { id: match.id, code: match.code, issuingState: match.issuingState } : undefined;
  }

  async byCode(code: string): Promise<AuthenticatedAuthority | undefined> {
    const row = await this.prisma.authority.findUnique({ where: { code } });
    return row?.active ? { id: row.id, code: row.code, issuingState: row.issuingState } : undefined;
  }

  /** Registers an authority for one issuing state; its credential is returned once, only the hash kept. */
  async register(input: {
    code: string;
    name: string;
    issuingState: string;
  }): Promise<{ code: string; credential: string }> {
    const issued = issueCredential('dsa');
    try {
      await this.prisma.authority.create({
        data: { ...input, credentialPrefix: issued.prefix, credentialHash: issued.hash },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException(`authority ${input.code} is already registered`);
      }
      throw error;
    }
    return { code: input.code, credential: issued.secret };
  }

  async list(): Promise<{ code: string; name: string; issuingState: string; active: boolean }[]> {
    const rows = await this.prisma.authority.findMany({ orderBy: { code: 'asc' } });
    return rows.map(({ code, name, issuingState, active }) => ({ code, name, issuingState, active }));
  }
}
