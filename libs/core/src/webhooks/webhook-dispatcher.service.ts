import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService, strictWhere } from '@claimdesk/database';
import { JobProducer, QueueName, webhookJobId, type WebhookDeliveryJob } from '@claimdesk/queue';

export const WEBHOOK_DISPATCH_BATCH = 500;
const BATCH = WEBHOOK_DISPATCH_BATCH;

type Claimed = WebhookDeliveryJob & { eventId: bigint };

/**
 * Hands deliveries to the `webhook` queue. Delivery rows are written by a trigger in the event's own
 * transaction (migration 20261203200000), so Postgres holds every delivery that is due whatever
 * Redis holds; this only moves them to the queue, in event order:
 * - dispatchNew(): pending deliveries of active subscriptions not yet queued (the worker polls it);
 * - redispatchStale(): those queued a while ago and still pending (the reconciler's pass): the job is
 *   added again under the same id, a no-op while BullMQ still holds it, and a new job after Redis
 *   lost it. A job BullMQ has finished with (failed after stalling) is removed first, or its id
 *   would block the delivery for as long as failed jobs are kept.
 * The processor reads the row before sending, so a job that finds its delivery settled does nothing.
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobProducer,
  ) {}

  async dispatchNew(): Promise<number> {
    const claimed = await this.prisma.$queryRaw<Claimed[]>(Prisma.sql`
      UPDATE "WebhookDelivery" d SET "queuedAt" = now()
      WHERE d.id IN (
        SELECT p.id FROM "WebhookDelivery" p JOIN "Webhook" w ON w.id = p."webhookId" AND w.active
        WHERE p.status = 'PENDING' AND p."queuedAt" IS NULL
        ORDER BY p."eventId" LIMIT ${BATCH} FOR UPDATE OF p SKIP LOCKED)
      RETURNING d.id::text AS "deliveryId", d.generation, d."eventId"`);
    return this.enqueue(claimed);
  }

  async redispatchStale(olderThan: Date): Promise<number> {
    const stale = await this.prisma.$queryRaw<Claimed[]>(Prisma.sql`
      UPDATE "WebhookDelivery" d SET "queuedAt" = now()
      WHERE d.id IN (
        SELECT p.id FROM "WebhookDelivery" p JOIN "Webhook" w ON w.id = p."webhookId" AND w.active
        WHERE p.status = 'PENDING' AND p."queuedAt" < ${olderThan}
        ORDER BY p."queuedAt" LIMIT ${BATCH} FOR UPDATE OF p SKIP LOCKED)
      RETURNING d.id::text AS "deliveryId", d.generation, d."eventId"`);
    const queue = this.jobs.queue(QueueName.Webhook);
    for (const job of stale) {
      const state = await queue.getJobState(webhookJobId(job));
      if (state === 'failed' || state === 'completed') await queue.remove(webhookJobId(job));
    }
    return this.enqueue(stale);
  }

  /** Queued in event order; if Redis refused them, they are marked not queued so the next poll retries. */
  private async enqueue(jobs: Claimed[]): Promise<number> {
    if (jobs.length === 0) return 0;
    // RETURNING keeps no order; the queue is FIFO, so event order is restored here.
    const sorted = [...jobs].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    const done = await this.jobs.enqueue(sorted.map(({ deliveryId, generation }) => ({ queue: QueueName.Webhook, data: { deliveryId, generation } })));
    if (done < jobs.length) {
      await this.prisma.webhookDelivery.updateMany({ where: strictWhere({ id: { in: jobs.map((j) => j.deliveryId) } }), data: { queuedAt: null } });
    }
    return done;
  }
}
