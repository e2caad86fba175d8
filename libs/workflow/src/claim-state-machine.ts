// The claim state machine: one table, and the only place that decides which status change is legal.
// Services look the rule up here, then apply it (status, event row, capacity) in one transaction.
// The router's SQL takes `fromStatesFor(action)` as a parameter so its WHERE clause cannot drift
// from this table.

import { type ClaimStatus, CLAIM_STATUSES, isClaimStatus } from './claim-status';

export type ClaimAction =
  | 'promote'
  | 'dismiss'
  | 'restore'
  | 'route'
  | 'assign'
  | 'accept'
  | 'decline'
  | 'expire'
  | 'reassign'
  | 'unassign'
  | 'submit'
  | 'approve'
  | 'return'
  | 'reuse';

export const CLAIM_ACTIONS: readonly ClaimAction[] = Object.freeze([
  'promote',
  'dismiss',
  'restore',
  'route',
  'assign',
  'accept',
  'decline',
  'expire',
  'reassign',
  'unassign',
  'submit',
  'approve',
  'return',
  'reuse',
] as const);

/** Who may trigger a transition. Role and ownership checks (assignee, four-eyes) live in services. */
export type Actor = 'system' | 'editor' | 'assignee';

export type EventType =
  | 'claim.created'
  | 'claim.promoted'
  | 'claim.dismissed'
  | 'claim.restored'
  | 'claim.assigned'
  | 'claim.accepted'
  | 'claim.declined'
  | 'claim.expired'
  | 'claim.reassigned'
  | 'claim.unassigned'
  /** Not a status change: an editor set the claim's own priority (versioned and logged alike). */
  | 'claim.reprioritised'
  | 'claim.submitted'
  | 'claim.returned'
  | 'claim.published'
  /** Not a status change: the claim's top matches in the fact-check library were stored. */
  | 'claim.matched'
  /** Published with the verdict of an earlier fact-check (POST /claims/:id/reuse). */
  | 'claim.reused';

export interface TransitionRule {
  action: ClaimAction;
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  actors: readonly Actor[];
  /** The event row written in the same transaction. */
  event: EventType;
  /** The claim's current reviewer gets the claim's cost back (openLoad -= cost). */
  freesCapacity: boolean;
  /** A reviewer (new, or the same one on `return`) is charged the claim's cost (openLoad += cost). */
  takesCapacity: boolean;
}

function rule(r: TransitionRule): TransitionRule {
  return Object.freeze({ ...r, from: Object.freeze([...r.from]), actors: Object.freeze([...r.actors]) });
}

/**
 * THE table. An action may have several rows when its side effects differ by source status (dismiss
 * frees capacity only when a reviewer held the claim); the source sets of one action never overlap,
 * so (status, action) names at most one rule.
 */
// prettier-ignore
export const CLAIM_TRANSITIONS: readonly TransitionRule[] = Object.freeze([
  // Triage by an editor.
  rule({ action: 'promote', from: ['CANDIDATE'], to: 'PENDING', actors: ['editor'], event: 'claim.promoted', freesCapacity: false, takesCapacity: false }),
  rule({ action: 'dismiss', from: ['CANDIDATE', 'PENDING'], to: 'DISMISSED', actors: ['editor'], event: 'claim.dismissed', freesCapacity: false, takesCapacity: false }),
  // Dismissing an assigned claim hands the reviewer their capacity back. IN_REVIEW is not dismissable:
  // the reviewer is working on it; unassign first (DESIGN.md lists CANDIDATE, PENDING, ASSIGNED only).
  rule({ action: 'dismiss', from: ['ASSIGNED'], to: 'DISMISSED', actors: ['editor'], event: 'claim.dismissed', freesCapacity: true, takesCapacity: false }),
  // Restored claims go back to CANDIDATE, not PENDING: an editor then promotes them deliberately.
  rule({ action: 'restore', from: ['DISMISSED'], to: 'CANDIDATE', actors: ['editor'], event: 'claim.restored', freesCapacity: false, takesCapacity: false }),

  // Assignment: by the router or by hand; both are an offer the reviewer still has to accept.
  rule({ action: 'route', from: ['PENDING'], to: 'ASSIGNED', actors: ['system'], event: 'claim.assigned', freesCapacity: false, takesCapacity: true }),
  rule({ action: 'assign', from: ['PENDING'], to: 'ASSIGNED', actors: ['editor'], event: 'claim.assigned', freesCapacity: false, takesCapacity: true }),
  rule({ action: 'accept', from: ['ASSIGNED'], to: 'IN_REVIEW', actors: ['assignee'], event: 'claim.accepted', freesCapacity: false, takesCapacity: false }),

  // Taking a claim back from its reviewer. decline/expire/unassign return it to the router (PENDING);
  // reassign moves it straight to a reviewer the editor names (the old one is freed, the new charged).
  rule({ action: 'decline', from: ['ASSIGNED', 'IN_REVIEW'], to: 'PENDING', actors: ['assignee'], event: 'claim.declined', freesCapacity: true, takesCapacity: false }),
  rule({ action: 'expire', from: ['ASSIGNED', 'IN_REVIEW'], to: 'PENDING', actors: ['system'], event: 'claim.expired', freesCapacity: true, takesCapacity: false }),
  rule({ action: 'reassign', from: ['ASSIGNED', 'IN_REVIEW'], to: 'ASSIGNED', actors: ['editor'], event: 'claim.reassigned', freesCapacity: true, takesCapacity: true }),
  rule({ action: 'unassign', from: ['ASSIGNED', 'IN_REVIEW'], to: 'PENDING', actors: ['editor'], event: 'claim.unassigned', freesCapacity: true, takesCapacity: false }),

  // Verdict. Submitting frees the reviewer at once (their work is done while the editor decides);
  // sending it back charges the same reviewer again because the claim is theirs to revise.
  rule({ action: 'submit', from: ['IN_REVIEW'], to: 'SUBMITTED', actors: ['assignee'], event: 'claim.submitted', freesCapacity: true, takesCapacity: false }),
  rule({ action: 'approve', from: ['SUBMITTED'], to: 'PUBLISHED', actors: ['editor'], event: 'claim.published', freesCapacity: false, takesCapacity: false }),
  rule({ action: 'return', from: ['SUBMITTED'], to: 'IN_REVIEW', actors: ['editor'], event: 'claim.returned', freesCapacity: false, takesCapacity: true }),

  // Already checked: an editor publishes the claim with an earlier fact-check's verdict (issue 18).
  // A reviewer holding it is freed; a submitted verdict is left to approve or return instead.
  rule({ action: 'reuse', from: ['CANDIDATE', 'PENDING'], to: 'PUBLISHED', actors: ['editor'], event: 'claim.reused', freesCapacity: false, takesCapacity: false }),
  rule({ action: 'reuse', from: ['ASSIGNED', 'IN_REVIEW'], to: 'PUBLISHED', actors: ['editor'], event: 'claim.reused', freesCapacity: true, takesCapacity: false }),
]);

