import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { WebhooksService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PageQuery } from '../http/page-query';
import { uuidParam } from '../http/validation';
import { CreateWebhookDto } from './create-webhook.dto';

const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;

export class DeliveriesQuery extends PageQuery {
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: (typeof DELIVERY_STATUSES)[number];
}

@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** 201 {id, url, events, active, secret}: the signing secret (whsec_...) is shown this once. */
  @Post()
  create(@CurrentPrincipal() actor: Principal, @Body() dto: CreateWebhookDto) {
    return this.webhooks.create(actor, dto.url, dto.events);
  }

  @Get()
  list(@CurrentPrincipal() actor: Principal) {
    return this.webhooks.list(actor);
  }

  /** Deletes the subscription: no more deliveries, the pending ones given up (kept for their history). */
  @Delete(':id')
  remove(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.webhooks.remove(actor, id);
  }

  /** 201 with the new secret, shown once; the previous one keeps signing beside it for 24 hours. */
  @Post(':id/rotate-secret')
  rotateSecret(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.webhooks.rotateSecret(actor, id);
  }

  /** A paused subscription active again; what it missed is sent. */
  @Post(':id/resume')
  @HttpCode(200)
  resume(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.webhooks.resume(actor, id);
  }

  /** Its deliveries, newest first, each with every attempt. */
  @Get(':id/deliveries')
  deliveries(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string, @Query() q: DeliveriesQuery) {
    return this.webhooks.deliveries(actor, id, q);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  redeliver(
    @CurrentPrincipal() actor: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ) {
    return this.webhooks.redeliver(actor, id, deliveryId);
  }
}
