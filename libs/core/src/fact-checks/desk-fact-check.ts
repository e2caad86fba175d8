import type { Tx } from '@claimdesk/database';
import { storeFactChecks } from './fact-check-library.service';

/**
 * Every verdict published in claimdesk enters the fact-check library, in the publishing
 * transaction: its claim's core text, its rating, and the URL its ClaimReview is published at.
 */
export async function addPublishedVerdictToLibrary(
  tx: Tx,
  args: { claimId: string; verdictId: string; urlTemplate: string; orgName: string; orgUrl: string; publishedAt: Date },
): Promise<void> {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: args.claimId }, include: { article: { select: { title: true } } } });
  const verdict = await tx.verdict.findUniqueOrThrow({ where: { id: args.verdictId }, include: { ratingRow: true } });
  await storeFactChecks(tx, [
    {
      url: args.urlTemplate.replaceAll('{id}', claim.id),
      claimReviewed: claim.coreText?.trim() || claim.text,
      title: claim.article.title,
      rating: verdict.ratingRow.label,
      ratingValue: verdict.ratingRow.value,
      authorName: args.orgName,
      authorUrl: args.orgUrl,
      claimAuthor: claim.speaker,
      datePublished: args.publishedAt,
      origin: 'DESK',
      claimId: claim.id,
      verdictId: verdict.id,
    },
  ]);
}
