import type { Assignment } from '@prisma/client';
import { deadlineKind } from './assignments.service';

/**
 * An assignment as both doors show it (REST's Assignment, and the live assignment inside a claim,
 * the same fields everywhere): ids as strings, times ISO 8601.
 */
export function assignmentView(a: Assignment) {
  return {
    id: a.id,
    claimId: a.claimId,
    reviewerId: a.reviewerId,
    assignedById: a.assignedById,
    reason: a.reason,
    status: a.status,
    cost: a.cost,
    /** dueAt is the offer's expiry while OFFERED ("offer"), the due time once ACCEPTED ("due"). */
    deadline: deadlineKind(a.status),
    dueAt: a.dueAt.toISOString(),
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AssignmentView = ReturnType<typeof assignmentView>;
