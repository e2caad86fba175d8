import { Injectable, Logger } from '@nestjs/common';
import { Prisma, type Webhook, type WebhookDelivery } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { PrismaService, type Tx } from '@claimdesk/database';
import type { WebhookDeliveryJob } from '@claimdesk/queue';
import { ClaimReviewsService } from '../claim-review/claim-reviews.service';
import { webhookPayload } from './webhook-payload';
import { attemptPost, type AttemptResult } from './webhook-post';
import { webhookHeaders } from './signing';

/** delivered: a 2xx. retry: failed, BullMQ tries again after its backoff. dead: the last attempt failed. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'dead' | 'paused' | 'stale';

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
    const delivery = await this.prisma.webhookDelivery.findUnique({ where: { id: job.deliveryId }, include: { webhook: true } });
    if (!delivery || delivery.generation !== job.generation || delivery.status !== 'PENDING') return { outcome: 'stale' };
    const hook = delivery.webhook;
    if (hook.deletedAt) {
      await this.settle(delivery, { status: 'DEAD', lastError: 'subscription deleted' });
      return { outcome: 'dead' };
    }
    if (!hook.active) {
      // Kept PENDING and handed back: resume dispatches it again.
      await this.settle(delivery, { queuedAt: null });
      return { outcome: 'paused' };
    }
    const event = await this.prisma.event.findUnique({ where: { id: delivery.eventId } });
    if (!event) {
      await this.settle(delivery, { status: 'DEAD', lastError: 'the event no longer exists (its article was deleted)' });
      return { outcome: 'dead' };
    }
    const body = JSON.stringify(await webhookPayload(event, (claimId) => this.reviews.ofPublishedClaim(claimId)));
    const secrets = [hook.secret, ...(hook.previousSecret && hook.previousSecretUntil && hook.previousSecretUntil > now ? [hook.previousSecret] : [])];
    const env = this.config.env;
    const attempt = await attemptPost(hook.url, body, webhookHeaders(secrets, event.id.toString(), body, now), {
      allowPrivate: env.CLAIMDESK_WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: env.CLAIMDESK_WEBHOOK_TIMEOUT_MS,
    });
    return { outcome: await this.prisma.$transaction((tx) => this.record(tx, delivery, hook, attempt)), attempt };
  }

  private async record(tx: Tx, delivery: WebhookDelivery, hook: Webhook, attempt: AttemptResult): Promise<DeliveryOutcome> {
    const ok = attempt.outcome === 'ok';
    const env = this.config.env;
    const [row] = await tx.$queryRaw<Array<{ attempts: number }>>(Prisma.sql`
      UPDATE "WebhookDelivery" SET attempts = attempts + 1, "lastStatus" = ${attempt.statusCode}, "lastError" = ${attempt.error},
        status = (CASE WHEN ${ok} THEN 'DELIVERED' WHEN attempts + 1 >= ${env.CLAIMDESK_WEBHOOK_ATTEMPTS} THEN 'DEAD' ELSE 'PENDING' END)::"DeliveryStatus",
        "deliveredAt" = CASE WHEN ${ok} THEN now() ELSE NULL END, "updatedAt" = now()
      WHERE id = ${delivery.id}::uuid AND generation = ${delivery.generation} AND status = 'PENDING'
      RETURNING attempts`);
    if (!row) return 'stale'; // resumed, redelivered or settled meanwhile: that generation's job records its own
    await tx.webhookAttempt.create({
      data: { deliveryId: delivery.id, attempt: row.attempts, outcome: attempt.outcome, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs, error: attempt.error },
    });
    if (ok) {
      await tx.webhook.update({ where: { id: hook.id }, data: { consecutiveFailures: 0 } });
      return 'delivered';
    }
    const [failing] = await tx.$queryRaw<Array<{ consecutiveFailures: number }>>(Prisma.sql`
      UPDATE "Webhook" SET "consecutiveFailures" = "consecutiveFailures" + 1 WHERE id = ${hook.id}::uuid RETURNING "consecutiveFailures"`);
    if (failing.consecutiveFailures >= env.CLAIMDESK_WEBHOOK_PAUSE_AFTER && (await this.pause(tx, hook.id, failing.consecutiveFailures, attempt))) {
      await tx.webhookDelivery.updateMany({ where: { id: delivery.id, status: 'PENDING' }, data: { queuedAt: null } });
      return 'paused';
    }
    return row.attempts >= env.CLAIMDESK_WEBHOOK_ATTEMPTS ? 'dead' : 'retry';
  }

  /** Pauses an active subscription (once, whoever gets there first) and says so in the event log. */
  private async pause(tx: Tx, webhookId: string, failures: number, last: AttemptResult): Promise<boolean> {
    const reason = `${failures} failed attempts in a row; the last: ${last.error}`;
    const paused = await tx.webhook.updateMany({ where: { id: webhookId, active: true }, data: { active: false, pausedReason: reason, pausedAt: new Date() } });
    if (paused.count === 0) return false;
    await tx.event.create({ data: { type: 'webhook.paused', payload: { webhookId, reason } } });
    this.logger.warn(`webhook ${webhookId} paused: ${reason}`);
    return true;
  }

  private async settle(delivery: WebhookDelivery, data: Prisma.WebhookDeliveryUpdateManyMutationInput): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({ where: { id: delivery.id, generation: delivery.generation, status: 'PENDING' }, data });
  }
}
