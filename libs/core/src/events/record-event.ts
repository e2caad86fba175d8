import type { Prisma } from '@prisma/client';
import type { Tx } from '@claimdesk/database';
import type { EventType } from '@claimdesk/workflow';

/** Claim events come from the state machine's table; article events are the article's own. */
export type EventName =
  | EventType
  | 'article.ingested'
  | 'article.extracted'
  | 'article.completed'
  | 'article.reopened'
  | 'article.failed';

export interface EventInput {
  type: EventName;
  articleId: string;
  claimId?: string | null;
  actorId?: string | null;
  payload?: Prisma.InputJsonValue;
}

/**
 * Every state change writes one event row and bumps its article's revision, in the caller's
 * transaction: the feed, the ETag and the data can never disagree.
 */
export async function recordEvent(tx: Tx, event: EventInput): Promise<void> {
  await tx.event.create({
    data: {
      type: event.type,
      articleId: event.articleId,
      claimId: event.claimId ?? null,
      actorId: event.actorId ?? null,
      payload: event.payload ?? {},
    },
  });
  await tx.article.update({ where: { id: event.articleId }, data: { revision: { increment: 1 } } });
}
