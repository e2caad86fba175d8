import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Assignment, Claim, Priority } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { ConflictError, NotFoundError, PrismaService, strictWhere, type Tx } from '@claimdesk/database';
import { JobProducer } from '@claimdesk/queue';
import { ineligibility, offerExpiresAt, type ClaimAction } from '@claimdesk/workflow';
import { refreshArticleStatus } from '../articles/refresh-article-status';
import { chargeLoad, closeLiveAssignment } from '../assignments/reviewer-load';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { recordEvent } from '../events/record-event';
import { loadRoutableClaim, toCandidate } from '../routing/routable-claim';
import { RoutingService } from '../routing/routing.service';
import { applyClaimTransition } from './apply-claim-transition';

export interface ClaimCommandResult {
  claim: Claim;
  /** The live assignment after the command (a new offer on assign/reassign), else null. */
  assignment: Assignment | null;
}

type Work = { sla?: Assignment; route?: Claim; freed?: string };

/**
 * An editor's overrides of the router (DESIGN.md "Claim states"): promote, dismiss, restore, assign
 * to a named reviewer, reassign, unassign back to the router, set priority. Each is one transaction:
 * the transition through the state machine (one event), the assignment rows, and the reviewers'
 * capacity units, so openLoad always equals the units of their live assignments. Queue work (the new
 * offer's deadline, routing the claim, routing waiting claims to a freed reviewer) follows the commit.
 */
