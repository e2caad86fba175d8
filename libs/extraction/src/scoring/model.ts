// The check-worthiness model: logistic regression over the hand features and (optionally) word
// n-grams, weights read from a versioned JSON file (see model/README.md for how it was fitted).
import { FEATURE_SPECS, analyseSentence, ngrams, type SentenceAnalysis } from './features';
import type { ScoreFeature } from '../types';
import bundled from '../model/checkworthiness.v1.json';

export interface CheckworthinessModel {
  version: string;
  /** Score at or above which a claim is check-worthy (chosen on a dev split; see provenance). */
  threshold: number;
  bias: number;
  /** Hand-feature weights by FeatureSpec.name. */
  features: Record<string, number>;
  /** Word n-gram weights ("tax", "per cent"); numbers appear as "<num>". */
  ngrams: Record<string, number>;
  provenance: Record<string, unknown>;
}

export const BUNDLED_MODEL: CheckworthinessModel = bundled as CheckworthinessModel;

// N-gram features are many and individually weak: list the strongest few, fold the rest.
const MAX_LISTED_NGRAMS = 6;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export interface ScoreResult {
  score: number;
  features: ScoreFeature[];
}

export function scoreAnalysis(a: SentenceAnalysis, model: CheckworthinessModel = BUNDLED_MODEL): ScoreResult {
  let z = model.bias;
  const fired: ScoreFeature[] = [];
  for (let i = 0; i < FEATURE_SPECS.length; i++) {
    const value = a.values[i];
    if (value === 0) continue;
    const spec = FEATURE_SPECS[i];
    const weight = model.features[spec.name] ?? 0;
    const contribution = value * weight;
    z += contribution;
    if (weight !== 0) fired.push({ name: spec.name, label: spec.label, value, weight, contribution });
  }
  const grams: ScoreFeature[] = [];
  for (const g of ngrams(a.words)) {
    const weight = model.ngrams[g];
    if (weight === undefined) continue;
    z += weight;
    grams.push({ name: `ngram:${g}`, label: `uses the words "${g}"`, value: 1, weight, contribution: weight });
  }
  grams.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  fired.push(...grams.slice(0, MAX_LISTED_NGRAMS));
  const rest = grams.slice(MAX_LISTED_NGRAMS).reduce((sum, g) => sum + g.contribution, 0);
  if (grams.length > MAX_LISTED_NGRAMS && rest !== 0) {
    fired.push({ name: 'ngram:other', label: `${grams.length - MAX_LISTED_NGRAMS} other word patterns`, value: 1, weight: rest, contribution: rest });
  }
  fired.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  return { score: sigmoid(z), features: fired };
}

/** Scores a sentence given as plain text (the working copy's folding is applied by the caller). */
export function scoreText(normalisedSentence: string, attributed?: boolean, model: CheckworthinessModel = BUNDLED_MODEL): ScoreResult {
  return scoreAnalysis(analyseSentence(normalisedSentence, attributed), model);
}

/** "number + past event + attributed": the strongest hand features that pushed the score up. */
export function reasonFor(features: ScoreFeature[]): string {
  const shortOf = new Map(FEATURE_SPECS.map((f) => [f.name, f.short]));
  const up = features.filter((f) => f.contribution > 0 && shortOf.has(f.name)).slice(0, 3).map((f) => shortOf.get(f.name)!);
  const down = features.filter((f) => f.contribution < 0 && shortOf.has(f.name)).slice(0, 2).map((f) => shortOf.get(f.name)!);
  const words = features.filter((f) => f.name.startsWith('ngram:') && f.name !== 'ngram:other').slice(0, 1);
  let reason = up.join(' + ');
  if (!reason && words.length) reason = `wording (${words[0].name.slice(6)})`;
  if (down.length) reason = reason ? `${reason}; against: ${down.join(', ')}` : `against: ${down.join(', ')}`;
  return reason || 'no strong signal';
}
