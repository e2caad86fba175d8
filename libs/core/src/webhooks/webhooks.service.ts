import { Injectable } from '@nestjs/common';
import type { Webhook, WebhookAttempt, WebhookDelivery } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { ConflictError, NotFoundError, PrismaService, ValidationError, type Tx, strictWhere } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { afterCursor, checkLimit, decodeCursor, pageOf, type Page } from '../queries/cursor';
import { checkDestination } from './destination-guard';
import { newWebhookSecret } from './signing';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  /** Why deliveries are paused (too many failed attempts in a row); null while active. */
  pausedReason: string | null;
  pausedAt: string | null;
  consecutiveFailures: number;
  /** Until when the secret before the last rotation still signs too. */
  previousSecretUntil: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string | null;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Every attempt of the delivery, oldest first: the receiver's status or why there was none, and the time it took. */
  attemptLog: Array<{ attempt: number; at: string; outcome: string; statusCode: number | null; latencyMs: number | null; error: string | null }>;
}

/** After a rotation the old secret signs beside the new one this long, so receivers can switch. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;

/**
 * Webhook subscriptions (admin only). The destination is checked against server-side request
 * forgery at registration, and again at each delivery on the address connected to (guardedPost).
 * The secret (whsec_...) is shown once, at registration and at each rotation. Deliveries are
 * written by Postgres as events commit and sent by the worker (WebhookDeliveryService).
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Principal, url: string, events: string[]): Promise<WebhookView & { secret: string }> {
    authorize(actor, 'webhook.manage');
    const verdict = await checkDestination(url, { allowPrivate: this.config.env.CLAIMDESK_WEBHOOK_ALLOW_PRIVATE });
    if (!verdict.ok) throw new ValidationError([{ field: 'url', message: verdict.reason }]);
    const secret = newWebhookSecret();
    const row = await this.prisma.webhook.create({ data: { url, events, secret } });
    return { ...toView(row), secret };
  }

  async list(actor: Principal): Promise<WebhookView[]> {
    authorize(actor, 'webhook.manage');
    return (await this.prisma.webhook.findMany({ orderBy: { createdAt: 'desc' }, take: 500 })).map(toView);
  }

  /** Deleted: no new deliveries, and the pending ones are given up; kept for its delivery history. */
  async remove(actor: Principal, id: string): Promise<WebhookView> {
    authorize(actor, 'webhook.manage');
    return this.prisma.$transaction(async (tx) => {
      await this.live(tx, id);
      await tx.webhookDelivery.updateMany({ where: strictWhere({ webhookId: id, status: 'PENDING' }), data: { status: 'DEAD', lastError: 'subscription deleted' } });
      return toView(await tx.webhook.update({ where: { id }, data: { active: false, deletedAt: new Date() } }));
    });
  }

  /** A new secret, shown once; the previous one keeps signing beside it for 24 hours. */
  async rotateSecret(actor: Principal, id: string, now = new Date()): Promise<WebhookView & { secret: string }> {
    authorize(actor, 'webhook.manage');
    return this.prisma.$transaction(async (tx) => {
      const hook = await this.live(tx, id);
      const secret = newWebhookSecret();
      const row = await tx.webhook.update({
        where: { id },
        data: { secret, previousSecret: hook.secret, previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS) },
      });
      return { ...toView(row), secret };
    });
  }

  /**
   * Active again: everything that waited while it was paused (and what failed into the pause) is
   * dispatched again, in event order, with a fresh round of attempts.
   */
  async resume(actor: Principal, id: string): Promise<WebhookView> {
    authorize(actor, 'webhook.manage');
    return this.prisma.$transaction(async (tx) => {
      const hook = await this.live(tx, id);
      if (hook.active) throw new ConflictError('webhook is not paused', { currentState: 'ACTIVE' });
      await tx.$executeRaw`UPDATE "WebhookDelivery" SET generation = generation + 1, "queuedAt" = NULL, attempts = 0, "updatedAt" = now()
        WHERE "webhookId" = ${id}::uuid AND status = 'PENDING'`;
      await tx.event.create({ data: { type: 'webhook.resumed', actorId: actor.id, payload: { webhookId: id } } });
      return toView(await tx.webhook.update({ where: { id }, data: { active: true, pausedReason: null, pausedAt: null, consecutiveFailures: 0 } }));
    });
  }

  async deliveries(actor: Principal, id: string, q: { status?: 'PENDING' | 'DELIVERED' | 'DEAD'; cursor?: string; limit?: number }): Promise<Page<DeliveryView>> {
    authorize(actor, 'webhook.manage');
    const limit = checkLimit(q.limit);
    if (!(await this.prisma.webhook.count({ where: { id } }))) throw new NotFoundError('webhook', id);
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { webhookId: id, ...(q.status ? { status: q.status } : {}), AND: [afterCursor(decodeCursor(q.cursor))] },
      include: { attemptRows: { orderBy: { at: 'asc' } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const page = pageOf(rows, limit);
    const events = await this.prisma.event.findMany({ where: { id: { in: page.items.map((d) => d.eventId) } }, select: { id: true, type: true } });
    const typeOf = new Map(events.map((e) => [e.id, e.type]));
    return { items: page.items.map((d) => toDeliveryView(d, typeOf.get(d.eventId) ?? null)), next: page.next };
  }

  /** Sends a delivery again (delivered, dead or pending alike), as a new generation with a fresh round of attempts. */
  async redeliver(actor: Principal, id: string, deliveryId: string): Promise<DeliveryView> {
    authorize(actor, 'webhook.manage');
    return this.prisma.$transaction(async (tx) => {
      await this.live(tx, id);
      const found = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId: id } });
      if (!found) throw new NotFoundError('delivery', deliveryId);
      const row = await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: 'PENDING', generation: { increment: 1 }, queuedAt: null, attempts: 0, deliveredAt: null },
        include: { attemptRows: { orderBy: { at: 'asc' } } },
      });
      const event = await tx.event.findUnique({ where: { id: row.eventId }, select: { type: true } });
      return toDeliveryView(row, event?.type ?? null);
    });
  }

  /** The subscription, locked for the change; a deleted one is gone for every action. */
  private async live(tx: Tx, id: string): Promise<Webhook> {
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM "Webhook" WHERE id = ${id}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    if (!row) throw new NotFoundError('webhook', id);
    return (await tx.webhook.findUnique({ where: { id } }))!;
  }
}

function toView(w: Webhook): WebhookView {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    active: w.active,
    pausedReason: w.pausedReason,
    pausedAt: w.pausedAt?.toISOString() ?? null,
    consecutiveFailures: w.consecutiveFailures,
    previousSecretUntil: w.previousSecretUntil?.toISOString() ?? null,
    deletedAt: w.deletedAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
  };
}

function toDeliveryView(d: WebhookDelivery & { attemptRows: WebhookAttempt[] }, eventType: string | null): DeliveryView {
  return {
    id: d.id,
    eventId: d.eventId.toString(),
    eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    attemptLog: d.attemptRows.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      outcome: a.outcome,
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
    })),
  };
}
