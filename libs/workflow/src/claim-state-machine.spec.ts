import {
  type Actor,
  type ClaimAction,
  type ClaimStatus,
  type EventType,
  CLAIM_ACTIONS,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  IllegalTransitionError,
  allowedActions,
  canTransition,
  fromStatesFor,
  isActorAllowed,
  transition,
} from './index';

// DESIGN.md's table, written out independently of CLAIM_TRANSITIONS so that an edit to the table
// that changes behaviour fails here: [action, from, to, actor, event, frees, takes].
type Row = [ClaimAction, ClaimStatus, ClaimStatus, Actor, EventType, boolean, boolean];
const EXPECTED: Row[] = [
  ['promote', 'CANDIDATE', 'PENDING', 'editor', 'claim.promoted', false, false],
  ['dismiss', 'CANDIDATE', 'DISMISSED', 'editor', 'claim.dismissed', false, false],
  ['dismiss', 'PENDING', 'DISMISSED', 'editor', 'claim.dismissed', false, false],
  ['dismiss', 'ASSIGNED', 'DISMISSED', 'editor', 'claim.dismissed', true, false],
  ['restore', 'DISMISSED', 'CANDIDATE', 'editor', 'claim.restored', false, false],
  ['route', 'PENDING', 'ASSIGNED', 'system', 'claim.assigned', false, true],
  ['assign', 'PENDING', 'ASSIGNED', 'editor', 'claim.assigned', false, true],
  ['accept', 'ASSIGNED', 'IN_REVIEW', 'assignee', 'claim.accepted', false, false],
  ['decline', 'ASSIGNED', 'PENDING', 'assignee', 'claim.declined', true, false],
  ['decline', 'IN_REVIEW', 'PENDING', 'assignee', 'claim.declined', true, false],
  ['expire', 'ASSIGNED', 'PENDING', 'system', 'claim.expired', true, false],
  ['expire', 'IN_REVIEW', 'PENDING', 'system', 'claim.expired', true, false],
  ['reassign', 'ASSIGNED', 'ASSIGNED', 'editor', 'claim.reassigned', true, true],
  ['reassign', 'IN_REVIEW', 'ASSIGNED', 'editor', 'claim.reassigned', true, true],
  ['unassign', 'ASSIGNED', 'PENDING', 'editor', 'claim.unassigned', true, false],
  ['unassign', 'IN_REVIEW', 'PENDING', 'editor', 'claim.unassigned', true, false],
  ['submit', 'IN_REVIEW', 'SUBMITTED', 'assignee', 'claim.submitted', true, false],
  ['approve', 'SUBMITTED', 'PUBLISHED', 'editor', 'claim.published', false, false],
  ['return', 'SUBMITTED', 'IN_REVIEW', 'editor', 'claim.returned', false, true],
  // Issue 18: an editor publishes with an earlier fact-check's verdict; a reviewer holding the claim is freed.
  ['reuse', 'CANDIDATE', 'PUBLISHED', 'editor', 'claim.reused', false, false],
  ['reuse', 'PENDING', 'PUBLISHED', 'editor', 'claim.reused', false, false],
  ['reuse', 'ASSIGNED', 'PUBLISHED', 'editor', 'claim.reused', true, false],
  ['reuse', 'IN_REVIEW', 'PUBLISHED', 'editor', 'claim.reused', true, false],
];
const expected = new Map(EXPECTED.map((r) => [`${r[1]}|${r[0]}`, r]));

const ALL_PAIRS = CLAIM_STATUSES.flatMap((from) => CLAIM_ACTIONS.map((action) => [from, action] as const));
const ALLOWED_PAIRS = ALL_PAIRS.filter(([from, action]) => expected.has(`${from}|${action}`));
const REFUSED_PAIRS = ALL_PAIRS.filter(([from, action]) => !expected.has(`${from}|${action}`));

