import {
  type StatusCounts,
  articleProgress,
  emptyStatusCounts,
  isArticleComplete,
  statusCountsFrom,
} from './index';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ ...emptyStatusCounts(), ...partial });

describe('article progress', () => {
  it('is 1 for an article with no claims, or only candidates', () => {
    expect(articleProgress(emptyStatusCounts())).toBe(1);
    expect(articleProgress(counts({ CANDIDATE: 4 }))).toBe(1);
  });

  it('is the share of workflow claims that are published or dismissed, ignoring candidates', () => {
    expect(articleProgress(counts({ CANDIDATE: 10, PENDING: 3, PUBLISHED: 1 }))).toBe(0.25);
    expect(
      articleProgress(
        counts({ PENDING: 1, ASSIGNED: 1, IN_REVIEW: 1, SUBMITTED: 1, PUBLISHED: 2, DISMISSED: 2 }),
      ),
    ).toBe(0.5);
    expect(articleProgress(counts({ PUBLISHED: 3, DISMISSED: 1, CANDIDATE: 2 }))).toBe(1);
    expect(articleProgress(counts({ SUBMITTED: 2 }))).toBe(0);
  });

  it('treats missing keys (partial GROUP BY rows) as zero', () => {
    expect(articleProgress({ PUBLISHED: 1, PENDING: 1 } as StatusCounts)).toBe(0.5);
    expect(isArticleComplete({ PUBLISHED: 1 } as StatusCounts)).toBe(true);
  });

  it('builds counts from GROUP BY rows', () => {
    expect(
      statusCountsFrom([
        { status: 'PENDING', count: 2 },
        { status: 'PUBLISHED', count: BigInt(1) },
      ]),
    ).toEqual(counts({ PENDING: 2, PUBLISHED: 1 }));
  });
});

describe('article completion', () => {
  it('is complete when nothing is in the workflow', () => {
    expect(isArticleComplete(emptyStatusCounts())).toBe(true);
    expect(isArticleComplete(counts({ CANDIDATE: 5, PUBLISHED: 2, DISMISSED: 1 }))).toBe(true);
  });

  it.each(['PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED'] as const)('is open while a claim is %s', (s) => {
    expect(isArticleComplete(counts({ PUBLISHED: 9, [s]: 1 }))).toBe(false);
  });
});
