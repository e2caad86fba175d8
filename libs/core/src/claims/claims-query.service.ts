import { Injectable } from '@nestjs/common';
import { NotFoundError, PrismaService } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';

export interface ClaimView {
  id: string;
  articleId: string;
  ordinal: number;
  text: string;
  sentence: string;
  spanStart: number;
  spanEnd: number;
  speaker: string | null;
  reportingVerb: string | null;
  coreText: string | null;
  parts: string[];
  score: number;
  features: unknown;
  entities: unknown;
  topics: string[];
  status: string;
  priority: string;
  version: number;
  duplicateOfId: string | null;
  assignment: {
    id: string;
    reviewer: { id: string; name: string };
    status: string;
    dueAt: string;
    reason: string;
  } | null;
}

const LIVE = ['OFFERED', 'ACCEPTED'] as const;

/** Read side of claims: one query for the claims and their live assignment, however many claims. */
@Injectable()
export class ClaimsQueryService {
  constructor(private readonly prisma: PrismaService) {}

  async forArticle(actor: Principal, articleId: string): Promise<ClaimView[]> {
    authorize(actor, 'article.read');
    const article = await this.prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw new NotFoundError('article', articleId);
    const claims = await this.prisma.claim.findMany({
      where: { articleId },
      orderBy: { ordinal: 'asc' },
      include: {
        assignments: {
          where: { status: { in: [...LIVE] } },
          include: { reviewer: { select: { id: true, name: true } } },
          take: 1,
        },
      },
    });
    return claims.map((c) => {
      const a = c.assignments[0];
      return {
        id: c.id,
        articleId: c.articleId,
        ordinal: c.ordinal,
        text: c.text,
        sentence: c.sentence,
        spanStart: c.spanStart,
        spanEnd: c.spanEnd,
        speaker: c.speaker,
        reportingVerb: c.reportingVerb,
        coreText: c.coreText,
        parts: c.parts,
        score: c.score,
        features: c.scoreFeatures,
        entities: c.entities,
        topics: c.topics,
        status: c.status,
        priority: c.priority,
        version: c.version,
        duplicateOfId: c.duplicateOfId,
        assignment: a
          ? { id: a.id, reviewer: a.reviewer, status: a.status, dueAt: a.dueAt.toISOString(), reason: a.reason }
          : null,
      };
    });
  }
}
