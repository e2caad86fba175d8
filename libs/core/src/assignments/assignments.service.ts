import { Injectable } from '@nestjs/common';
import type { Assignment, Claim } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { ConflictError, ForbiddenError, NotFoundError, PrismaService, type Tx } from '@claimdesk/database';
import { JobProducer } from '@claimdesk/queue';
import { dueAt, expiryReason, type ClaimAction } from '@claimdesk/workflow';
import { refreshArticleStatus } from '../articles/refresh-article-status';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { applyClaimTransition } from '../claims/apply-claim-transition';
import { RoutingService } from '../routing/routing.service';
import { closeLiveAssignment } from './reviewer-load';

const LIVE = new Set(['OFFERED', 'ACCEPTED']);

/** Which deadline an assignment's dueAt is: the offer's expiry, or the due time of accepted work. */
export function deadlineKind(status: Assignment['status']): 'offer' | 'due' | null {
  return status === 'OFFERED' ? 'offer' : status === 'ACCEPTED' ? 'due' : null;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  /**
   * The reviewer takes the offer: the claim goes IN_REVIEW and the deadline becomes the due time of
   * the claim's priority (CLAIMDESK_SLA_MINUTES), counted from now. A lapsed offer cannot be taken.
   */
  async accept(actor: Principal, assignmentId: string, now = new Date()): Promise<Assignment> {
    authorize(actor, 'assignment.respond');
    const accepted = await this.prisma.$transaction(async (tx) => {
      const assignment = await this.ownLive(tx, actor, assignmentId, ['OFFERED']);
      if (assignment.dueAt <= now) {
        throw new ConflictError(`the offer lapsed at ${assignment.dueAt.toISOString()}`, {
          currentState: assignment.status,
          claimState: assignment.claim.status,
        });
      }
      const due = dueAt(assignment.claim.priority, now, this.config.env.CLAIMDESK_SLA_MINUTES);
      await applyClaimTransition(tx, assignment.claim, 'accept', actor.id, { assignmentId, dueAt: due.toISOString() });
      return tx.assignment.update({ where: { id: assignmentId }, data: { status: 'ACCEPTED', acceptedAt: now, dueAt: due } });
    });
    await this.jobs.enqueue([{ queue: 'sla', data: { assignmentId, dueAt: accepted.dueAt.toISOString() } }]);
    return accepted;
  }

  /**
   * A reviewer's inbox: their live assignments, soonest deadline first, each with the claim, its
   * article, which deadline it is, and the verdict they were asked to revise (if any).
   */
  async inbox(actor: Principal) {
    authorize(actor, 'assignment.respond'); // reviewers only (README); the query is scoped to the caller
    const rows = await this.prisma.assignment.findMany({
      where: { reviewerId: actor.id, status: { in: ['OFFERED', 'ACCEPTED'] } },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      include: {
        claim: {
          select: {
            id: true,
            articleId: true,
            text: true,
            speaker: true,
            topics: true,
            status: true,
            priority: true,
            article: { select: { id: true, title: true, outlet: true, language: true } },
            verdicts: {
              where: { authorId: actor.id, status: 'RETURNED' },
              orderBy: { createdAt: 'desc' },
              take: 1,
              select: { id: true, rating: true, rationale: true, decisionNote: true, updatedAt: true },
            },
          },
        },
      },
      take: 200,
    });
    return rows.map(({ claim: { verdicts, ...claim }, ...a }) => ({
      ...a,
      deadline: deadlineKind(a.status),
      claim,
      returnedVerdict: verdicts[0] ?? null,
    }));
  }

  /** The claim goes back to the router, which will not offer it to this reviewer again. */
  async decline(actor: Principal, assignmentId: string, reason?: string): Promise<Assignment> {
    authorize(actor, 'assignment.respond');
    const result = await this.prisma.$transaction(async (tx) => {
      const assignment = await this.ownLive(tx, actor, assignmentId, ['OFFERED', 'ACCEPTED']);
      return this.takeBack(tx, assignment, 'decline', 'DECLINED', actor.id, { reason: reason ?? null });
    });
    await this.afterRelease(result);
    return result;
  }

  /**
   * The sla job, at an assignment's deadline: an offer not accepted in time, or accepted work not
   * submitted by its due time, is taken back and routed to someone else. The event says which, and
   * names the reviewer's returned verdict if there is one: it stays attached to the claim.
   */
  async expireIfOverdue(
    assignmentId: string,
    now = new Date(),
    expectedDueAt?: Date,
  ): Promise<'expired' | 'not-due' | 'moved' | 'closed'> {
    const result = await this.prisma.$transaction(async (tx) => {
      // Lock the claim first (the order every writer uses: claim, then assignment, then person), so a
      // second sla job, a decline or a verdict racing this one waits, then sees the assignment closed.
      await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE id = (SELECT "claimId" FROM "Assignment" WHERE id = ${assignmentId}::uuid) FOR UPDATE`;
      const assignment = await tx.assignment.findUnique({ where: { id: assignmentId }, include: { claim: true } });
      if (!assignment || !LIVE.has(assignment.status)) return 'closed' as const;
      // The job of an earlier deadline (an offer since accepted, a due time since renewed).
      if (expectedDueAt && assignment.dueAt.getTime() !== expectedDueAt.getTime()) return 'moved' as const;
      if (assignment.dueAt > now) return 'not-due' as const;
      const draft = await tx.verdict.findFirst({
        where: { claimId: assignment.claimId, authorId: assignment.reviewerId, status: 'RETURNED' },
        orderBy: { createdAt: 'desc' },
        select: { id: true },
      });
      return this.takeBack(tx, assignment, 'expire', 'EXPIRED', null, {
        reason: expiryReason(assignment.status as 'OFFERED' | 'ACCEPTED'),
        deadline: deadlineKind(assignment.status),
        dueAt: assignment.dueAt.toISOString(),
        keptVerdictId: draft?.id ?? null,
      });
    });
    if (typeof result === 'string') return result;
    await this.afterRelease(result);
    return 'expired';
  }

  private async takeBack(
    tx: Tx,
    assignment: Assignment & { claim: Claim },
    action: Extract<ClaimAction, 'decline' | 'expire'>,
    status: 'DECLINED' | 'EXPIRED',
    actorId: string | null,
    details: Record<string, string | null>,
  ): Promise<Assignment> {
    await applyClaimTransition(tx, assignment.claim, action, actorId, {
      assignmentId: assignment.id,
      reviewerId: assignment.reviewerId,
      ...details,
    });
    await closeLiveAssignment(tx, assignment, status);
    await refreshArticleStatus(tx, assignment.claim.articleId);
    return { ...assignment, status };
  }

  /** After the commit: best effort (the reconciler is the safety net), never fails the request. */
  private async afterRelease(assignment: Assignment): Promise<void> {
    const claim = await this.prisma.claim
      .findUnique({ where: { id: assignment.claimId }, select: { id: true, version: true, priority: true, status: true } })
      .catch(() => null);
    if (claim?.status === 'PENDING') await this.routing.enqueueRoutes([claim]);
    await this.routing.routeWaitingFor(assignment.reviewerId);
  }

  private async ownLive(
    tx: Tx,
    actor: Principal,
    assignmentId: string,
    allowed: Array<'OFFERED' | 'ACCEPTED'>,
  ): Promise<Assignment & { claim: Claim }> {
    const assignment = await tx.assignment.findUnique({ where: { id: assignmentId }, include: { claim: true } });
    if (!assignment) throw new NotFoundError('assignment', assignmentId);
    if (assignment.reviewerId !== actor.id) throw new ForbiddenError('this assignment belongs to another reviewer');
    if (!(allowed as string[]).includes(assignment.status)) {
      throw new ConflictError(`assignment is ${assignment.status}`, {
        currentState: assignment.status,
        claimState: assignment.claim.status,
      });
    }
    return assignment;
  }
}
