import type { Client } from 'pg';

/** A claim in a given state, inserted straight into Postgres (no extraction, no routing). */
export async function insertClaim(pg: Client, articleId: string, status: string): Promise<string> {
  const { rows } = await pg.query(
    `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, "updatedAt")
     VALUES ($1, (SELECT COALESCE(max(ordinal), 0) + 1 FROM "Claim" WHERE "articleId" = $1), 'Unemployment fell to 3.9%.', 'Unemployment fell to 3.9%.', 0, 1, 0.9, $2::"ClaimStatus", now())
     RETURNING id`,
    [articleId, status],
  );
  return rows[0].id;
}

export async function insertAssignment(pg: Client, claimId: string, reviewerId: string, status: string): Promise<string> {
  const { rows } = await pg.query(
    `INSERT INTO "Assignment" ("claimId", "reviewerId", reason, status, "dueAt", "acceptedAt", "updatedAt")
     VALUES ($1, $2, 'matrix fixture', $3::"AssignmentStatus", now() + interval '1 hour', CASE WHEN $3 = 'OFFERED' THEN NULL ELSE now() END, now())
     RETURNING id`,
    [claimId, reviewerId, status],
  );
  return rows[0].id;
}

export async function insertVerdict(pg: Client, claimId: string, authorId: string, status = 'SUBMITTED'): Promise<string> {
  const { rows } = await pg.query(
    `INSERT INTO "Verdict" ("claimId", "authorId", rating, rationale, status, "updatedAt")
     VALUES ($1, $2, 'FALSE', 'fixture', $3::"VerdictStatus", now()) RETURNING id`,
    [claimId, authorId, status],
  );
  return rows[0].id;
}

export async function insertArticle(pg: Client, title: string): Promise<string> {
  const { rows } = await pg.query(
    `INSERT INTO "Article" (title, body, "contentHash", status, "updatedAt") VALUES ($1, $1, md5($1), 'IN_REVIEW', now()) RETURNING id`,
    [title],
  );
  return rows[0].id;
}

/**
 * What one door (REST or GraphQL) needs for the assignee-only actions: an offer to accept, one to
 * decline, accepted work to submit on, and a submitted verdict to decide. Each door has its own, so
 * one door's successful call does not change what the other's expects.
 */
export async function ownershipFixtures(pg: Client, articleId: string, reviewerId: string) {
  const offerClaim = await insertClaim(pg, articleId, 'ASSIGNED');
  const offerId = await insertAssignment(pg, offerClaim, reviewerId, 'OFFERED');
  const declineClaim = await insertClaim(pg, articleId, 'ASSIGNED');
  const declineId = await insertAssignment(pg, declineClaim, reviewerId, 'OFFERED');
  const reviewClaimId = await insertClaim(pg, articleId, 'IN_REVIEW');
  await insertAssignment(pg, reviewClaimId, reviewerId, 'ACCEPTED');
  const submittedClaim = await insertClaim(pg, articleId, 'SUBMITTED');
  await insertAssignment(pg, submittedClaim, reviewerId, 'COMPLETED');
  const verdictId = await insertVerdict(pg, submittedClaim, reviewerId);
  return { offerId, declineId, reviewClaimId, verdictId, submittedClaim };
}
