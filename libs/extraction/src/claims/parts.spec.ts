import { atomicParts } from './parts';

describe('atomic parts of compound sentences', () => {
  it('splits "X denied a report that Y" into the denial and the reported claim', () => {
    expect(atomicParts('an AP report that he met secretly with a US intermediary.', 'Diosdado Cabello', 'denied')).toEqual([
      'Diosdado Cabello denied an AP report.',
      'He met secretly with a US intermediary.',
    ]);
  });

  it('splits a non-restrictive relative clause about a named person', () => {
    expect(atomicParts('The US later lifted sanctions for Figuera, who is currently in the US offering details.', null, null)).toEqual([
      'The US later lifted sanctions for Figuera.',
      'Figuera is currently in the US offering details.',
    ]);
  });

  it('splits ", but" coordination of two clauses', () => {
    expect(atomicParts('Norwegian tankers supplied 30 pct of its imports, but the trade has dropped to one cargo.', null, null)).toEqual([
      'Norwegian tankers supplied 30 pct of its imports.',
      'The trade has dropped to one cargo.',
    ]);
  });

  it('returns [] for a single claim', () => {
    expect(atomicParts('Maduro decided not to send his delegation.', null, null)).toEqual([]);
  });
});
