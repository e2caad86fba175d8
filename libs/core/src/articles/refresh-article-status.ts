import type { Tx } from '@claimdesk/database';
import { isArticleComplete, statusCountsFrom } from '@claimdesk/workflow';
import { recordEvent } from '../events/record-event';

/**
 * Moves an article between IN_REVIEW and COMPLETED after its claims changed, in the same
 * transaction. It reads the article's trigger-kept status counters (current inside the transaction:
 * the statement triggers on "Claim" ran with each change), not the claims themselves.
 */
export async function refreshArticleStatus(tx: Tx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article || (article.status !== 'IN_REVIEW' && article.status !== 'COMPLETED')) return;
  const rows = await tx.articleClaimCount.findMany({ where: { articleId }, select: { status: true, count: true } });
  const complete = isArticleComplete(statusCountsFrom(rows));
  if (complete && article.status === 'IN_REVIEW') {
    await tx.article.update({ where: { id: articleId }, data: { status: 'COMPLETED' } });
    await recordEvent(tx, { type: 'article.completed', articleId });
  } else if (!complete && article.status === 'COMPLETED') {
    await tx.article.update({ where: { id: articleId }, data: { status: 'IN_REVIEW' } });
    await recordEvent(tx, { type: 'article.reopened', articleId });
  }
}
