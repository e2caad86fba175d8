import { Prisma } from '@prisma/client';
import { FactCheckRecord, matchFields } from './fact-check-record';

/**
 * Inserts or updates a batch of fact-checks in ONE statement, keyed by the review URL (the import's
 * idempotency key: the same feed twice leaves the same rows). `inserted` tells new rows from updates
 * (xmax = 0 only on a row this statement inserted).
 */
export function upsertFactChecksSql(records: readonly FactCheckRecord[]): Prisma.Sql {
  const col = <T>(pick: (r: FactCheckRecord) => T) => records.map(pick);
  const fields = records.map(matchFields);
  return Prisma.sql`
INSERT INTO "FactCheck" (url, "claimReviewed", title, rating, "ratingValue", "bestRating", "worstRating",
  "authorName", "authorUrl", "claimAuthor", "datePublished", origin, "claimId", "verdictId", document,
  "matchText", "matchTitle", "updatedAt")
SELECT r.url, r.claim, r.title, r.rating, r.rv, r.best, r.worst, r.author, r.author_url, r.claim_author,
       r.published, r.origin::"FactCheckOrigin", r.claim_id, r.verdict_id, r.document, r.match_text, r.match_title, now()
FROM unnest(
  ${col((r) => r.url)}::text[], ${col((r) => r.claimReviewed)}::text[], ${col((r) => r.title ?? null)}::text[],
  ${col((r) => r.rating ?? null)}::text[], ${col((r) => r.ratingValue ?? null)}::float8[],
  ${col((r) => r.bestRating ?? null)}::float8[], ${col((r) => r.worstRating ?? null)}::float8[],
  ${col((r) => r.authorName ?? null)}::text[], ${col((r) => r.authorUrl ?? null)}::text[],
  ${col((r) => r.claimAuthor ?? null)}::text[], ${col((r) => r.datePublished ?? null)}::timestamp[],
  ${col((r) => r.origin)}::text[], ${col((r) => r.claimId ?? null)}::uuid[], ${col((r) => r.verdictId ?? null)}::uuid[],
  ${col((r) => (r.document === undefined ? null : JSON.stringify(r.document)))}::jsonb[],
  ${fields.map((f) => f.matchText)}::text[], ${fields.map((f) => f.matchTitle)}::text[]
) AS r(url, claim, title, rating, rv, best, worst, author, author_url, claim_author, published, origin,
       claim_id, verdict_id, document, match_text, match_title)
ON CONFLICT (url) DO UPDATE SET
  "claimReviewed" = EXCLUDED."claimReviewed", title = EXCLUDED.title, rating = EXCLUDED.rating,
  "ratingValue" = EXCLUDED."ratingValue", "bestRating" = EXCLUDED."bestRating", "worstRating" = EXCLUDED."worstRating",
  "authorName" = EXCLUDED."authorName", "authorUrl" = EXCLUDED."authorUrl", "claimAuthor" = EXCLUDED."claimAuthor",
  "datePublished" = EXCLUDED."datePublished", document = EXCLUDED.document,
  "claimId" = COALESCE(EXCLUDED."claimId", "FactCheck"."claimId"),
  "verdictId" = COALESCE(EXCLUDED."verdictId", "FactCheck"."verdictId"),
  "matchText" = EXCLUDED."matchText", "matchTitle" = EXCLUDED."matchTitle", "updatedAt" = now()
RETURNING id, url, (xmax = 0) AS inserted`;
}
