import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimdesk/database';
import type { StatusCounts } from '@claimdesk/workflow';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { LiveUpdates } from '../live/live-updates.service';
import { DeskCounters } from './desk-counters';

export interface DashboardView {
  /** The desk's revision, an integer like an article status's (the ETag is `"desk.<revision>"`). */
  revision: number;
  claims: { total: number; byStatus: StatusCounts };
  reviewers: Array<{ id: string; name: string; openLoad: number; capacity: number; active: boolean }>;
  overdue: number;
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number }>;
  /** Median minutes from an article's ingestion to a published verdict on it, over the last 24 hours. */
  medianMinutesToPublished24h: number | null;
  publishedLast24h: number;
  at: string;
}

/**
 * The desk overview. Nothing here grows with the number of stored claims: claim counts are the
 * trigger-kept shard counters, loads are the reviewers' stored counters, overdue counts live
 * assignments through the (status, dueAt) index, the median reads the last 24 hours of
 * `claim.published` events through the (type, at) index.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly counters: DeskCounters,
    private readonly live: LiveUpdates,
  ) {}

  /** The dashboard's ETag value; answered from memory while the API listens to Postgres. */
  async revision(actor: Principal): Promise<number> {
    authorize(actor, 'article.read');
    return Number(await this.live.deskRevision());
  }

  async overview(actor: Principal): Promise<DashboardView> {
    authorize(actor, 'article.read');
    const revision = Number(await this.live.deskRevision());
    const [byStatus, reviewers, overdue, median, queues] = await Promise.all([
      this.counters.claimsByStatus(),
      this.prisma.person.findMany({
        where: { role: 'REVIEWER' },
        select: { id: true, name: true, openLoad: true, capacity: true, active: true },
        orderBy: { name: 'asc' },
        take: 1000,
      }),
      this.prisma.assignment.count({ where: { status: { in: ['OFFERED', 'ACCEPTED'] }, dueAt: { lt: new Date() } } }),
      this.prisma.$queryRaw<Array<{ median: number | null; n: number }>>`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - a."createdAt") / 60)::float8 AS median,
               count(*)::int AS n
        FROM "Event" e JOIN "Article" a ON a.id = e."articleId"
        WHERE e.type = 'claim.published' AND e.at > now() - interval '24 hours'`,
      this.queueDepths(),
    ]);
    return {
      revision,
      claims: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
      reviewers,
      overdue,
      queues,
      medianMinutesToPublished24h: median[0]?.median === null || median[0]?.median === undefined ? null : Math.round(median[0].median * 100) / 100,
      publishedLast24h: median[0]?.n ?? 0,
      at: new Date().toISOString(),
    };
  }

  private async queueDepths(): Promise<DashboardView['queues']> {
    const depths = await this.counters.queueDepths();
    const missing = { waiting: -1, active: -1, delayed: -1, failed: -1 };
    return Object.fromEntries(
      Object.entries(depths).map(([name, d]) => [name, d ? { waiting: d.waiting, active: d.active, delayed: d.delayed, failed: d.failed } : missing]),
    );
  }
}
