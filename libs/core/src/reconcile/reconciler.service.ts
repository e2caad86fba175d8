import { Injectable, Logger } from '@nestjs/common';
import { Prisma, type Priority } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PrismaService } from '@claimdesk/database';
import { JobProducer, type JobRequest } from '@claimdesk/queue';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher.service';

const BATCH = 500;
const GRACE_MS = 5_000;
// A webhook job may sit in BullMQ's delayed set for hours between retries: re-adding it under its id
// is a no-op then, so a pass only looks at deliveries no pass has looked at in the last two.

export interface ReconcileReport {
  extract: number;
  route: number;
  sla: number;
  /** Stale job records (completed, failed, orphaned, without data) removed and added again. */
  replaced: number;
  webhook: number;
}

/**
 * Postgres is the truth and Redis only carries work: whatever Postgres says is due is enqueued again.
 * Job ids are business keys, so work that is already queued is not duplicated; but a record with the
 * id is not taken as proof that the work is queued: JobProducer.ensureQueued checks its state and
 * replaces a completed, failed, orphaned or data-less record (a partial key loss leaves those, and
 * each would block its id for good). Each query uses a partial or leading index and a batch limit,
 * so a pass stays cheap on a big desk.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
    private readonly webhooks: WebhookDispatcher,
    private readonly config: AppConfig,
  ) {}

  async reconcile(now = new Date()): Promise<ReconcileReport> {
    // A grace period keeps the reconciler out of the way of the request that is enqueuing right now.
    const settled = new Date(now.getTime() - GRACE_MS);
    const [articles, claims, overdue] = await Promise.all([
      this.prisma.article.findMany({
        where: { status: { in: ['INGESTED', 'EXTRACTING'] }, updatedAt: { lt: settled } },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
        take: BATCH,
      }),
      this.prisma.$queryRaw<Array<{ id: string; version: number; priority: Priority }>>(Prisma.sql`
        SELECT id::text AS id, version, priority::text AS priority FROM "Claim"
        WHERE status = 'PENDING' AND "heldForFactCheckId" IS NULL AND "updatedAt" < ${settled}
        ORDER BY priority DESC, "createdAt" LIMIT ${BATCH}`),
      this.prisma.assignment.findMany({
        where: { status: { in: ['OFFERED', 'ACCEPTED'] }, dueAt: { lte: now } },
        select: { id: true, dueAt: true },
        orderBy: { dueAt: 'asc' },
        take: BATCH,
      }),
    ]);
    const jobs: JobRequest[] = [
      ...articles.map((a) => ({ queue: 'extract' as const, data: { articleId: a.id } })),
      ...claims.map((c) => ({ queue: 'route' as const, data: { claimId: c.id, version: c.version, priority: c.priority } })),
      ...overdue.map((a) => ({ queue: 'sla' as const, data: { assignmentId: a.id, dueAt: a.dueAt.toISOString() } })),
    ];
    const found = await this.jobs.ensureQueued(jobs);
    const webhook = (await this.webhooks.dispatchNew()) + (await this.webhooks.redispatchStale(new Date(now.getTime() - 2_000 * this.config.env.CLAIMDESK_RECONCILE_SECONDS)));
    const report = { extract: articles.length, route: claims.length, sla: overdue.length, replaced: found.stale, webhook };
    if (found.absent + found.stale + webhook > 0) this.logger.log(`reconcile: ${JSON.stringify({ ...report, added: found.absent })}`);
    return report;
  }
}
