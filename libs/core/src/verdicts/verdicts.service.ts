import { Injectable } from '@nestjs/common';
import type { Verdict } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { JobProducer } from '@claimdesk/queue';
import { dueAt } from '@claimdesk/workflow';
import { ConflictError, ForbiddenError, NotFoundError, PrismaService, ValidationError, type Tx } from '@claimdesk/database';
import { refreshArticleStatus } from '../articles/refresh-article-status';
import { chargeLoad, releaseLoad } from '../assignments/reviewer-load';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { applyClaimTransition } from '../claims/apply-claim-transition';
import { addPublishedVerdictToLibrary } from '../fact-checks/desk-fact-check';
import { RoutingService } from '../routing/routing.service';
import type { VerdictInput } from './verdict-input';

export type VerdictView = Verdict & { evidence: Array<{ url: string; title: string | null; note: string | null }> };

/** One rating of the desk's scale; `value` is ClaimReview's numeric rating (null: not on the numeric scale). */
export interface RatingView {
  id: string;
  label: string;
  ordinal: number;
  value: number | null;
}

@Injectable()
export class VerdictsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  /** The desk's rating scale in its order: what a verdict's `rating` may be. */
  async ratingScale(actor: Principal): Promise<RatingView[]> {
    authorize(actor, 'article.read');
    return this.prisma.ratingScale.findMany({ orderBy: { ordinal: 'asc' }, select: { id: true, label: true, ordinal: true, value: true } });
  }

  /** Only the reviewer holding the claim's accepted assignment may submit; it frees their capacity. */
  async submit(actor: Principal, claimId: string, input: VerdictInput): Promise<VerdictView> {
    authorize(actor, 'verdict.submit');
    const verdict = await this.prisma.$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: claimId } });
      if (!claim) throw new NotFoundError('claim', claimId);
      const assignment = await tx.assignment.findFirst({
        where: { claimId, status: { in: ['OFFERED', 'ACCEPTED'] } },
      });
      if (!assignment || assignment.reviewerId !== actor.id) {
        throw new ForbiddenError('only the reviewer assigned to this claim may submit a verdict');
      }
      await this.assertRating(tx, input.rating);
      await applyClaimTransition(tx, claim, 'submit', actor.id, { rating: input.rating });
      await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'COMPLETED' } });
      await releaseLoad(tx, actor.id, assignment.cost);
      return tx.verdict.create({
        data: {
          claimId,
          authorId: actor.id,
          rating: input.rating,
          rationale: input.rationale,
          confidence: input.confidence ?? null,
          evidence: { create: input.sources.map((s) => ({ url: s.url, title: s.title ?? null, note: s.note ?? null })) },
        },
        include: { evidence: { select: { url: true, title: true, note: true } } },
      });
    });
    await this.routing.routeWaitingFor(actor.id);
    return verdict;
  }

  /** Four-eyes: an editor who is not the verdict's author publishes it. */
  async approve(actor: Principal, verdictId: string): Promise<VerdictView> {
    authorize(actor, 'verdict.decide');
    return this.prisma.$transaction(async (tx) => {
      const verdict = await this.decidable(tx, actor, verdictId);
      await applyClaimTransition(tx, verdict.claim, 'approve', actor.id, { verdictId, rating: verdict.rating });
      const decidedAt = new Date();
      const updated = await tx.verdict.update({
        where: { id: verdictId },
        data: { status: 'APPROVED', decidedById: actor.id, decidedAt },
        include: { evidence: { select: { url: true, title: true, note: true } } },
      });
      const env = this.config.env;
      await addPublishedVerdictToLibrary(tx, {
        claimId: verdict.claimId,
        verdictId,
        urlTemplate: env.CLAIMDESK_PUBLIC_URL_TEMPLATE,
        orgName: env.CLAIMDESK_ORG_NAME,
        orgUrl: env.CLAIMDESK_ORG_URL,
        publishedAt: decidedAt,
      });
      await refreshArticleStatus(tx, verdict.claim.articleId);
      return updated;
    });
  }

  /**
   * Sent back to the same reviewer, with the editor's note: their assignment is live again with a
   * fresh due time, and the claim counts on their load again (even above capacity: it is theirs).
   */
  async return(actor: Principal, verdictId: string, note: string, now = new Date()): Promise<VerdictView> {
    authorize(actor, 'verdict.decide');
    let reopened: { id: string; dueAt: Date } | null = null;
    const result = await this.prisma.$transaction(async (tx) => {
      const verdict = await this.decidable(tx, actor, verdictId);
      const due = dueAt(verdict.claim.priority, now, this.config.env.CLAIMDESK_SLA_MINUTES);
      await applyClaimTransition(tx, verdict.claim, 'return', actor.id, { verdictId, note, dueAt: due.toISOString() });
      const assignment = await tx.assignment.findFirst({
        where: { claimId: verdict.claimId, reviewerId: verdict.authorId, status: 'COMPLETED' },
        orderBy: { updatedAt: 'desc' },
      });
      if (assignment) {
        await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'ACCEPTED', dueAt: due } });
        reopened = { id: assignment.id, dueAt: due };
      }
      await chargeLoad(tx, verdict.authorId, assignment?.cost ?? 1);
      return tx.verdict.update({
        where: { id: verdictId },
        data: { status: 'RETURNED', decidedById: actor.id, decisionNote: note, decidedAt: now },
        include: { evidence: { select: { url: true, title: true, note: true } } },
      });
    });
    const live = reopened as { id: string; dueAt: Date } | null;
    if (live) await this.jobs.enqueue([{ queue: 'sla', data: { assignmentId: live.id, dueAt: live.dueAt.toISOString() } }]);
    return result;
  }

  private async decidable(tx: Tx, actor: Principal, verdictId: string) {
    const verdict = await tx.verdict.findUnique({ where: { id: verdictId }, include: { claim: true } });
    if (!verdict) throw new NotFoundError('verdict', verdictId);
    if (verdict.authorId === actor.id) throw new ForbiddenError('a verdict is decided by someone other than its author');
    if (verdict.status !== 'SUBMITTED') {
      throw new ConflictError(`verdict is ${verdict.status}`, { currentState: verdict.status, claimState: verdict.claim.status });
    }
    return verdict;
  }

  private async assertRating(tx: Tx, rating: string): Promise<void> {
    const row = await tx.ratingScale.findUnique({ where: { id: rating } });
    if (!row) {
      const scale = await tx.ratingScale.findMany({ orderBy: { ordinal: 'asc' }, select: { id: true } });
      throw new ValidationError([{ field: 'rating', message: `must be one of ${scale.map((r) => r.id).join(', ')}` }]);
    }
  }
}