describe('claim state machine', () => {
  it('covers every status x action pair exactly once between allowed and refused', () => {
    expect(ALL_PAIRS).toHaveLength(7 * 14);
    expect(ALLOWED_PAIRS).toHaveLength(EXPECTED.length);
    expect(ALLOWED_PAIRS.length + REFUSED_PAIRS.length).toBe(ALL_PAIRS.length);
  });

  it('the table holds exactly the transitions of DESIGN.md', () => {
    const fromTable = CLAIM_TRANSITIONS.flatMap((r) =>
      r.from.map((from): Row => [
        r.action,
        from,
        r.to,
        r.actors[0],
        r.event,
        r.freesCapacity,
        r.takesCapacity,
      ]),
    );
    expect(new Set(fromTable.map((r) => JSON.stringify(r)))).toEqual(
      new Set(EXPECTED.map((r) => JSON.stringify(r))),
    );
    for (const r of CLAIM_TRANSITIONS) expect(r.actors).toHaveLength(1);
  });

  it('names at most one rule per (status, action)', () => {
    const keys = CLAIM_TRANSITIONS.flatMap((r) => r.from.map((from) => `${from}|${r.action}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(CLAIM_TRANSITIONS)).toBe(true);
    for (const r of CLAIM_TRANSITIONS) {
      expect(Object.isFrozen(r)).toBe(true);
      expect(Object.isFrozen(r.from)).toBe(true);
    }
  });

  describe.each(ALLOWED_PAIRS)('allows %s -%s->', (from, action) => {
    const [, , to, actor, event, frees, takes] = expected.get(`${from}|${action}`)!;
    it(`to ${to} by ${actor}, writing ${event}`, () => {
      expect(canTransition(from, action)).toBe(true);
      const r = transition(from, action);
      expect(r.action).toBe(action);
      expect(r.from).toContain(from);
      expect(r.to).toBe(to);
      expect(r.event).toBe(event);
      expect(r.freesCapacity).toBe(frees);
      expect(r.takesCapacity).toBe(takes);
      expect(isActorAllowed(r, actor)).toBe(true);
      expect(fromStatesFor(action)).toContain(from);
      expect(allowedActions(from)).toContain(action);
    });
  });

  describe.each(REFUSED_PAIRS)('refuses %s -%s->', (from, action) => {
    it('with IllegalTransitionError naming the current state and what is allowed', () => {
      expect(canTransition(from, action)).toBe(false);
      expect(fromStatesFor(action)).not.toContain(from);
      let error: unknown;
      try {
        transition(from, action);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error).toBeInstanceOf(Error);
      const e = error as IllegalTransitionError;
      expect(e.name).toBe('IllegalTransitionError');
      expect(e.code).toBe('ILLEGAL_TRANSITION');
      expect(e.current).toBe(from);
      expect(e.action).toBe(action);
      expect(e.allowed).toEqual(EXPECTED.filter((r) => r[1] === from).map((r) => r[0]));
      expect(e.allowed).not.toContain(action);
      expect(e.message).toContain(`cannot ${action} a claim that is ${from}`);
    });
  });

  it('lists allowed actions in the 409 message', () => {
    expect(() => transition('PUBLISHED', 'submit')).toThrow(
      'cannot submit a claim that is PUBLISHED (no action is allowed)',
    );
    expect(() => transition('SUBMITTED', 'submit')).toThrow(
      'cannot submit a claim that is SUBMITTED (allowed: approve, return)',
    );
  });

  it('gives fromStatesFor in status order, as the router passes it to SQL', () => {
    expect(fromStatesFor('route')).toEqual(['PENDING']);
    expect(fromStatesFor('dismiss')).toEqual(['CANDIDATE', 'PENDING', 'ASSIGNED']);
    expect(fromStatesFor('expire')).toEqual(['ASSIGNED', 'IN_REVIEW']);
    for (const action of CLAIM_ACTIONS) {
      expect(fromStatesFor(action)).toEqual(CLAIM_STATUSES.filter((s) => expected.has(`${s}|${action}`)));
    }
  });

  it('dismiss frees capacity only when a reviewer held the claim', () => {
    expect(transition('ASSIGNED', 'dismiss').freesCapacity).toBe(true);
    expect(transition('PENDING', 'dismiss').freesCapacity).toBe(false);
    expect(transition('CANDIDATE', 'dismiss').freesCapacity).toBe(false);
  });

  it('refuses actors not named by the rule', () => {
    expect(isActorAllowed(transition('ASSIGNED', 'accept'), 'editor')).toBe(false);
    expect(isActorAllowed(transition('PENDING', 'route'), 'editor')).toBe(false);
    expect(isActorAllowed(transition('SUBMITTED', 'approve'), 'assignee')).toBe(false);
  });

  it('refuses unknown statuses and actions from untrusted input', () => {
    expect(canTransition('ARCHIVED' as ClaimStatus, 'promote')).toBe(false);
    expect(() => transition('ARCHIVED' as ClaimStatus, 'promote')).toThrow(IllegalTransitionError);
    expect(allowedActions('ARCHIVED' as ClaimStatus)).toEqual([]);
    expect(canTransition('PENDING', 'publish' as ClaimAction)).toBe(false);
    expect(fromStatesFor('publish' as ClaimAction)).toEqual([]);
  });

  it('returns copies of allowed actions, so callers cannot corrupt the index', () => {
    allowedActions('PENDING').push('approve');
    expect(canTransition('PENDING', 'approve')).toBe(false);
    expect(allowedActions('PENDING')).not.toContain('approve');
  });

  it('walks the happy path and the take-back loops', () => {
    const walk = (start: ClaimStatus, actions: ClaimAction[]) =>
      actions.reduce<ClaimStatus>((s, a) => transition(s, a).to, start);
    expect(walk('CANDIDATE', ['promote', 'route', 'accept', 'submit', 'approve'])).toBe('PUBLISHED');
    expect(walk('PENDING', ['route', 'decline', 'route', 'expire', 'assign', 'reassign', 'accept'])).toBe(
      'IN_REVIEW',
    );
    expect(walk('PENDING', ['route', 'accept', 'submit', 'return', 'submit', 'approve'])).toBe('PUBLISHED');
    expect(walk('PENDING', ['dismiss', 'restore', 'promote'])).toBe('PENDING');
  });
});
