import type { Tx } from '@claimdesk/database';

export const CLAIM_COST = 1;

/** A reviewer's open load is a stored counter (STACK.md: counting live assignments per route is 3x slower). */
export async function releaseLoad(tx: Tx, reviewerId: string, cost = CLAIM_COST): Promise<void> {
  await tx.$executeRaw`UPDATE "Person" SET "openLoad" = GREATEST("openLoad" - ${cost}, 0), "updatedAt" = now() WHERE id = ${reviewerId}::uuid`;
}

/** Taking work back (a returned verdict) may exceed capacity: it is the reviewer's own claim. */
export async function chargeLoad(tx: Tx, reviewerId: string, cost = CLAIM_COST): Promise<void> {
  await tx.$executeRaw`UPDATE "Person" SET "openLoad" = "openLoad" + ${cost}, "updatedAt" = now() WHERE id = ${reviewerId}::uuid`;
}
