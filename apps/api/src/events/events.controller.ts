import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { EVENTS_MAX_LIMIT, EventsService, type Principal } from '@claimdesk/core';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

export class EventsQuery {
  /** The `next` of the previous page (an event id); omit to start from the beginning. */
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be an event id (a non-negative integer)' })
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EVENTS_MAX_LIMIT)
  limit?: number;

  /** Only this article's events. */
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be a UUID' })
  articleId?: string;
}

@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** The change feed, oldest first after the cursor; poll again with `after=<next>`. */
  @Get()
  feed(@CurrentPrincipal() actor: Principal, @Query() q: EventsQuery) {
    return this.events.after(actor, q.after, q.limit, q.articleId);
  }
}
