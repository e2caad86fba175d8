import { MATCH_FEATURES, type MatchFeatureVector } from './match-features';
import { matchScore } from './matcher-model';
import { rankingMetrics, trainMatcher, DEFAULT_MATCHER_TRAIN_OPTIONS } from './train-matcher';

const vector = (overrides: Partial<MatchFeatureVector>): MatchFeatureVector =>
  ({ ...Object.fromEntries(MATCH_FEATURES.map((f) => [f, 0])), ...overrides }) as MatchFeatureVector;

describe('rankingMetrics', () => {
  it('computes MAP@5, R@1 and R@5 as the CheckThat! lab does, a miss counting 0', () => {
    const m = rankingMetrics([
      { ranked: ['a', 'b'], relevant: new Set(['a']) },
      { ranked: ['x', 'y', 'b'], relevant: new Set(['b']) },
      { ranked: ['x', 'y', 'z', 'w', 'v', 'b'], relevant: new Set(['b']) },
      { ranked: ['b', 'x', 'c'], relevant: new Set(['b', 'c']) },
    ]);
    expect(m.map5).toBeCloseTo((1 + 1 / 3 + 0 + (1 + 2 / 3) / 2) / 4, 10);
    expect(m.r1).toBeCloseTo((1 + 0 + 0 + 0.5) / 4, 10);
    expect(m.r5).toBeCloseTo((1 + 1 + 0 + 1) / 4, 10);
  });
});

describe('trainMatcher', () => {
  it('learns to put the candidate with more coverage first, pairwise and pointwise', () => {
    const queries = Array.from({ length: 40 }, (_, i) => ({
      features: [vector({ query_coverage: 0.2 + (i % 5) * 0.01, ts_rank: 1 }), vector({ query_coverage: 0.8, ts_rank: 0.5 }), vector({ query_coverage: 0.1, ts_rank: 0.7 })],
      relevant: [false, true, false],
    }));
    for (const pairwise of [true, false]) {
      const model = trainMatcher(queries, { ...DEFAULT_MATCHER_TRAIN_OPTIONS, pairwise, epochs: 200 }, 3, 'test');
      expect(model.weights.query_coverage).toBeGreaterThan(0);
      const scores = queries[0].features.map((f) => matchScore(model, f));
      expect(scores[1]).toBeGreaterThan(Math.max(scores[0], scores[2]));
      // Platt-scaled: the relevant candidate reads as likely, the others as unlikely.
      expect(scores[1]).toBeGreaterThan(0.5);
      expect(scores[2]).toBeLessThan(0.5);
    }
  });
});
