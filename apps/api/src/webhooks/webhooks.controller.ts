import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { WebhooksService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { uuidParam } from '../http/validation';
import { CreateWebhookDto } from './create-webhook.dto';

@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** 201 {id, url, events, active, secret}: the signing secret is shown this once. */
  @Post()
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateWebhookDto) {
    return this.webhooks.create(actor, dto.url, dto.events);
  }

  @Get()
  list(@CurrentPrincipal() actor: Principal) {
    return this.webhooks.list(actor);
  }

  /** Deactivates the subscription (kept for its delivery history). */
  @Delete(':id')
  remove(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.webhooks.remove(actor, id);
  }
}
