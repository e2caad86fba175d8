import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { TokensService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { TokenCache } from '../auth/token-cache';
import { uuidParam } from '../http/validation';

/** Token housekeeping: list (never the secret), revoke, rotate. Creation is POST /people/:id/tokens. */
@Controller('tokens')
export class TokensController {
  constructor(
    private readonly tokens: TokensService,
    private readonly cache: TokenCache,
  ) {}

  @Get()
  list(@CurrentPrincipal() actor: Principal, @Query('personId', uuidParam('personId', true)) personId?: string) {
    return this.tokens.list(actor, personId);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    // Other API processes hear of it through NOTIFY; this one forgets at once, before answering.
    return this.tokens.revoke(actor, id).finally(() => this.cache.clear());
  }

  @Post(':id/rotate')
  @HttpCode(201)
  rotate(@CurrentPrincipal() actor: Principal, @Param('id', uuidParam()) id: string) {
    return this.tokens.rotate(actor, id).finally(() => this.cache.clear());
  }
}
