import type { ClaimCommandResult } from '@claimdesk/core';
import { toAssignmentView } from './assignment.view';

/** What an editor command answers, through both doors: the claim's new state and the assignment it touched. */
export function toCommandView({ claim, assignment }: ClaimCommandResult) {
  return {
    id: claim.id,
    articleId: claim.articleId,
    status: claim.status,
    priority: claim.priority,
    version: claim.version,
    assignment: assignment ? toAssignmentView(assignment) : null,
  };
}
