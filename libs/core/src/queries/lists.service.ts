import { Injectable } from '@nestjs/common';
import type { Article, ArticleStatus, Claim, ClaimStatus, Person, Prisma, Priority, Role } from '@prisma/client';
import { NotFoundError, PrismaService } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { afterCursor, checkLimit, decodeCursor, pageOf, type Page } from './cursor';

export interface ArticleFilter {
  status?: ArticleStatus;
  outlet?: string;
  priority?: Priority;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
}

export interface ClaimFilter {
  status?: ClaimStatus;
  reviewerId?: string;
  articleId?: string;
  topic?: string;
  speaker?: string;
  minScore?: number;
  maxScore?: number;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export interface PersonFilter {
  role?: Role;
  active?: boolean;
  topic?: string;
  cursor?: string;
  limit?: number;
}

const LIVE: Array<'OFFERED' | 'ACCEPTED'> = ['OFFERED', 'ACCEPTED'];

/**
 * Lists with keyset pagination (newest first) and filters; one query per page, whatever its size.
 * Related rows (assignments, reviewers, verdicts) are read in batches by BatchReads.
 */
@Injectable()
export class ListsService {
  constructor(private readonly prisma: PrismaService) {}

  async articles(actor: Principal, f: ArticleFilter): Promise<Page<Article>> {
    authorize(actor, 'article.read');
    const limit = checkLimit(f.limit);
    const where: Prisma.ArticleWhereInput = {
      ...(f.status ? { status: f.status } : {}),
      ...(f.outlet ? { outlet: f.outlet } : {}),
      ...(f.priority ? { priority: f.priority } : {}),
      ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      AND: [afterCursor(decodeCursor(f.cursor))],
    };
    const rows = await this.prisma.article.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return pageOf(rows, limit);
  }

  async claims(actor: Principal, f: ClaimFilter): Promise<Page<Claim>> {
    authorize(actor, 'article.read');
    const limit = checkLimit(f.limit);
    const live: Prisma.AssignmentWhereInput = {
      status: { in: LIVE },
      ...(f.reviewerId ? { reviewerId: f.reviewerId } : {}),
      ...(f.overdue ? { dueAt: { lt: new Date() } } : {}),
    };
    const where: Prisma.ClaimWhereInput = {
      ...(f.status ? { status: f.status } : {}),
      ...(f.articleId ? { articleId: f.articleId } : {}),
      ...(f.topic ? { topics: { has: f.topic } } : {}),
      ...(f.speaker ? { speaker: { contains: f.speaker, mode: 'insensitive' } } : {}),
      ...(f.minScore !== undefined || f.maxScore !== undefined
        ? { score: { ...(f.minScore !== undefined ? { gte: f.minScore } : {}), ...(f.maxScore !== undefined ? { lte: f.maxScore } : {}) } }
        : {}),
      ...(f.reviewerId || f.overdue ? { assignments: { some: live } } : {}),
      AND: [afterCursor(decodeCursor(f.cursor))],
    };
    const rows = await this.prisma.claim.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return pageOf(rows, limit);
  }

  async claim(actor: Principal, id: string): Promise<Claim> {
    authorize(actor, 'article.read');
    const row = await this.prisma.claim.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('claim', id);
    return row;
  }

  async people(actor: Principal, f: PersonFilter): Promise<Page<Person>> {
    authorize(actor, 'person.read');
    const limit = checkLimit(f.limit);
    const where: Prisma.PersonWhereInput = {
      ...(f.role ? { role: f.role } : {}),
      ...(f.active !== undefined ? { active: f.active } : {}),
      ...(f.topic ? { topics: { has: f.topic } } : {}),
      AND: [afterCursor(decodeCursor(f.cursor))],
    };
    const rows = await this.prisma.person.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return pageOf(rows, limit);
  }
}
