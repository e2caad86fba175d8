import {
  type ReviewerCandidate,
  type RoutableClaim,
  PRIORITY_COST,
  chooseReviewer,
  conflictTerms,
  entityNames,
  ineligibility,
  rankReviewers,
} from './index';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function reviewer(id: string, overrides: Partial<ReviewerCandidate> = {}): ReviewerCandidate {
  return {
    id,
    name: `Reviewer ${id}`,
    active: true,
    role: 'REVIEWER',
    languages: ['en'],
    topics: [],
    capacity: 5,
    openLoad: 0,
    availableFrom: null,
    availableUntil: null,
    conflicts: [],
    lastAssignedAt: null,
    ...overrides,
  };
}

function claim(overrides: Partial<RoutableClaim> = {}): RoutableClaim {
  return {
    id: 'c1',
    language: 'en',
    topics: ['politics'],
    speaker: 'Nicolás Maduro',
    entities: ['Venezuela', 'United States'],
    outlet: 'Daily Planet',
    cost: PRIORITY_COST.NORMAL,
    excludedReviewerIds: [],
    ...overrides,
  };
}

/** Routes to a single candidate and returns why it was rejected (or fails if it was chosen). */
function rejectionOf(r: ReviewerCandidate, c: RoutableClaim = claim()): string {
  const choice = chooseReviewer(c, [r], NOW);
  if (choice.reviewer !== null) throw new Error(`expected ${r.id} to be rejected, got "${choice.reason}"`);
  expect(choice.reason).toBe('no eligible reviewer among 1 candidate');
  expect(choice.rejected).toHaveLength(1);
  expect(choice.rejected[0].id).toBe(r.id);
  return choice.rejected[0].why;
}

function chosen(c: RoutableClaim, candidates: ReviewerCandidate[]): { id: string; reason: string } {
  const choice = chooseReviewer(c, candidates, NOW);
  if (choice.reviewer === null) throw new Error(`expected a reviewer, got "${choice.reason}"`);
  return { id: choice.reviewer.id, reason: choice.reason };
}

