import type { Prisma } from '@prisma/client';
import { ConflictError, strictWhere, type Tx } from '@claimdesk/database';
import { IllegalTransitionError, transition, type ClaimAction, type TransitionRule } from '@claimdesk/workflow';
import { recordEvent } from '../events/record-event';

export interface ClaimRef {
  id: string;
  articleId: string;
  status: Prisma.ClaimGetPayload<object>['status'];
  version: number;
}

/**
 * Applies one state-machine action to a claim inside the caller's transaction. The update is
 * conditional on the version read, so of two racing changes one wins and the other gets a 409 with
 * the state it lost to; the whole transaction (verdict rows included) rolls back with it.
 */
export async function applyClaimTransition(
  tx: Tx,
  claim: ClaimRef,
  action: ClaimAction,
  actorId: string | null,
  payload: Record<string, Prisma.InputJsonValue | null> = {},
): Promise<TransitionRule> {
  let rule: TransitionRule;
  try {
    rule = transition(claim.status, action);
  } catch (error) {
    if (error instanceof IllegalTransitionError) {
      throw new ConflictError(`cannot ${action} a claim that is ${claim.status}`, {
        currentState: claim.status,
        action,
        allowed: error.allowed,
      });
    }
    throw error;
  }
  const updated = await tx.claim.updateMany({
    where: strictWhere({ id: claim.id, version: claim.version, status: claim.status }),
    data: { status: rule.to, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const current = await tx.claim.findUnique({ where: { id: claim.id }, select: { status: true } });
    throw new ConflictError(`claim ${claim.id} was changed by someone else`, { currentState: current?.status ?? null });
  }
  await recordEvent(tx, {
    type: rule.event,
    articleId: claim.articleId,
    claimId: claim.id,
    actorId,
    payload: { from: claim.status, to: rule.to, ...payload },
  });
  return rule;
}
