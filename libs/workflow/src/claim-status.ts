// Claim statuses and the rule that picks a new claim's first status (DESIGN.md "Claim states").
// The spellings match the Prisma `ClaimStatus` enum exactly, so values cross the database boundary
// without mapping; this module stays free of Prisma imports so it can be used anywhere.

export const CLAIM_STATUSES = [
  'CANDIDATE',
  'PENDING',
  'ASSIGNED',
  'IN_REVIEW',
  'SUBMITTED',
  'PUBLISHED',
  'DISMISSED',
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Statuses of a claim that still needs someone to act on it. An article is complete when none of its
 * claims is in one of these. CANDIDATE is left out on purpose: an unpromoted candidate is an editor's
 * "leave it", not open work, and must not keep an article open forever.
 */
export const WORKFLOW_STATUSES: readonly ClaimStatus[] = Object.freeze([
  'PENDING',
  'ASSIGNED',
  'IN_REVIEW',
  'SUBMITTED',
] as const);

/** Statuses in which a claim has left the workflow for good (until an editor restores it). */
export const TERMINAL_STATUSES: readonly ClaimStatus[] = Object.freeze(['PUBLISHED', 'DISMISSED'] as const);

const STATUS_SET: ReadonlySet<string> = new Set(CLAIM_STATUSES);

/** Narrows untrusted input (query strings, raw SQL rows) to a ClaimStatus. */
export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && STATUS_SET.has(value);
}

/**
 * First status of a freshly extracted claim. At or above the desk's threshold it enters the workflow
 * (PENDING, to be routed); below it waits as a CANDIDATE for an editor to promote. A NaN score
 * compares false and lands in CANDIDATE: when in doubt a human decides, the router does not.
 */
export function initialStatus(score: number, threshold: number): 'PENDING' | 'CANDIDATE' {
  return score >= threshold ? 'PENDING' : 'CANDIDATE';
}
