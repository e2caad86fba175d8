import { Injectable } from '@nestjs/common';
import { PrismaService, ValidationError } from '@claimdesk/database';
import { articleProgress, statusCountsFrom, type ClaimStatus, type StatusCounts } from '@claimdesk/workflow';
import { Prisma } from '@prisma/client';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { LiveUpdates } from '../live/live-updates.service';
import { DeskCounters } from './desk-counters';

export interface DashboardView {
  /** The desk's revision, an integer like an article status's (the ETag is `"desk.<revision>"`). */
  revision: number;
  claims: { total: number; byStatus: StatusCounts };
  reviewers: Array<{
    id: string;
    name: string;
    openLoad: number;
    capacity: number;
    active: boolean;
    availableFrom: string | null;
    availableUntil: string | null;
    /** Outside their availability window right now (out of office): the router skips them. */
    away: boolean;
  }>;
  overdue: number;
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number }>;
  /** Median minutes from an article's ingestion to a published verdict on it, over the last 24 hours. */
  medianMinutesToPublished24h: number | null;
  publishedLast24h: number;
  /** Claims published per clock hour over the last 24 hours, oldest first; the last entry is the current hour. */
  publishedByHour24h: number[];
  at: string;
}

export const STORIES_DEFAULT_LIMIT = 200;
export const STORIES_MAX_LIMIT = 500;

/** A story in flight as the desk board shows it: progress is the share of its workflow claims done. */
export interface DeskStory {
  id: string;
  title: string;
  outlet: string | null;
  priority: string;
  status: string;
  revision: number;
  progress: number;
  claims: { total: number; byStatus: StatusCounts };
  createdAt: string;
  updatedAt: string;
}

/** 24 hourly counts, oldest first, from (index: 0 = 23 hours ago ... 23 = this hour, count) rows; missing hours are 0. */
export function hourlySeries(rows: Array<{ hour: number; n: number }>): number[] {
  const series = new Array<number>(24).fill(0);
  for (const { hour, n } of rows) if (hour >= 0 && hour < 24) series[hour] += n;
  return series;
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
    const [byStatus, reviewers, overdue, median, queues, hourly] = await Promise.all([
      this.counters.claimsByStatus(),
      this.prisma.person.findMany({
        where: { role: 'REVIEWER' },
        select: { id: true, name: true, openLoad: true, capacity: true, active: true, availableFrom: true, availableUntil: true },
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
      this.prisma.$queryRaw<Array<{ hour: number; n: number }>>`
        SELECT (23 - floor(extract(epoch FROM date_trunc('hour', now()) - date_trunc('hour', e.at)) / 3600))::int AS hour, count(*)::int AS n
        FROM "Event" e
        WHERE e.type = 'claim.published' AND e.at >= date_trunc('hour', now()) - interval '23 hours'
        GROUP BY 1`,
    ]);
    const now = new Date();
    return {
      revision,
      claims: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
      reviewers: reviewers.map((r) => ({
        ...r,
        availableFrom: r.availableFrom?.toISOString() ?? null,
        availableUntil: r.availableUntil?.toISOString() ?? null,
        away: (r.availableFrom !== null && r.availableFrom > now) || (r.availableUntil !== null && r.availableUntil <= now),
      })),
      overdue,
      queues,
      medianMinutesToPublished24h: median[0]?.median === null || median[0]?.median === undefined ? null : Math.round(median[0].median * 100) / 100,
      publishedLast24h: median[0]?.n ?? 0,
      publishedByHour24h: hourlySeries(hourly),
      at: now.toISOString(),
    };
  }

  /**
   * Stories in flight (ingested, extracting or in review), newest first, each with its progress and
   * claims per status from the trigger-kept counters: one statement, no claim rows read.
   */
  async stories(actor: Principal, limit = STORIES_DEFAULT_LIMIT): Promise<DeskStory[]> {
    authorize(actor, 'article.read');
    if (!Number.isInteger(limit) || limit < 1 || limit > STORIES_MAX_LIMIT) {
      throw new ValidationError([{ field: 'limit', message: `must be an integer from 1 to ${STORIES_MAX_LIMIT}` }]);
    }
    const rows = await this.prisma.$queryRaw<
      Array<{ id: string; title: string; outlet: string | null; priority: string; status: string; revision: number; createdAt: Date; updatedAt: Date; claims: Record<string, number> | null }>
    >(Prisma.sql`
      SELECT a.id::text AS id, a.title, a.outlet, a.priority::text AS priority, a.status::text AS status, a.revision, a."createdAt", a."updatedAt",
        (SELECT json_object_agg(c.status, c.count) FROM "ArticleClaimCount" c WHERE c."articleId" = a.id AND c.count > 0) AS claims
      FROM "Article" a
      WHERE a.status IN ('INGESTED', 'EXTRACTING', 'IN_REVIEW')
      ORDER BY a."createdAt" DESC, a.id DESC
      LIMIT ${limit}`);
    return rows.map((row) => {
      const byStatus = statusCountsFrom(Object.entries(row.claims ?? {}).map(([status, count]) => ({ status: status as ClaimStatus, count })));
      const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
      return {
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        priority: row.priority,
        status: row.status,
        revision: row.revision,
        progress: total === 0 ? 0 : articleProgress(byStatus),
        claims: { total, byStatus },
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    });
  }

  private async queueDepths(): Promise<DashboardView['queues']> {
    const depths = await this.counters.queueDepths();
    const missing = { waiting: -1, active: -1, delayed: -1, failed: -1 };
    return Object.fromEntries(
      Object.entries(depths).map(([name, d]) => [name, d ? { waiting: d.waiting, active: d.active, delayed: d.delayed, failed: d.failed } : missing]),
    );
  }
}
