import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DashboardService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { notModified } from '../http/conditional-get';

export const deskEtag = (revision: number) => `"desk.${revision}"`;

@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /**
   * The desk overview with an ETag from the desk's revision (bumped by every article revision and
   * every people edit); an unchanged `If-None-Match` answers 304 from memory, without a query.
   * Queue depths alone changing (a retry) does not change the ETag.
   */
  @Get()
  async overview(
    @CurrentPrincipal() actor: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (ifNoneMatch && notModified(reply, ifNoneMatch, deskEtag(await this.dashboard.revision(actor)))) return undefined;
    const view = await this.dashboard.overview(actor);
    void reply.header('ETag', deskEtag(view.revision)).header('Cache-Control', 'no-cache');
    return view;
  }
}