describe('routing policy: eligibility', () => {
  it('chooses a reviewer who passes every rule', () => {
    expect(chosen(claim(), [reviewer('a', { topics: ['politics'] })])).toEqual({
      id: 'a',
      reason: 'topic politics; load 0/5',
    });
  });

  it('rejects an inactive reviewer', () => {
    expect(rejectionOf(reviewer('a', { active: false }))).toBe('inactive');
  });

  it('rejects anyone whose role is not REVIEWER', () => {
    expect(rejectionOf(reviewer('a', { role: 'EDITOR' }))).toBe('role EDITOR, not REVIEWER');
  });

  describe('availability window (start inclusive, end exclusive)', () => {
    it('rejects a reviewer whose window has not started', () => {
      expect(rejectionOf(reviewer('a', { availableFrom: minutes(1) }))).toBe(
        'unavailable until 2026-03-01T10:01:00.000Z',
      );
    });
    it('rejects a reviewer whose window has ended, including at its exact end', () => {
      expect(rejectionOf(reviewer('a', { availableUntil: minutes(-1) }))).toBe(
        'unavailable since 2026-03-01T09:59:00.000Z',
      );
      expect(rejectionOf(reviewer('a', { availableUntil: NOW }))).toBe(
        'unavailable since 2026-03-01T10:00:00.000Z',
      );
    });
    it('accepts a reviewer inside the window, including at its exact start', () => {
      expect(chosen(claim(), [reviewer('a', { availableFrom: NOW, availableUntil: minutes(1) })]).id).toBe(
        'a',
      );
      expect(chosen(claim(), [reviewer('b', { availableFrom: minutes(-60) })]).id).toBe('b');
    });
  });

  describe('language', () => {
    it("rejects a reviewer who does not speak the claim's language", () => {
      expect(rejectionOf(reviewer('a', { languages: ['en', 'pt'] }), claim({ language: 'es' }))).toBe(
        'does not speak es',
      );
    });
    it('matches languages regardless of case and surrounding space', () => {
      expect(chosen(claim({ language: 'ES' }), [reviewer('a', { languages: [' es '] })]).id).toBe('a');
    });
  });

  describe('capacity, weighted by priority', () => {
    it('accepts a claim that exactly fills the reviewer', () => {
      expect(chosen(claim(), [reviewer('a', { openLoad: 4, capacity: 5 })]).reason).toBe(
        'no topic match; load 4/5',
      );
      expect(
        chosen(claim({ cost: PRIORITY_COST.BREAKING }), [reviewer('b', { openLoad: 3, capacity: 5 })]).id,
      ).toBe('b');
    });
    it('rejects a claim that would overfill the reviewer', () => {
      expect(rejectionOf(reviewer('a', { openLoad: 5, capacity: 5 }))).toBe(
        'no capacity: load 5 + cost 1 > 5',
      );
      expect(
        rejectionOf(reviewer('a', { openLoad: 4, capacity: 5 }), claim({ cost: PRIORITY_COST.BREAKING })),
      ).toBe('no capacity: load 4 + cost 2 > 5');
    });
    it('lets an editor waive capacity, and nothing else, with force', () => {
      const full = reviewer('a', { openLoad: 5, capacity: 5 });
      expect(ineligibility(claim(), full, NOW, { overCapacity: true })).toEqual([]);
      expect(ineligibility(claim(), { ...full, active: false }, NOW, { overCapacity: true })).toEqual(['inactive']);
      expect(ineligibility(claim(), full, NOW)).toEqual(['no capacity: load 5 + cost 1 > 5']);
    });
    it('never routes to a reviewer with zero capacity', () => {
      expect(rejectionOf(reviewer('a', { capacity: 0 }))).toBe('no capacity: load 0 + cost 1 > 0');
    });
  });

  describe('conflicts of interest (case-insensitive, exact term)', () => {
    it('rejects a conflict with the speaker', () => {
      expect(rejectionOf(reviewer('a', { conflicts: ['nicolás maduro'] }))).toBe(
        'conflict with speaker Nicolás Maduro',
      );
    });
    it('rejects a conflict with any entity', () => {
      expect(rejectionOf(reviewer('a', { conflicts: ['UNITED STATES'] }))).toBe(
        'conflict with entity United States',
      );
    });
    it('rejects a conflict with the outlet', () => {
      expect(rejectionOf(reviewer('a', { conflicts: [' Daily Planet '] }))).toBe(
        'conflict with outlet Daily Planet',
      );
    });
    it('does not match parts of names', () => {
      expect(chosen(claim(), [reviewer('a', { conflicts: ['Maduro', 'United', 'Planet'] })]).id).toBe('a');
    });
    it('reads conflict names from the stored entities JSON (people, organisations, places)', () => {
      const stored = {
        people: ['Delcy Rodríguez'],
        organisations: ['PDVSA'],
        places: ['Caracas'],
        dates: [{ text: 'Caracas', iso: null }],
        numbers: [],
      };
      expect(entityNames(stored)).toEqual(['Delcy Rodríguez', 'PDVSA', 'Caracas']);
      const c = claim({ speaker: null, outlet: null, entities: entityNames(stored) });
      expect(rejectionOf(reviewer('a', { conflicts: ['pdvsa'] }), c)).toBe('conflict with entity PDVSA');
      expect(rejectionOf(reviewer('a', { conflicts: ['  caracas'] }), c)).toBe('conflict with entity Caracas');
      expect(rejectionOf(reviewer('a', { conflicts: ['DELCY RODRÍGUEZ'] }), c)).toBe(
        'conflict with entity Delcy Rodríguez',
      );
    });
    it('ignores malformed entities JSON rather than failing the route', () => {
      expect(entityNames(null)).toEqual([]);
      expect(entityNames(['Caracas'])).toEqual([]);
      expect(entityNames({ people: 'Maduro', places: [3, 'Caracas', null] })).toEqual(['Caracas']);
    });
    it('copes with a claim without speaker or outlet, and ignores blank conflicts', () => {
      const c = claim({ speaker: null, outlet: null, entities: [''] });
      expect(chosen(c, [reviewer('a', { conflicts: ['', '  '] })]).id).toBe('a');
      expect(conflictTerms(c)).toEqual([]);
    });
  });

  it('rejects a reviewer who declined this claim or let it expire', () => {
    expect(rejectionOf(reviewer('a'), claim({ excludedReviewerIds: ['z', 'a'] }))).toBe(
      'declined this claim or let it expire before',
    );
  });

  it("rejects the author of the claim's current verdict, and only them", () => {
    expect(rejectionOf(reviewer('a'), claim({ verdictAuthorId: 'a' }))).toBe("wrote the claim's current verdict");
    expect(chosen(claim({ verdictAuthorId: 'a' }), [reviewer('a'), reviewer('b')]).id).toBe('b');
    expect(chosen(claim({ verdictAuthorId: null }), [reviewer('a')]).id).toBe('a');
  });

  it('lists every failed rule, not only the first', () => {
    expect(
      rejectionOf(
        reviewer('a', { active: false, languages: ['fr'], openLoad: 5, conflicts: ['Venezuela'] }),
        claim({ excludedReviewerIds: ['a'], verdictAuthorId: 'a' }),
      ),
    ).toBe(
      'inactive; does not speak en; no capacity: load 5 + cost 1 > 5; conflict with entity Venezuela; ' +
        "declined this claim or let it expire before; wrote the claim's current verdict",
    );
  });

  it('explains an empty desk', () => {
    expect(chooseReviewer(claim(), [], NOW)).toEqual({
      reviewer: null,
      reason: 'no reviewers to choose from',
      rejected: [],
    });
  });

  it('explains why nobody qualified, candidate by candidate', () => {
    expect(
      chooseReviewer(claim(), [reviewer('a', { active: false }), reviewer('b', { languages: ['de'] })], NOW),
    ).toEqual({
      reviewer: null,
      reason: 'no eligible reviewer among 2 candidates',
      rejected: [
        { id: 'a', why: 'inactive' },
        { id: 'b', why: 'does not speak en' },
      ],
    });
  });

  it('picks the eligible one over better-looking ineligible ones', () => {
    const result = chosen(claim(), [
      reviewer('a', { topics: ['politics'], conflicts: ['Venezuela'] }),
      reviewer('b', { openLoad: 3 }),
    ]);
    expect(result).toEqual({ id: 'b', reason: 'no topic match; load 3/5' });
  });
});

