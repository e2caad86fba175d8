import { Injectable } from '@nestjs/common';
import { Prisma, type Priority } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PrismaService } from '@claimdesk/database';
import { JobProducer, type JobRequest } from '@claimdesk/queue';
import { fromStatesFor } from '@claimdesk/workflow';
import { CLAIM_COST } from '../assignments/reviewer-load';
import { routeClaimSql, type RouteClaimRow } from './route-claim.sql';

export type RouteOutcome =
  | { kind: 'assigned'; assignmentId: string; reviewerId: string; reason: string; dueAt: Date }
  | { kind: 'waiting' }
  | { kind: 'not-routable' };


@Injectable()
export class RoutingService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async route(claimId: string): Promise<RouteOutcome> {
    const [row] = await this.prisma.$queryRaw<RouteClaimRow[]>(
      routeClaimSql({
        claimId,
        fromStatuses: fromStatesFor('route'),
        cost: CLAIM_COST,
        slaMinutes: this.config.env.CLAIMDESK_SLA_MINUTES,
      }),
    );
    if (!row?.claimFound) return { kind: 'not-routable' };
    if (!row.assignmentId) return { kind: 'waiting' };
    await this.jobs.enqueue([
      { queue: 'sla', data: { assignmentId: row.assignmentId, dueAt: row.dueAt!.toISOString() } },
    ]);
    return {
      kind: 'assigned',
      assignmentId: row.assignmentId,
      reviewerId: row.reviewerId!,
      reason: row.reason!,
      dueAt: row.dueAt!,
    };
  }

  /**
   * Capacity appeared for a reviewer (a verdict, a decline, an expiry): enqueue route jobs for as
   * many waiting claims in their languages as they have free slots, oldest of the highest priority
   * first. The route job itself still decides atomically, so enqueuing too many is harmless.
   */
  async routeWaitingFor(reviewerId: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string; version: number; priority: Priority }>>(Prisma.sql`
      SELECT c.id::text AS id, c.version, c.priority::text AS priority
      FROM "Person" p, "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE p.id = ${reviewerId}::uuid AND c.status = 'PENDING' AND a.language = ANY(p.languages)
      ORDER BY c.priority DESC, c."createdAt"
      LIMIT (SELECT GREATEST(capacity - "openLoad", 0) FROM "Person" WHERE id = ${reviewerId}::uuid)`);
    return this.enqueueRoutes(rows);
  }

  enqueueRoutes(claims: Array<{ id: string; version: number; priority: Priority }>): Promise<number> {
    const jobs: JobRequest[] = claims.map((c) => ({
      queue: 'route',
      data: { claimId: c.id, version: c.version, priority: c.priority },
    }));
    return this.jobs.enqueue(jobs);
  }
}
