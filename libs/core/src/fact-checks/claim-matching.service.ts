import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { ConflictError, NotFoundError, PrismaService, ValidationError, strictWhere } from '@claimdesk/database';
import { refreshArticleStatus } from '../articles/refresh-article-status';
import { closeLiveAssignment } from '../assignments/reviewer-load';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { applyClaimTransition } from '../claims/apply-claim-transition';
import { recordEvent } from '../events/record-event';
import { addPublishedVerdictToLibrary } from './desk-fact-check';
import { FactCheckMatcher } from './fact-check-matcher';
import { deskRatingFor } from './rating-mapping';

export interface ClaimMatchView {
  rank: number;
  score: number;
  /** At or above CLAIMDESK_MATCH_SUGGEST: shown to the reviewer and on the claim. */
  suggested: boolean;
  reasons: unknown;
  factCheck: {
    id: string;
    url: string;
    claimReviewed: string;
    title: string | null;
    rating: string | null;
    authorName: string | null;
    origin: string;
    datePublished: Date | null;
  };
}

const FACT_CHECK_SELECT = {
  id: true, url: true, claimReviewed: true, title: true, rating: true, authorName: true, origin: true, datePublished: true,
} satisfies Prisma.FactCheckSelect;

/**
 * Matching in the flow (issue 18). Each check-worthy claim is matched once, by the route job before
 * it is routed (extraction is not slowed, and a claim promoted later is matched the same way): the
 * top matches are stored with score and reasons, `claim.matched` is logged when one reaches
 * CLAIMDESK_MATCH_SUGGEST, and at CLAIMDESK_MATCH_AUTO the claim is held for an editor, not routed.
 */
@Injectable()
export class ClaimMatchingService {
  private readonly logger = new Logger(ClaimMatchingService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly matcher: FactCheckMatcher,
    private readonly config: AppConfig,
  ) {}

  /** Matches the claim if it has not been yet; true when it is held for an editor (do not route). */
  async matchBeforeRouting(claimId: string): Promise<boolean> {
    const claim = await this.prisma.claim.findUnique({
      where: { id: claimId },
      select: { id: true, articleId: true, text: true, coreText: true, speaker: true, status: true, matchedAt: true, heldForFactCheckId: true },
    });
    if (!claim) return false;
    if (claim.matchedAt || claim.status !== 'PENDING') return claim.heldForFactCheckId !== null && claim.status === 'PENDING';
    let matches: Awaited<ReturnType<FactCheckMatcher['match']>> = [];
    try {
      // A claim's own published fact-check (a re-run) is not a match for it.
      matches = (await this.matcher.match(claim.coreText?.trim() || claim.text, { speaker: claim.speaker, limit: 6 }))
        .filter((m) => !m.url.endsWith(claim.id))
        .slice(0, 5);
    } catch (error) {
      // Matching helps the desk but must never stop a claim from reaching a reviewer.
      this.logger.warn(`matching claim ${claimId} failed, routing it unmatched: ${String(error)}`);
      return false;
    }
    const { CLAIMDESK_MATCH_SUGGEST: suggest, CLAIMDESK_MATCH_AUTO: auto } = this.config.env;
    const top = matches[0];
    const hold = auto !== undefined && top !== undefined && top.score >= auto ? top.factCheckId : null;
    return this.prisma.$transaction(async (tx) => {
      const marked = await tx.claim.updateMany({
        where: strictWhere({ id: claimId, matchedAt: { equals: null }, status: 'PENDING' }),
        data: { matchedAt: new Date(), heldForFactCheckId: hold },
      });
      if (marked.count === 0) return false;
      await tx.claimMatch.deleteMany({ where: strictWhere({ claimId }) });
      await tx.claimMatch.createMany({
        data: matches.map((m, i) => ({ claimId, factCheckId: m.factCheckId, rank: i + 1, score: m.score, reasons: m.reasons as Prisma.InputJsonValue })),
      });
      if (top && top.score >= suggest) {
        await recordEvent(tx, {
          type: 'claim.matched',
          articleId: claim.articleId,
          claimId,
          payload: {
            held: hold !== null,
            matches: matches.filter((m) => m.score >= suggest).map((m) => ({ factCheckId: m.factCheckId, url: m.url, score: round(m.score) })),
          },
        });
      }
      return hold !== null;
    });
  }

  /** GET /claims/:id/matches: every stored match, best first, with the fact-check it points to. */
  async matches(actor: Principal, claimId: string, onlySuggested = false): Promise<ClaimMatchView[]> {
    authorize(actor, 'claim.read');
    const exists = await this.prisma.claim.count({ where: { id: claimId } });
    if (!exists) throw new NotFoundError('claim', claimId);
    return (await this.matchesOf([claimId], onlySuggested)).get(claimId) ?? [];
  }

