import type { VerdictView } from '@claimdesk/core';

/** A verdict and its sources as both doors show it. */
export function toVerdictView(v: VerdictView) {
  return {
    id: v.id,
    claimId: v.claimId,
    authorId: v.authorId,
    rating: v.rating,
    rationale: v.rationale,
    confidence: v.confidence,
    status: v.status,
    decidedById: v.decidedById,
    decisionNote: v.decisionNote,
    sources: v.evidence,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
