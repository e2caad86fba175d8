// Article progress and completion from claim counts per status (DESIGN.md step 6). Pure arithmetic
// over a GROUP BY result, so `GET /articles/:id/status` and the completion check agree by construction.

import { type ClaimStatus, CLAIM_STATUSES, TERMINAL_STATUSES, WORKFLOW_STATUSES } from './claim-status';

export type StatusCounts = Record<ClaimStatus, number>;

/** All statuses at zero; the starting point for folding a GROUP BY result that omits empty groups. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Counts from rows like `SELECT status, count(*)::int AS count ... GROUP BY status`. A bigint count
 * (count(*) without the cast comes back as BigInt through Prisma) is accepted too, since mixing it
 * with numbers would otherwise throw a TypeError far from the query.
 */
export function statusCountsFrom(
  rows: Iterable<{ status: ClaimStatus; count: number | bigint }>,
): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of rows) counts[row.status] += Number(row.count);
  return counts;
}

// The denominator of progress: everything an editor or the threshold let into the workflow.
const PROGRESS_STATUSES: readonly ClaimStatus[] = CLAIM_STATUSES.filter((s) => s !== 'CANDIDATE');

// Missing keys count as zero: callers may pass partial objects built from raw SQL at runtime.
function sum(counts: StatusCounts, statuses: readonly ClaimStatus[]): number {
  return statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/**
 * Share of the article's workflow claims (every claim except CANDIDATE) that are PUBLISHED or
 * DISMISSED, in [0, 1]. A claim dismissed straight from CANDIDATE counts as done work: an editor
 * looked at it. With no workflow claim at all there is nothing left to do, so progress is 1.
 */
export function articleProgress(counts: StatusCounts): number {
  const workflow = sum(counts, PROGRESS_STATUSES);
  if (workflow <= 0) return 1;
  return sum(counts, TERMINAL_STATUSES) / workflow;
}

/** No claim is still in the workflow (PENDING, ASSIGNED, IN_REVIEW, SUBMITTED). */
export function isArticleComplete(counts: StatusCounts): boolean {
  return sum(counts, WORKFLOW_STATUSES) === 0;
}