  /** Stored matches of many claims in one query (inbox items, claim views). */
  async matchesOf(claimIds: readonly string[], onlySuggested = true): Promise<Map<string, ClaimMatchView[]>> {
    const suggest = this.config.env.CLAIMDESK_MATCH_SUGGEST;
    const rows = await this.prisma.claimMatch.findMany({
      where: { claimId: { in: [...claimIds] }, ...(onlySuggested ? { score: { gte: suggest } } : {}) },
      include: { factCheck: { select: FACT_CHECK_SELECT } },
      orderBy: [{ claimId: 'asc' }, { rank: 'asc' }],
    });
    const out = new Map<string, ClaimMatchView[]>();
    for (const r of rows) {
      const list = out.get(r.claimId) ?? [];
      list.push({ rank: r.rank, score: round(r.score), suggested: r.score >= suggest, reasons: r.reasons, factCheck: r.factCheck });
      out.set(r.claimId, list);
    }
    return out;
  }

  /**
   * POST /claims/:id/reuse: publishes the claim with an earlier fact-check's verdict. The verdict is
   * the fact-check's rating (or the editor's `rating` when the reviewer's wording has no equivalent on
   * the desk's scale), its source and evidence the earlier review, approved by the editor at once:
   * the earlier review had its own four eyes. A reviewer holding the claim is freed.
   */
  async reuse(actor: Principal, claimId: string, input: { factCheckId: string; rating?: string }) {
    authorize(actor, 'verdict.decide');
    const env = this.config.env;
    const result = await this.prisma.$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: claimId } });
      if (!claim) throw new NotFoundError('claim', claimId);
      const factCheck = await tx.factCheck.findUnique({ where: { id: input.factCheckId } });
      if (!factCheck) throw new NotFoundError('fact-check', input.factCheckId);
      if (factCheck.claimId === claimId) throw new ValidationError([{ field: 'factCheckId', message: 'is this claim\'s own fact-check' }]);
      const scale = await tx.ratingScale.findMany({ orderBy: { ordinal: 'asc' } });
      const rating = input.rating ?? (await deskRatingFor(tx, factCheck, scale));
      if (!rating || !scale.some((r) => r.id === rating)) {
        throw new ValidationError([
          {
            field: 'rating',
            message: `the fact-check's rating "${factCheck.rating ?? ''}" has no equivalent on the desk's scale; pass one of ${scale.map((r) => r.id).join(', ')}`,
          },
        ]);
      }
      const live = await tx.assignment.findFirst({ where: { claimId, status: { in: ['OFFERED', 'ACCEPTED'] } } });
      if (claim.status === 'SUBMITTED') {
        throw new ConflictError('the claim has a submitted verdict: approve or return it instead', { currentState: claim.status });
      }
      await applyClaimTransition(tx, claim, 'reuse', actor.id, { factCheckId: factCheck.id, url: factCheck.url, rating });
      if (live) await closeLiveAssignment(tx, live, 'WITHDRAWN');
      const now = new Date();
      const who = factCheck.authorName ? ` by ${factCheck.authorName}` : '';
      const verdict = await tx.verdict.create({
        data: {
          claimId,
          authorId: actor.id,
          rating,
          rationale: `Already fact-checked${who}: ${factCheck.rating ?? rating}. See ${factCheck.url}`,
          status: 'APPROVED',
          decidedById: actor.id,
          decidedAt: now,
          evidence: { create: [{ url: factCheck.url, title: factCheck.title ?? factCheck.claimReviewed.slice(0, 500), note: 'earlier fact-check reused' }] },
        },
      });
      await tx.claim.update({ where: { id: claimId }, data: { reusedFactCheckId: factCheck.id, heldForFactCheckId: null } });
      await addPublishedVerdictToLibrary(tx, {
        claimId,
        verdictId: verdict.id,
        urlTemplate: env.CLAIMDESK_PUBLIC_URL_TEMPLATE,
        orgName: env.CLAIMDESK_ORG_NAME,
        orgUrl: env.CLAIMDESK_ORG_URL,
        publishedAt: now,
      });
      await refreshArticleStatus(tx, claim.articleId);
      return { claimId, status: 'PUBLISHED' as const, verdictId: verdict.id, rating, factCheck: { id: factCheck.id, url: factCheck.url } };
    });
    this.matcher.invalidate();
    return result;
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
