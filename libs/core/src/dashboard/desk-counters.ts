import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimdesk/database';
import { ALL_QUEUES, JobProducer, type QueueName } from '@claimdesk/queue';
import { statusCountsFrom, type ClaimStatus, type StatusCounts } from '@claimdesk/workflow';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueDepths = Record<QueueName, Record<QueueState, number> | null>;

export interface ReviewerLoad {
  id: string;
  openLoad: number;
  capacity: number;
}

/**
 * The desk's numbers that never grow with the claims stored: claims per status from the
 * trigger-kept shard counters (16 rows per status, no COUNT over claims), reviewers' stored
 * openLoad counters, and each queue's job counts from Redis. The dashboard and /metrics read them.
 */
@Injectable()
export class DeskCounters {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
  ) {}

  async claimsByStatus(): Promise<StatusCounts> {
    const rows = await this.prisma.$queryRaw<Array<{ status: ClaimStatus; count: number }>>`
      SELECT status::text AS status, sum(count)::int AS count FROM "DeskClaimCount" GROUP BY status`;
    return statusCountsFrom(rows);
  }

  /** Active reviewers' stored load and capacity (at most 10,000: a desk, not a crowd). */
  reviewerLoads(): Promise<ReviewerLoad[]> {
    return this.prisma.person.findMany({
      where: { role: 'REVIEWER', active: true },
      select: { id: true, openLoad: true, capacity: true },
      orderBy: { id: 'asc' },
      take: 10_000,
    });
  }

  /** Jobs per state per queue; null for a queue Redis did not answer for. `waiting` includes prioritized jobs. */
  async queueDepths(): Promise<QueueDepths> {
    const entries = await Promise.all(
      ALL_QUEUES.map(async (name) => {
        try {
          const c = await this.jobs.queue(name).getJobCounts(...QUEUE_STATES, 'prioritized', 'waiting-children');
          const depth = Object.fromEntries(QUEUE_STATES.map((s) => [s, c[s] ?? 0])) as Record<QueueState, number>;
          depth.waiting += (c.prioritized ?? 0) + (c['waiting-children'] ?? 0);
          return [name, depth] as const;
        } catch {
          return [name, null] as const;
        }
      }),
    );
    return Object.fromEntries(entries) as QueueDepths;
  }
}
