import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DashboardService, STORIES_MAX_LIMIT, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { notModified } from '../http/conditional-get';

export const deskEtag = (revision: number) => `"desk.${revision}"`;

export class StoriesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(STORIES_MAX_LIMIT)
  limit?: number;
}

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

  /** Stories in flight, newest first, each with its progress and claims per status (the desk board's list). */
  @Get('stories')
  async stories(@CurrentPrincipal() actor: Principal, @Query() q: StoriesQuery) {
    return { items: await this.dashboard.stories(actor, q.limit) };
  }
}
