import { Prisma } from '@prisma/client';
import type { Tx } from '@claimdesk/database';
import { isArticleComplete, statusCountsFrom, type ClaimStatus } from '@claimdesk/workflow';
import { recordEvent } from '../events/record-event';

/**
 * Moves an article between IN_REVIEW and COMPLETED after its claims changed, in the same
 * transaction. The per-article GROUP BY reads one article's claims through the (articleId, ordinal)
 * index, so it does not grow with the size of the desk.
 */
export async function refreshArticleStatus(tx: Tx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article || (article.status !== 'IN_REVIEW' && article.status !== 'COMPLETED')) return;
  const rows = await tx.$queryRaw<Array<{ status: ClaimStatus; count: number }>>(
    Prisma.sql`SELECT status::text AS status, count(*)::int AS count FROM "Claim" WHERE "articleId" = ${articleId}::uuid GROUP BY status`,
  );
  const complete = isArticleComplete(statusCountsFrom(rows));
  if (complete && article.status === 'IN_REVIEW') {
    await tx.article.update({ where: { id: articleId }, data: { status: 'COMPLETED' } });
    await recordEvent(tx, { type: 'article.completed', articleId });
  } else if (!complete && article.status === 'COMPLETED') {
    await tx.article.update({ where: { id: articleId }, data: { status: 'IN_REVIEW' } });
    await recordEvent(tx, { type: 'article.reopened', articleId });
  }
}
