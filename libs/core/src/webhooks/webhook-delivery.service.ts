import { Injectable, Logger } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PrismaService, strictWhere } from '@claimdesk/database';
import type { WebhookDeliveryJob } from '@claimdesk/queue';
import { ClaimReviewsService } from '../claim-review/claim-reviews.service';
import { webhookPayload } from './webhook-payload';
import { attemptPost, type AttemptResult } from './webhook-post';
import { webhookHeaders } from './signing';

/** delivered: a 2xx. retry: failed, BullMQ tries again after its backoff. dead: the last attempt failed. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'dead' | 'paused' | 'stale';

interface DeliveryRow {
  id: string;
  generation: number;
  status: string;
  eventId: bigint;
  webhookId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  active: boolean;
  deletedAt: Date | null;
  /** Null when the event is gone (its article deleted). */
  eventRowId: bigint | null;
  type: string | null;
  articleId: string | null;
  claimId: string | null;
  actorId: string | null;
  payload: unknown;
  at: Date | null;
}

export interface DeliveryReport {
  outcome: DeliveryOutcome;
  attempt?: AttemptResult;
}

/**
 * Sends one delivery (one event to one subscription) and records the attempt. Everything is read
 * from Postgres at each attempt: the subscription may have been paused, deleted or given a new
 * secret since the job was enqueued, and the destination is checked again on the address actually
 * connected to (guardedPost). The webhook-id is the event id, so a receiver that dedupes on it sees
 * an event once however often it is sent (at-least-once: a worker killed after the POST but before
 * the record sends it again).
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('WebhookDelivery');

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly reviews: ClaimReviewsService,
  ) {}

  async deliver(job: WebhookDeliveryJob, now = new Date()): Promise<DeliveryReport> {
    // One read for the delivery, its subscription and its event (the hot path: one per attempt).
    const [row] = await this.prisma.$queryRaw<DeliveryRow[]>(Prisma.sql`
      SELECT d.id::text AS id, d.generation, d.status::text AS status, d."eventId",
             w.id::text AS "webhookId", w.url, w.secret, w."previousSecret", w."previousSecretUntil", w.active, w."deletedAt",
             e.id AS "eventRowId", e.type, e."articleId"::text AS "articleId", e."claimId"::text AS "claimId", e."actorId"::text AS "actorId", e.payload, e.at
      FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId" LEFT JOIN "Event" e ON e.id = d."eventId"
      WHERE d.id = ${job.deliveryId}::uuid`);
    if (!row || row.generation !== job.generation || row.status !== 'PENDING') return { outcome: 'stale' };
    if (row.deletedAt) {
      await this.settle(row, { status: 'DEAD', lastError: 'subscription deleted' });
      return { outcome: 'dead' };
    }
    if (!row.active) {
      // Kept PENDING and handed back: resume dispatches it again.
      await this.settle(row, { queuedAt: null });
      return { outcome: 'paused' };
    }
    if (row.eventRowId === null) {
      await this.settle(row, { status: 'DEAD', lastError: 'the event no longer exists (its article was deleted)' });
      return { outcome: 'dead' };
    }
    const event = { id: row.eventRowId, type: row.type!, articleId: row.articleId, claimId: row.claimId, actorId: row.actorId, payload: row.payload, at: row.at! };
    const body = JSON.stringify(await webhookPayload(event, (claimId) => this.reviews.ofPublishedClaim(claimId)));
    const secrets = [row.secret, ...(row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > now ? [row.previousSecret] : [])];
    const env = this.config.env;
    const attempt = await attemptPost(row.url, body, webhookHeaders(secrets, event.id.toString(), body, now), {
      allowPrivate: env.CLAIMDESK_WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: env.CLAIMDESK_WEBHOOK_TIMEOUT_MS,
    });
    return { outcome: await this.record(row, attempt), attempt };
  }

  /**
   * The attempt, the delivery's new state and the subscription's failure count in one statement
   * (atomic without a transaction's round trips). A success resets the count only when it is not
   * already 0, so deliveries to a healthy receiver never queue on its subscription's row lock.
   */
  private async record(delivery: DeliveryRow, attempt: AttemptResult): Promise<DeliveryOutcome> {
    const ok = attempt.outcome === 'ok';
    const env = this.config.env;
    const [row] = await this.prisma.$queryRaw<Array<{ attempts: number; failures: number | null }>>(Prisma.sql`
      WITH d AS (
        UPDATE "WebhookDelivery" SET attempts = attempts + 1, "lastStatus" = ${attempt.statusCode}, "lastError" = ${attempt.error},
          status = (CASE WHEN ${ok} THEN 'DELIVERED' WHEN attempts + 1 >= ${env.CLAIMDESK_WEBHOOK_ATTEMPTS} THEN 'DEAD' ELSE 'PENDING' END)::"DeliveryStatus",
          "deliveredAt" = CASE WHEN ${ok} THEN now() ELSE NULL END, "updatedAt" = now()
        WHERE id = ${delivery.id}::uuid AND generation = ${delivery.generation} AND status = 'PENDING'
        RETURNING id, attempts),
      a AS (
        INSERT INTO "WebhookAttempt" ("deliveryId", attempt, outcome, "statusCode", "latencyMs", error)
        SELECT id, attempts, ${attempt.outcome}, ${attempt.statusCode}, ${attempt.latencyMs}, ${attempt.error} FROM d),
      w AS (
        UPDATE "Webhook" SET "consecutiveFailures" = CASE WHEN ${ok} THEN 0 ELSE "consecutiveFailures" + 1 END
        WHERE id = ${delivery.webhookId}::uuid AND EXISTS (SELECT 1 FROM d) AND (NOT ${ok} OR "consecutiveFailures" <> 0)
        RETURNING "consecutiveFailures")
      SELECT d.attempts, (SELECT "consecutiveFailures" FROM w) AS failures FROM d`);
    if (!row) return 'stale'; // resumed, redelivered or settled meanwhile: that generation's job records its own
    if (ok) return 'delivered';
    if ((row.failures ?? 0) >= env.CLAIMDESK_WEBHOOK_PAUSE_AFTER && (await this.pause(delivery, row.failures!, attempt))) return 'paused';
    return row.attempts >= env.CLAIMDESK_WEBHOOK_ATTEMPTS ? 'dead' : 'retry';
  }

  /**
   * Pauses an active subscription (once, whoever gets there first), says so in the event log, and
   * hands this delivery back undispatched so resume sends it.
   */
  private async pause(delivery: DeliveryRow, failures: number, last: AttemptResult): Promise<boolean> {
    const webhookId = delivery.webhookId;
    const reason = `${failures} failed attempts in a row; the last: ${last.error}`;
    const paused = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.webhook.updateMany({ where: strictWhere({ id: webhookId, active: true }), data: { active: false, pausedReason: reason, pausedAt: new Date() } });
      if (changed.count === 0) return false;
      await tx.event.create({ data: { type: 'webhook.paused', payload: { webhookId, reason } } });
      await tx.webhookDelivery.updateMany({ where: strictWhere({ id: delivery.id, status: 'PENDING' }), data: { queuedAt: null } });
      return true;
    });
    if (paused) this.logger.warn(`webhook ${webhookId} paused: ${reason}`);
    return paused;
  }

  private async settle(delivery: DeliveryRow, data: Prisma.WebhookDeliveryUpdateManyMutationInput): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({ where: strictWhere({ id: delivery.id, generation: delivery.generation, status: 'PENDING' }), data });
  }
}
