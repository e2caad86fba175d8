import { Injectable, Logger } from '@nestjs/common';
import { ForbiddenError, NotFoundError, PrismaService, UnauthenticatedError } from '@claimdesk/database';
import type { ApiToken } from '@prisma/client';
import { authorize, can } from './permissions';
import type { Principal } from './principal';
import { hashToken, newToken } from './token-hash';

const BOOTSTRAP_ADMIN_EMAIL = 'admin@claimdesk.local';
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);

  constructor(private readonly prisma: PrismaService) {}

  async authenticate(token: string): Promise<Principal> {
    return (await this.authenticateToken(token)).principal;
  }

  /** The caller, and when the token stops being valid (null: until revoked). */
  async authenticateToken(token: string): Promise<{ principal: Principal; expiresAt: Date | null }> {
    const row = await this.prisma.apiToken.findUnique({
      where: { hash: hashToken(token) },
      include: { person: { select: { id: true, name: true, role: true, active: true } } },
    });
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.person.active) {
      const error = new UnauthenticatedError('invalid, expired or revoked token');
      if (row) {
        // For the audit line only (never in the answer: not enumerable, not in details).
        const reason = row.revokedAt ? 'revoked' : !row.person.active ? 'inactive' : 'expired';
        Object.defineProperty(error, 'subject', { value: { personId: row.person.id, role: row.person.role, tokenId: row.id, reason } });
      }
      throw error;
    }
    // Stamping every request would turn reads into writes; a minute's resolution is plenty.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      void this.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
    }
    return { principal: { id: row.person.id, name: row.person.name, role: row.person.role }, expiresAt: row.expiresAt };
  }

  /** Creates a token for a person and returns it; it is never shown again. */
  async create(actor: Principal, personId: string, name = 'default', expiresAt?: Date): Promise<{ id: string; token: string }> {
    authorize(actor, 'person.manage');
    const person = await this.prisma.person.findUnique({ where: { id: personId }, select: { id: true } });
    if (!person) throw new NotFoundError('person', personId);
    const token = newToken();
    const row = await this.prisma.apiToken.create({ data: { personId, name, hash: hashToken(token), expiresAt } });
    return { id: row.id, token };
  }

  /** Admins see every token; anyone else their own. Never the token itself: it is not stored. */
  async list(actor: Principal, personId?: string): Promise<TokenView[]> {
    authorize(actor, 'person.self');
    const admin = can(actor, 'person.manage');
    if (!admin && personId !== undefined && personId !== actor.id) throw new ForbiddenError("only an admin lists another person's tokens");
    const where = admin ? (personId ? { personId } : {}) : { personId: actor.id };
    const rows = await this.prisma.apiToken.findMany({ where, orderBy: { createdAt: 'desc' }, take: 500 });
    return rows.map(toTokenView);
  }

  async revoke(actor: Principal, tokenId: string): Promise<TokenView> {
    const row = await this.ownOrAdmin(actor, tokenId);
    const updated = await this.prisma.apiToken.update({ where: { id: row.id }, data: { revokedAt: row.revokedAt ?? new Date() } });
    return toTokenView(updated);
  }

  /** A new token with the same person, name and lifetime; the old one stops working at once. */
  async rotate(actor: Principal, tokenId: string): Promise<{ id: string; personId: string; token: string; expiresAt: string | null }> {
    const row = await this.ownOrAdmin(actor, tokenId);
    if (row.revokedAt) throw new NotFoundError('active token', tokenId);
    const token = newToken();
    const lifetime = row.expiresAt ? row.expiresAt.getTime() - row.createdAt.getTime() : null;
    const created = await this.prisma.$transaction(async (tx) => {
      await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      return tx.apiToken.create({
        data: {
          personId: row.personId,
          name: row.name,
          hash: hashToken(token),
          expiresAt: lifetime === null ? null : new Date(Date.now() + lifetime),
        },
      });
    });
    return { id: created.id, personId: created.personId, token, expiresAt: created.expiresAt?.toISOString() ?? null };
  }

  private async ownOrAdmin(actor: Principal, tokenId: string): Promise<ApiToken> {
    authorize(actor, 'person.self');
    const row = await this.prisma.apiToken.findUnique({ where: { id: tokenId } });
    if (!row) throw new NotFoundError('token', tokenId);
    if (row.personId !== actor.id && !can(actor, 'person.manage')) throw new ForbiddenError('not your token');
    return row;
  }

  /** CLAIMDESK_ADMIN_TOKEN: after start an active admin exists whose token is exactly this one. */
  async ensureBootstrapAdmin(token: string): Promise<void> {
    const hash = hashToken(token);
    await this.prisma.$transaction(async (tx) => {
      const existing = await tx.apiToken.findUnique({ where: { hash } });
      if (existing) {
        await tx.apiToken.update({ where: { id: existing.id }, data: { revokedAt: null, expiresAt: null } });
        await tx.person.update({ where: { id: existing.personId }, data: { active: true, role: 'ADMIN' } });
        return;
      }
      const admin = await tx.person.upsert({
        where: { email: BOOTSTRAP_ADMIN_EMAIL },
        create: { name: 'Administrator', email: BOOTSTRAP_ADMIN_EMAIL, role: 'ADMIN', capacity: 0 },
        update: { active: true, role: 'ADMIN' },
      });
      await tx.apiToken.create({ data: { personId: admin.id, name: 'bootstrap', hash } });
    });
    this.logger.log('bootstrap admin token is active');
  }
}

export interface TokenView {
  id: string;
  personId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

function toTokenView(t: ApiToken): TokenView {
  return {
    id: t.id,
    personId: t.personId,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
