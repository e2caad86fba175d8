import { Injectable } from '@nestjs/common';
import { ValidationError, PrismaService } from '@claimdesk/database';
import { authorize, redactEvent } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { toFeedEvent, type FeedEvent } from '../live/live-updates.service';

export const EVENTS_DEFAULT_LIMIT = 100;
export const EVENTS_MAX_LIMIT = 1000;

export interface EventPage {
  events: FeedEvent[];
  /** The cursor for the next poll: the last id returned, or `after` again when nothing was new. */
  next: string;
}

/** The change feed: events after a cursor (the bigserial id), oldest first. */
@Injectable()
export class EventsService {
  constructor(private readonly prisma: PrismaService) {}

  async after(actor: Principal, after: string | undefined, limit = EVENTS_DEFAULT_LIMIT, articleId?: string): Promise<EventPage> {
    authorize(actor, 'article.read');
    const cursor = parseCursor(after);
    if (!Number.isInteger(limit) || limit < 1 || limit > EVENTS_MAX_LIMIT) {
      throw new ValidationError([{ field: 'limit', message: `must be an integer from 1 to ${EVENTS_MAX_LIMIT}` }]);
    }
    const rows = await this.prisma.event.findMany({
      where: { id: { gt: cursor }, ...(articleId ? { articleId } : {}) },
      orderBy: { id: 'asc' },
      take: limit,
    });
    const events = rows.map((row) => redactEvent(actor, toFeedEvent(row)));
    return { events, next: events.length ? events[events.length - 1].id : cursor.toString() };
  }

  /** The newest event's id ("0" when the log is empty): where a feed that wants only new events starts. */
  async latestId(actor: Principal): Promise<string> {
    authorize(actor, 'article.read');
    const newest = await this.prisma.event.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return (newest?.id ?? 0n).toString();
  }
}

function parseCursor(after: string | undefined): bigint {
  if (after === undefined || after === '') return 0n;
  if (!/^\d{1,18}$/.test(after)) throw new ValidationError([{ field: 'after', message: 'must be an event id (a non-negative integer)' }]);
  return BigInt(after);
}
