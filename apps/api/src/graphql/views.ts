import type { Assignment, Claim, Person } from '@prisma/client';
import type { VerdictWithEvidence } from '@claimdesk/core';

// Row -> GraphQL object, with the REST field names and formats.

export function claimView(c: Claim) {
  return {
    id: c.id,
    articleId: c.articleId,
    ordinal: c.ordinal,
    text: c.text,
    sentence: c.sentence,
    spanStart: c.spanStart,
    spanEnd: c.spanEnd,
    speaker: c.speaker,
    score: c.score,
    features: c.scoreFeatures,
    entities: c.entities,
    topics: c.topics,
    status: c.status,
    priority: c.priority,
    version: c.version,
  };
}

export function assignmentView(a: Assignment) {
  return {
    id: a.id,
    claimId: a.claimId,
    reviewerId: a.reviewerId,
    assignedById: a.assignedById,
    reason: a.reason,
    status: a.status,
    dueAt: a.dueAt.toISOString(),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function verdictView(v: VerdictWithEvidence) {
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

export function personView(p: Person) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    topics: p.topics,
    languages: p.languages,
    capacity: p.capacity,
    openLoad: p.openLoad,
    active: p.active,
  };
}
