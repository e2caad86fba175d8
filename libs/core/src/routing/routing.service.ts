import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { Prisma, type Priority } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PreparedStatements, PrismaService } from '@claimdesk/database';
import { JobProducer, type JobRequest } from '@claimdesk/queue';
import { fromStatesFor } from '@claimdesk/workflow';
import { routeClaimSql, type RouteClaimRow } from './route-claim.sql';

export type RouteOutcome =
  | { kind: 'assigned'; assignmentId: string; reviewerId: string; reason: string; dueAt: Date; cost: number }
  | { kind: 'waiting' }
  | { kind: 'not-routable' };

// Eligible reviewers can all be locked for a moment by routers assigning other claims (SKIP LOCKED):
// the claim is not "waiting" then, it lost a race of a millisecond, so the statement runs again.
const CONTENDED_RETRIES = 6;

export interface WaitingClaim {
  id: string;
  version: number;
  priority: Priority;
}

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  constructor(
    private readonly prisma: PrismaService,
    private readonly statements: PreparedStatements,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async route(claimId: string, options: { now?: Date } = {}): Promise<RouteOutcome> {
    for (let attempt = 0; ; attempt++) {
      const [row] = await this.statements.query<RouteClaimRow>(
        'claimdesk_route_claim',
        routeClaimSql({
          claimId,
          fromStatuses: fromStatesFor('route'),
          offerMinutes: this.config.env.CLAIMDESK_OFFER_TIMEOUT_MINUTES,
          now: options.now ?? null,
          // Strict (best tier only) while retrying; the last attempt takes any eligible reviewer
          // rather than leave a claim waiting that someone has room for.
          strict: attempt < CONTENDED_RETRIES,
        }),
      );
      if (!row?.claimFound) return { kind: 'not-routable' };
      if (row.assignmentId) {
        await this.jobs.enqueue([
          { queue: 'sla', data: { assignmentId: row.assignmentId, dueAt: row.dueAt!.toISOString() } },
        ]);
        return {
          kind: 'assigned',
          assignmentId: row.assignmentId,
          reviewerId: row.reviewerId!,
          reason: row.reason!,
          dueAt: row.dueAt!,
          cost: row.cost!,
        };
      }
      if (!row.eligible || attempt >= CONTENDED_RETRIES) return { kind: 'waiting' };
      // The best reviewers were all taken for a moment by other routers: a fresh snapshot decides.
      await sleep(2 + Math.random() * 10 * (attempt + 1));
    }
  }

  /**
   * Capacity appeared for a reviewer (a verdict, a decline, an expiry, a reviewer who is new, back
   * or given more capacity): enqueue route jobs for as many waiting claims in their languages as
   * they have free units, by (priority, waiting since). The route job still decides atomically and
   * by the whole policy, so enqueuing more than fits is harmless; claims this reviewer declined or
   * let expire are left out, since they would only take the reviewer's turn.
   */
  async routeWaitingFor(reviewerId: string): Promise<number> {
    // A nudge after a commit, never a reason to fail the request that committed: the reconciler
    // finds whatever this misses.
    try {
      return await this.enqueueWaitingFor(reviewerId);
    } catch (error) {
      this.logger.warn(`could not look up waiting claims for ${reviewerId}, the reconciler will: ${String(error)}`);
      return 0;
    }
  }

  private async enqueueWaitingFor(reviewerId: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<WaitingClaim[]>(Prisma.sql`
      SELECT c.id::text AS id, c.version, c.priority::text AS priority
      FROM "Person" p, "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE p.id = ${reviewerId}::uuid AND p.role = 'REVIEWER' AND p.active AND c.status = 'PENDING'
        AND c."heldForFactCheckId" IS NULL
        AND EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE lower(btrim(l)) = lower(btrim(a.language)))
        AND NOT EXISTS (SELECT 1 FROM "Assignment" x WHERE x."claimId" = c.id AND x."reviewerId" = p.id
                        AND x.status IN ('DECLINED', 'EXPIRED'))
      ORDER BY c.priority DESC, c."createdAt"
      LIMIT (SELECT GREATEST(capacity - "openLoad", 0) FROM "Person" WHERE id = ${reviewerId}::uuid)`);
    return this.enqueueRoutes(rows);
  }

  enqueueRoutes(claims: WaitingClaim[]): Promise<number> {
    const jobs: JobRequest[] = claims.map((c) => ({
      queue: 'route',
      data: { claimId: c.id, version: c.version, priority: c.priority },
    }));
    return this.jobs.enqueue(jobs);
  }

  /** A reviewer whose availability window opens later: look for work for them at that moment. */
  scheduleReviewerReturn(reviewerId: string, at: Date): Promise<number> {
    return this.jobs.enqueue([{ queue: 'route', data: { reviewerId, at: at.toISOString() } }]);
  }
}
