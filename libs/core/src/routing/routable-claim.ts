import type { Person } from '@prisma/client';
import type { Tx } from '@claimdesk/database';
import { PRIORITY_COST, entityNames, type ReviewerCandidate, type RoutableClaim } from '@claimdesk/workflow';

/**
 * The routing policy's view of a claim, read in the caller's transaction: what the router's SQL
 * computes inline (language and outlet of the article, entity names, cost by priority, reviewers
 * who declined or let it expire, the author of its latest verdict). Used where a person chooses the
 * reviewer (an editor's assign) so the same rules explain a refusal.
 */
export async function loadRoutableClaim(tx: Tx, claimId: string): Promise<RoutableClaim | null> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      topics: true,
      speaker: true,
      entities: true,
      priority: true,
      article: { select: { language: true, outlet: true } },
      assignments: { where: { status: { in: ['DECLINED', 'EXPIRED'] } }, select: { reviewerId: true } },
      verdicts: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { authorId: true } },
    },
  });
  if (!claim) return null;
  return {
    id: claim.id,
    language: claim.article.language,
    topics: claim.topics,
    speaker: claim.speaker,
    entities: entityNames(claim.entities),
    outlet: claim.article.outlet,
    cost: PRIORITY_COST[claim.priority],
    excludedReviewerIds: [...new Set(claim.assignments.map((a) => a.reviewerId))],
    verdictAuthorId: claim.verdicts[0]?.authorId ?? null,
  };
}

export function toCandidate(p: Person): ReviewerCandidate {
  return {
    id: p.id,
    name: p.name,
    active: p.active,
    role: p.role,
    languages: p.languages,
    topics: p.topics,
    capacity: p.capacity,
    openLoad: p.openLoad,
    availableFrom: p.availableFrom,
    availableUntil: p.availableUntil,
    conflicts: p.conflicts,
    lastAssignedAt: p.lastAssignedAt,
  };
}