describe('routing policy: preference', () => {
  it('prefers more topic matches over lower load', () => {
    const c = claim({ topics: ['politics', 'economy', 'migration'] });
    const result = chosen(c, [
      reviewer('none', { topics: ['sport'] }),
      reviewer('one', { topics: ['politics'], openLoad: 1 }),
      reviewer('two', { topics: ['Economy', 'politics'], openLoad: 3 }),
    ]);
    expect(result).toEqual({ id: 'two', reason: 'topics economy, politics; load 3/5' });
  });

  it('counts a topic once however spelled or repeated, reporting it normalised and sorted', () => {
    const c = claim({ topics: ['Politics', 'politics ', 'economy'] });
    const result = chosen(c, [
      reviewer('dup', { topics: ['politics', 'POLITICS'], openLoad: 0 }),
      reviewer('two', { topics: ['politics', 'economy'], openLoad: 2 }),
    ]);
    expect(result).toEqual({ id: 'two', reason: 'topics economy, politics; load 2/5' });
    expect(chosen(c, [reviewer('dup', { topics: ['politics', 'POLITICS'] })]).reason).toBe(
      'topic politics; load 0/5',
    );
  });

  it('then prefers the lowest load relative to capacity', () => {
    const result = chosen(claim({ topics: [] }), [
      reviewer('a', { openLoad: 1, capacity: 3 }), // 0.33
      reviewer('b', { openLoad: 2, capacity: 10 }), // 0.2
      reviewer('c', { openLoad: 1, capacity: 4 }), // 0.25
    ]);
    expect(result).toEqual({ id: 'b', reason: 'no topic match; load 2/10' });
  });

  it('then prefers the least recently assigned, never-assigned first', () => {
    const c = claim();
    const base = { topics: ['politics'], openLoad: 1, capacity: 5 };
    const older = reviewer('older', { ...base, lastAssignedAt: minutes(-120) });
    const newer = reviewer('newer', { ...base, lastAssignedAt: minutes(-5) });
    const never = reviewer('never', { ...base, openLoad: 2, capacity: 10, lastAssignedAt: null }); // same ratio
    expect(chosen(c, [newer, older]).id).toBe('older');
    expect(chosen(c, [newer, older, never])).toEqual({ id: 'never', reason: 'topic politics; load 2/10' });
  });

  it('finally breaks ties by id, whatever the input order', () => {
    const twins = ['b7', 'a3', 'c1'].map((id) => reviewer(id, { topics: ['politics'] }));
    expect(chosen(claim(), twins).id).toBe('a3');
    expect(chosen(claim(), [...twins].reverse()).id).toBe('a3');
  });

  it('ranks every eligible reviewer in preference order', () => {
    const { ranked, rejected } = rankReviewers(
      claim({ topics: ['politics'] }),
      [
        reviewer('low-load', { openLoad: 0 }),
        reviewer('topic', { topics: ['politics'], openLoad: 4 }),
        reviewer('busy', { openLoad: 5 }),
        reviewer('recent', { openLoad: 0, lastAssignedAt: minutes(-1) }),
      ],
      NOW,
    );
    expect(ranked.map((r) => [r.reviewer.id, r.reason])).toEqual([
      ['topic', 'topic politics; load 4/5'],
      ['low-load', 'no topic match; load 0/5'],
      ['recent', 'no topic match; load 0/5'],
    ]);
    expect(rejected).toEqual([{ id: 'busy', why: 'no capacity: load 5 + cost 1 > 5' }]);
  });

  it('spreads equal reviewers evenly when applied repeatedly (as the router does)', () => {
    const desk = ['r1', 'r2', 'r3'].map((id) => reviewer(id, { capacity: 4 }));
    for (let i = 0; i < 9; i++) {
      const choice = chooseReviewer(claim({ id: `c${i}` }), desk, minutes(i));
      if (choice.reviewer === null) throw new Error(choice.reason);
      choice.reviewer.openLoad += 1;
      choice.reviewer.lastAssignedAt = minutes(i);
    }
    expect(desk.map((r) => r.openLoad)).toEqual([3, 3, 3]);
  });
});
