import { Injectable, Logger } from '@nestjs/common';
import { NotFoundError, PrismaService, UnauthenticatedError } from '@claimdesk/database';
import { authorize } from './permissions';
import type { Principal } from './principal';
import { hashToken, newToken } from './token-hash';

const BOOTSTRAP_ADMIN_EMAIL = 'admin@claimdesk.local';
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);

  constructor(private readonly prisma: PrismaService) {}

  async authenticate(token: string): Promise<Principal> {
    const row = await this.prisma.apiToken.findUnique({
      where: { hash: hashToken(token) },
      include: { person: { select: { id: true, name: true, role: true, active: true } } },
    });
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.person.active) {
      throw new UnauthenticatedError('invalid, expired or revoked token');
    }
    // Stamping every request would turn reads into writes; a minute's resolution is plenty.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      void this.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => undefined);
    }
    return { id: row.person.id, name: row.person.name, role: row.person.role };
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
