import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { hashToken, type Principal } from '@claimdesk/core';
import { ValidationError } from '@claimdesk/database';
import { bearerToken } from '../auth/bearer-auth.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { EventStreams } from './event-streams';

export const STREAM_MAX_SECONDS = 3600;
export const STREAM_DEFAULT_SECONDS = 300;

export class EventStreamQuery {
  /** Resume after this event id (the `Last-Event-ID` header wins when both are sent). */
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be an event id (a non-negative integer)' })
  after?: string;

  /** The stream ends after this long; the client reconnects with its last id. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(STREAM_MAX_SECONDS)
  maxSeconds?: number;
}

@Controller('events')
export class EventStreamController {
  constructor(private readonly streams: EventStreams) {}

  /** The change feed as Server-Sent Events (text/event-stream): replay after the cursor, then live. */
  @Get('stream')
  async stream(
    @CurrentPrincipal() actor: Principal,
    @Query() q: EventStreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (lastEventId !== undefined && !/^\d{1,18}$/.test(lastEventId)) {
      throw new ValidationError([{ field: 'Last-Event-ID', message: 'must be an event id (a non-negative integer)' }]);
    }
    const token = bearerToken(authorization);
    await this.streams.serve(actor, token ? hashToken(token) : null, reply, lastEventId ?? q.after, q.maxSeconds ?? STREAM_DEFAULT_SECONDS);
  }
}
