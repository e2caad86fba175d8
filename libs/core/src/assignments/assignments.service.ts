import { Injectable } from '@nestjs/common';
import type { Assignment, Claim } from '@prisma/client';
import { ConflictError, ForbiddenError, NotFoundError, PrismaService, type Tx } from '@claimdesk/database';
import type { ClaimAction } from '@claimdesk/workflow';
import { refreshArticleStatus } from '../articles/refresh-article-status';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { applyClaimTransition } from '../claims/apply-claim-transition';
import { RoutingService } from '../routing/routing.service';
import { releaseLoad } from './reviewer-load';

const LIVE = new Set(['OFFERED', 'ACCEPTED']);

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
  ) {}

  async accept(actor: Principal, assignmentId: string): Promise<Assignment> {
    authorize(actor, 'assignment.respond');
    return this.prisma.$transaction(async (tx) => {
      const assignment = await this.ownLive(tx, actor, assignmentId, ['OFFERED']);
      await applyClaimTransition(tx, assignment.claim, 'accept', actor.id, { assignmentId });
      return tx.assignment.update({ where: { id: assignmentId }, data: { status: 'ACCEPTED' } });
    });
  }

  /** A reviewer's inbox: their live assignments, soonest due first. */
  async inbox(actor: Principal) {
    return this.prisma.assignment.findMany({
      where: { reviewerId: actor.id, status: { in: ['OFFERED', 'ACCEPTED'] } },
      orderBy: { dueAt: 'asc' },
      include: { claim: { select: { id: true, articleId: true, text: true, speaker: true, status: true, priority: true } } },
      take: 200,
    });
  }

  /** The claim goes back to the router, which will not offer it to this reviewer again. */
  async decline(actor: Principal, assignmentId: string, reason?: string): Promise<Assignment> {
    authorize(actor, 'assignment.respond');
    const result = await this.prisma.$transaction(async (tx) => {
      const assignment = await this.ownLive(tx, actor, assignmentId, ['OFFERED', 'ACCEPTED']);
      return this.takeBack(tx, assignment, 'decline', 'DECLINED', actor.id, reason ?? null);
    });
    await this.afterRelease(result);
    return result;
  }

  /** The sla job: an assignment whose due time passed is taken back and routed to someone else. */
  async expireIfOverdue(assignmentId: string, now = new Date()): Promise<'expired' | 'not-due' | 'closed'> {
    const result = await this.prisma.$transaction(async (tx) => {
      const assignment = await tx.assignment.findUnique({ where: { id: assignmentId }, include: { claim: true } });
      if (!assignment || !LIVE.has(assignment.status)) return 'closed' as const;
      if (assignment.dueAt > now) return 'not-due' as const;
      return this.takeBack(tx, assignment, 'expire', 'EXPIRED', null, 'due time passed');
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
    reason: string | null,
  ): Promise<Assignment> {
    await applyClaimTransition(tx, assignment.claim, action, actorId, {
      assignmentId: assignment.id,
      reviewerId: assignment.reviewerId,
      reason,
    });
    // Conditional on the status read, so a decline racing an expiry changes the load once.
    const closed = await tx.assignment.updateMany({
      where: { id: assignment.id, status: assignment.status },
      data: { status },
    });
    if (closed.count === 0) throw new ConflictError('assignment changed concurrently', { currentState: null });
    await releaseLoad(tx, assignment.reviewerId);
    await refreshArticleStatus(tx, assignment.claim.articleId);
    return { ...assignment, status };
  }

  private async afterRelease(assignment: Assignment): Promise<void> {
    const claim = await this.prisma.claim.findUnique({
      where: { id: assignment.claimId },
      select: { id: true, version: true, priority: true, status: true },
    });
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
