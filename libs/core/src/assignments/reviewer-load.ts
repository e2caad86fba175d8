import type { Assignment, AssignmentStatus } from '@prisma/client';
import { ConflictError, strictWhere, type Tx } from '@claimdesk/database';

/**
 * A reviewer's open load is a stored counter of capacity units (STACK.md: counting live assignments
 * per route is 3x slower). Every assignment records the units it charged (`cost`, PRIORITY_COST at
 * the time), and exactly those are given back, so a priority change can never skew the counter.
 */
export async function releaseLoad(tx: Tx, reviewerId: string, cost: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Person" SET "openLoad" = GREATEST("openLoad" - ${cost}, 0), "updatedAt" = now() WHERE id = ${reviewerId}::uuid`;
}

/**
 * Charges `cost` units. Within capacity only when asked (an editor's assignment without `force`),
 * as one conditional UPDATE so it cannot race the router; returns whether it was charged. Taking
 * work back (a returned verdict) and a forced assignment may exceed capacity.
 */
export async function chargeLoad(tx: Tx, reviewerId: string, cost: number, withinCapacity = false): Promise<boolean> {
  const changed = withinCapacity
    ? await tx.$executeRaw`UPDATE "Person" SET "openLoad" = "openLoad" + ${cost}, "lastAssignedAt" = now(), "updatedAt" = now() WHERE id = ${reviewerId}::uuid AND "openLoad" + ${cost} <= capacity`
    : await tx.$executeRaw`UPDATE "Person" SET "openLoad" = "openLoad" + ${cost}, "lastAssignedAt" = now(), "updatedAt" = now() WHERE id = ${reviewerId}::uuid`;
  return changed > 0;
}

/**
 * Closes a live assignment (declined, expired, reassigned, withdrawn) and gives its reviewer the
 * units back. Conditional on the status read, so of two racing take-backs only one changes the load.
 */
export async function closeLiveAssignment(
  tx: Tx,
  assignment: Pick<Assignment, 'id' | 'status' | 'reviewerId' | 'cost'>,
  status: Extract<AssignmentStatus, 'DECLINED' | 'EXPIRED' | 'REASSIGNED' | 'WITHDRAWN'>,
): Promise<void> {
  const closed = await tx.assignment.updateMany({
    where: strictWhere({ id: assignment.id, status: assignment.status }),
    data: { status },
  });
  if (closed.count === 0) throw new ConflictError('assignment changed concurrently', { currentState: null });
  await releaseLoad(tx, assignment.reviewerId, assignment.cost);
}
