import bundled from '../model/matcher.v1.json';
import { MATCH_FEATURES, MatchFeatureName, MatchFeatureVector } from './match-features';

/** A linear re-ranker over standardised features; score = sigmoid(bias + sum w * (x - mean) / scale). */
export interface MatcherModel {
  version: string;
  /** Candidates the Postgres stage hands to the re-ranker. */
  candidates: number;
  bias: number;
  weights: Partial<Record<MatchFeatureName, number>>;
  mean: Partial<Record<MatchFeatureName, number>>;
  scale: Partial<Record<MatchFeatureName, number>>;
  provenance?: unknown;
}

export const BUNDLED_MATCHER_MODEL = bundled as MatcherModel;

export function matchScore(model: MatcherModel, v: MatchFeatureVector): number {
  let z = model.bias;
  for (const name of MATCH_FEATURES) {
    const w = model.weights[name];
    if (!w) continue;
    z += (w * (v[name] - (model.mean[name] ?? 0))) / (model.scale[name] ?? 1);
  }
  return 1 / (1 + Math.exp(-z));
}

/** The features that pushed this pair's score up most, for a reviewer to see why it matched. */
export function matchReasons(model: MatcherModel, v: MatchFeatureVector, top = 4): Array<{ feature: MatchFeatureName; value: number; contribution: number }> {
  return MATCH_FEATURES.map((name) => ({
    feature: name,
    value: Math.round(v[name] * 1000) / 1000,
    contribution: Math.round((((model.weights[name] ?? 0) * (v[name] - (model.mean[name] ?? 0))) / (model.scale[name] ?? 1)) * 1000) / 1000,
  }))
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, top);
}
