import type { Claim } from '@prisma/client';

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

// The rest are the REST views: one shape per resource, whichever door asks.
export { toAssignmentView as assignmentView } from '../views/assignment.view';
export { toPersonView as personView } from '../views/person.view';
export { toVerdictView as verdictView } from '../views/verdict.view';