// Index built once at load. A second rule for the same (status, action) is a bug in the table, so
// it fails at import time rather than letting the first match win silently.
const RULES = new Map<string, TransitionRule>();
for (const r of CLAIM_TRANSITIONS) {
  for (const from of r.from) {
    const key = `${from}|${r.action}`;
    if (RULES.has(key)) throw new Error(`claim state machine: two rules for ${r.action} from ${from}`);
    RULES.set(key, r);
  }
}
// Source states in the canonical status order, so the router's SQL parameter is stable.
const FROM_STATES = new Map<ClaimAction, readonly ClaimStatus[]>(
  CLAIM_ACTIONS.map((a) => [a, Object.freeze(CLAIM_STATUSES.filter((s) => RULES.has(`${s}|${a}`)))]),
);
// Actions per status in CLAIM_ACTIONS order (what a 409 tells the client it could do instead).
const ACTIONS_FROM = new Map<ClaimStatus, readonly ClaimAction[]>(
  CLAIM_STATUSES.map((s) => [s, Object.freeze(CLAIM_ACTIONS.filter((a) => RULES.has(`${s}|${a}`)))]),
);

/** Refusal of a status change; the API maps it to 409 with the current state and what is allowed. */
export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  readonly current: ClaimStatus;
  readonly action: ClaimAction;
  readonly allowed: ClaimAction[];

  constructor(current: ClaimStatus, action: ClaimAction) {
    const allowed = allowedActions(current);
    super(
      `cannot ${action} a claim that is ${current}` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (no action is allowed)'),
    );
    this.name = 'IllegalTransitionError';
    this.current = current;
    this.action = action;
    this.allowed = allowed;
  }
}

/** The rule for `action` from `from`, or IllegalTransitionError. Unknown inputs are refused too. */
export function transition(from: ClaimStatus, action: ClaimAction): TransitionRule {
  const r = RULES.get(`${from}|${action}`);
  if (!r) throw new IllegalTransitionError(from, action);
  return r;
}

export function canTransition(from: ClaimStatus, action: ClaimAction): boolean {
  return RULES.has(`${from}|${action}`);
}

/** Every status `action` may start from, in CLAIM_STATUSES order; [] for an unknown action. */
export function fromStatesFor(action: ClaimAction): readonly ClaimStatus[] {
  return FROM_STATES.get(action) ?? [];
}

/** Actions legal from `status`, in CLAIM_ACTIONS order (a fresh array: callers may keep or change it). */
export function allowedActions(status: ClaimStatus): ClaimAction[] {
  return isClaimStatus(status) ? [...ACTIONS_FROM.get(status)!] : [];
}

/** Whether `actor` may trigger `rule`. Kept apart from transition(): a wrong actor is a 403, not a 409. */
export function isActorAllowed(rule: TransitionRule, actor: Actor): boolean {
  return rule.actors.includes(actor);
}