@Injectable()
export class ClaimCommandsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: RoutingService,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  promote(actor: Principal, claimId: string): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.triage');
    return this.run(claimId, async (tx, claim) => {
      await applyClaimTransition(tx, claim, 'promote', actor.id);
      return { route: claim };
    });
  }

  /** A claim a reviewer holds (offered, not yet accepted) is withdrawn from them on the way. */
  dismiss(actor: Principal, claimId: string, note?: string): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.triage');
    return this.run(claimId, async (tx, claim) => {
      const live = await liveAssignment(tx, claimId);
      await applyClaimTransition(tx, claim, 'dismiss', actor.id, {
        note: note ?? null,
        assignmentId: live?.id ?? null,
        reviewerId: live?.reviewerId ?? null,
      });
      if (live) await closeLiveAssignment(tx, live, 'WITHDRAWN');
      return { freed: live?.reviewerId };
    });
  }

  restore(actor: Principal, claimId: string): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.triage');
    return this.run(claimId, async (tx, claim) => {
      await applyClaimTransition(tx, claim, 'restore', actor.id);
      return {};
    });
  }

  /**
   * Offers a PENDING claim to the reviewer the editor names. Every routing rule applies and a
   * refusal says which failed; `force` waives the capacity rule, and only that one.
   */
  assign(actor: Principal, claimId: string, reviewerId: string, force = false): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.assign');
    return this.run(claimId, async (tx, claim) => {
      const sla = await this.offer(tx, actor, claim, 'assign', reviewerId, force, null);
      return { sla };
    });
  }

  /** Moves a held claim (offered or in review) from its reviewer to the one named, as a new offer. */
  reassign(actor: Principal, claimId: string, reviewerId: string, force = false): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.assign');
    return this.run(claimId, async (tx, claim) => {
      const live = await liveAssignment(tx, claimId);
      if (live?.reviewerId === reviewerId) {
        throw new ConflictError('the claim is already with this reviewer', { currentState: claim.status, reviewerId });
      }
      const sla = await this.offer(tx, actor, claim, 'reassign', reviewerId, force, live);
      return { sla, freed: live?.reviewerId };
    });
  }

  /** Takes a held claim back from its reviewer and hands it to the router. */
  unassign(actor: Principal, claimId: string, note?: string): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.assign');
    return this.run(claimId, async (tx, claim) => {
      const live = await liveAssignment(tx, claimId);
      await applyClaimTransition(tx, claim, 'unassign', actor.id, {
        note: note ?? null,
        assignmentId: live?.id ?? null,
        reviewerId: live?.reviewerId ?? null,
      });
      if (live) await closeLiveAssignment(tx, live, 'WITHDRAWN');
      return { route: claim, freed: live?.reviewerId };
    });
  }

  /**
   * The claim's own priority, overriding its article's. Not a status change, so not in the state
   * machine, but versioned and logged the same way. A waiting claim is re-queued at its new priority;
   * held work keeps the units it was charged (capacity is released exactly as charged).
   */
  setPriority(actor: Principal, claimId: string, priority: Priority): Promise<ClaimCommandResult> {
    authorize(actor, 'claim.triage');
    return this.run(claimId, async (tx, claim) => {
      if (claim.priority === priority) return {};
      const updated = await tx.claim.updateMany({
        where: strictWhere({ id: claim.id, version: claim.version }),
        data: { priority, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw new ConflictError(`claim ${claim.id} was changed by someone else`, { currentState: claim.status });
      }
      await recordEvent(tx, {
        type: 'claim.reprioritised',
        articleId: claim.articleId,
        claimId: claim.id,
        actorId: actor.id,
        payload: { from: claim.priority, to: priority, status: claim.status },
      });
      return claim.status === 'PENDING' ? { route: claim } : {};
    });
  }

  /** Checks the reviewer by the routing rules, charges them and writes the OFFERED assignment. */
  private async offer(
    tx: Tx,
    actor: Principal,
    claim: Claim,
    action: Extract<ClaimAction, 'assign' | 'reassign'>,
    reviewerId: string,
    force: boolean,
    previous: Assignment | null,
  ): Promise<Assignment> {
    const [routable, person] = await Promise.all([
      loadRoutableClaim(tx, claim.id),
      tx.person.findUnique({ where: { id: reviewerId } }),
    ]);
    if (!person) throw new NotFoundError('person', reviewerId);
    const now = new Date();
    const why = ineligibility(routable!, toCandidate(person), now, { overCapacity: force });
    if (why.length > 0) {
      throw new ConflictError(`${person.name} cannot take this claim: ${why.join('; ')}`, {
        currentState: claim.status,
        reviewerId,
        reasons: why,
        ...(why.some((w) => w.startsWith('no capacity')) ? { hint: 'assign with force to exceed capacity' } : {}),
      });
    }
    const cost = routable!.cost;
    const overCapacity = person.openLoad + cost > person.capacity;
    const reason = `assigned by ${actor.name}${overCapacity ? ', over capacity' : ''}; load ${person.openLoad}/${person.capacity}`;
    const id = randomUUID();
    const due = offerExpiresAt(now, this.config.env.CLAIMDESK_OFFER_TIMEOUT_MINUTES);
    await applyClaimTransition(tx, claim, action, actor.id, {
      assignmentId: id,
      reviewerId,
      reason,
      cost,
      forced: force,
      previousAssignmentId: previous?.id ?? null,
      previousReviewerId: previous?.reviewerId ?? null,
    });
    if (previous) await closeLiveAssignment(tx, previous, 'REASSIGNED');
    // Conditional on capacity unless forced: the load read above may be stale under the router.
    if (!(await chargeLoad(tx, reviewerId, cost, !force))) {
      throw new ConflictError(`${person.name} has no capacity left (it changed meanwhile)`, {
        currentState: claim.status,
        reviewerId,
        hint: 'assign with force to exceed capacity',
      });
    }
    return tx.assignment.create({
      data: { id, claimId: claim.id, reviewerId, assignedById: actor.id, reason, status: 'OFFERED', cost, dueAt: due },
    });
  }

  private async run(claimId: string, body: (tx: Tx, claim: Claim) => Promise<Work>): Promise<ClaimCommandResult> {
    const { work, claim, assignment } = await this.prisma.$transaction(async (tx) => {
      const before = await tx.claim.findUnique({ where: { id: claimId } });
      if (!before) throw new NotFoundError('claim', claimId);
      const done = await body(tx, before);
      await refreshArticleStatus(tx, before.articleId);
      const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
      return { work: done, claim: after, assignment: await liveAssignment(tx, claimId) };
    });
    if (work.sla) {
      await this.jobs.enqueue([{ queue: 'sla', data: { assignmentId: work.sla.id, dueAt: work.sla.dueAt.toISOString() } }]);
    }
    if (work.route && claim.status === 'PENDING') await this.routing.enqueueRoutes([claim]);
    if (work.freed) await this.routing.routeWaitingFor(work.freed);
    return { claim, assignment };
  }
}

function liveAssignment(tx: Tx, claimId: string): Promise<Assignment | null> {
  return tx.assignment.findFirst({ where: { claimId, status: { in: ['OFFERED', 'ACCEPTED'] } } });
}
