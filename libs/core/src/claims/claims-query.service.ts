import { Injectable } from '@nestjs/common';
import type { Claim, Prisma, Verdict } from '@prisma/client';
import { NotFoundError, PrismaService } from '@claimdesk/database';
import { authorize, visibleVerdicts } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { assignmentView, type AssignmentView } from '../assignments/assignment-view';

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
  /** The live assignment, with the same fields as every assignment, and its reviewer. */
  assignment: (AssignmentView & { reviewer: { id: string; name: string } | null }) | null;
}

/** A claim of `GET /articles/:id/claims`: its newest verdict the caller may read, in brief. */
export interface ArticleClaimView extends ClaimView {
  verdict: { id: string; rating: string; status: string; authorId: string; createdAt: string } | null;
}

export interface ClaimDetailView extends ClaimView {
  /** Every verdict on the claim, newest first, with its evidence. */
  verdicts: Array<Verdict & { evidence: Array<{ url: string; title: string | null; note: string | null }> }>;
}

const LIVE = ['OFFERED', 'ACCEPTED'] as const;

const WITH_LIVE_ASSIGNMENT = {
  assignments: {
    where: { status: { in: [...LIVE] } },
    include: { reviewer: { select: { id: true, name: true } } },
    take: 1,
  },
} satisfies Prisma.ClaimInclude;

type ClaimWithLive = Prisma.ClaimGetPayload<{ include: typeof WITH_LIVE_ASSIGNMENT }>;

/** A claim's own fields as both doors show them (ids as strings, the score's features by name). */
export function claimFields(c: Claim): Omit<ClaimView, 'assignment'> {
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
  };
}

function toClaimView(c: ClaimWithLive): ClaimView {
  const a = c.assignments[0];
  return {
    ...claimFields(c),
    assignment: a
      ? { ...assignmentView(a), reviewer: { id: a.reviewer.id, name: a.reviewer.name } }
      : null,
  };
}

/** Read side of claims: one query for the claims and their live assignment, however many claims. */
@Injectable()
export class ClaimsQueryService {
  constructor(private readonly prisma: PrismaService) {}

  async forArticle(actor: Principal, articleId: string): Promise<ArticleClaimView[]> {
    authorize(actor, 'article.read');
    const article = await this.prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw new NotFoundError('article', articleId);
    const claims = await this.prisma.claim.findMany({
      where: { articleId },
      orderBy: { ordinal: 'asc' },
      include: {
        ...WITH_LIVE_ASSIGNMENT,
        verdicts: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, rating: true, status: true, authorId: true, createdAt: true } },
      },
    });
    return claims.map((claim) => {
      // The same visibility as GET /claims/:id: unpublished verdicts only for editors, their author and the assignee.
      const v = visibleVerdicts(actor, claim.verdicts, claim.assignments[0]?.reviewerId)[0];
      return { ...toClaimView(claim), verdict: v ? { id: v.id, rating: v.rating, status: v.status, authorId: v.authorId, createdAt: v.createdAt.toISOString() } : null };
    });
  }

  /**
   * One claim with its live assignment and every verdict written on it, newest first: a returned
   * verdict whose reviewer ran out of time stays here for whoever takes the claim next.
   */
  async byId(actor: Principal, claimId: string): Promise<ClaimDetailView> {
    authorize(actor, 'claim.read');
    const claim = await this.prisma.claim.findUnique({
      where: { id: claimId },
      include: {
        ...WITH_LIVE_ASSIGNMENT,
        verdicts: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: { evidence: { select: { url: true, title: true, note: true } } } },
      },
    });
    if (!claim) throw new NotFoundError('claim', claimId);
    // Unpublished verdicts only for editors, their author and the claim's assignee (OWNERSHIP).
    return { ...toClaimView(claim), verdicts: visibleVerdicts(actor, claim.verdicts, claim.assignments[0]?.reviewerId) };
  }
}
