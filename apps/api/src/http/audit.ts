import { Logger } from '@nestjs/common';
import type { Principal } from '@claimdesk/core';

/** Who a refused token belonged to, when it was known but no longer valid (set by TokensService). */
interface TokenSubject {
  personId: string;
  role: string;
  tokenId: string;
  reason: string;
}

export interface Denial {
  status: number;
  code: string;
  door: 'rest' | 'graphql';
  /** `POST /claims/:id/verdicts`-style for REST, the operation's field for GraphQL. */
  action: string;
  /** What it was tried on: the request's path for REST (`/claims/<id>/verdicts`), the `id` argument for GraphQL. */
  target?: string | null;
  principal?: Principal;
  exception: unknown;
}

const logger = new Logger('Audit');

/**
 * One structured line per refused action (401 and 403, both doors), as JSON fields of the log line:
 * the actor (person id and role, from the token's principal or, for an expired or revoked token, from
 * its row), the action, its target, and why. The token itself is never logged, nor its hash.
 */
export function auditDenial(d: Denial): void {
  const subject = (d.exception as { subject?: TokenSubject } | null)?.subject;
  const details = (d.exception as { details?: { permission?: string } } | null)?.details;
  const line = {
    msg: 'access denied',
    audit: 'access.denied',
    actor: {
      personId: d.principal?.id ?? subject?.personId ?? null,
      role: d.principal?.role ?? subject?.role ?? null,
      ...(subject ? { tokenId: subject.tokenId, tokenState: subject.reason } : {}),
    },
    action: d.action,
    target: d.target ?? null,
    status: d.status,
    code: d.code,
    door: d.door,
    ...(details?.permission ? { permission: details.permission } : {}),
    reason: d.exception instanceof Error ? d.exception.message : String(d.exception),
  };
  logger.warn(line);
}
