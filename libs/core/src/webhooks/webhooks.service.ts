import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Webhook } from '@prisma/client';
import { AppConfig } from '@claimdesk/config';
import { NotFoundError, PrismaService, ValidationError } from '@claimdesk/database';
import { authorize } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { checkDestination } from './destination-guard';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

/**
 * Webhook subscriptions (admin only). The destination is checked against server-side request
 * forgery at registration; deliveries must go through guardedPost(), which checks again on the
 * address actually connected to, since DNS answers change. The secret is shown once, at registration.
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
    const secret = randomBytes(32).toString('hex');
    const row = await this.prisma.webhook.create({ data: { url, events, secret } });
    return { ...toView(row), secret };
  }

  async list(actor: Principal): Promise<WebhookView[]> {
    authorize(actor, 'webhook.manage');
    return (await this.prisma.webhook.findMany({ orderBy: { createdAt: 'desc' }, take: 500 })).map(toView);
  }

  async remove(actor: Principal, id: string): Promise<WebhookView> {
    authorize(actor, 'webhook.manage');
    const row = await this.prisma.webhook.findUnique({ where: { id } });
    if (!row) throw new NotFoundError('webhook', id);
    return toView(await this.prisma.webhook.update({ where: { id }, data: { active: false } }));
  }
}

function toView(w: Webhook): WebhookView {
  return { id: w.id, url: w.url, events: w.events, active: w.active, createdAt: w.createdAt.toISOString() };
}
