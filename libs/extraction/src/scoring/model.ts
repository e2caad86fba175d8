// The check-worthiness model: logistic regression over the hand features and (optionally) word
// n-grams, weights read from a versioned JSON file (its provenance and ../../README.md say how it was fitted).
import { FEATURE_SPECS, analyseSentence, analysisNgrams, ngramValue, type SentenceAnalysis } from './features';
import type { ScoreFeature } from '../types';
import bundled from '../model/checkworthiness.v5.json';

export interface CheckworthinessModel {
  version: string;
  /** Score at or above which a claim is check-worthy (chosen on a dev split; see provenance). */
  threshold: number;
  bias: number;
  /** Hand-feature weights by FeatureSpec.name. */
  features: Record<string, number>;
  /** Word n-gram weights ("tax", "per cent"); numbers appear as "<num>". */
  ngrams: Record<string, number>;
  /** True when capitalised words were folded to "<name>" in training (see ngrams in features.ts). */
  foldNames?: boolean;
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

// Weights as a Map, built once per model object (a 5,000-key object lookup is slower).
const ngramMaps = new WeakMap<CheckworthinessModel, Map<string, number>>();
function ngramMap(model: CheckworthinessModel): Map<string, number> {
  let m = ngramMaps.get(model);
  if (!m) {
    m = new Map(Object.entries(model.ngrams));
    ngramMaps.set(model, m);
  }
  return m;
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
  const weights = ngramMap(model);
  const hits: Array<[string, number]> = [];
  const grams = analysisNgrams(a, model.foldNames === true);
  const value = ngramValue(grams.length);
  for (const g of grams) {
    const weight = weights.get(g);
    if (weight === undefined) continue;
    z += weight * value;
    hits.push([g, weight]);
  }
  hits.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  for (let k = 0; k < Math.min(hits.length, MAX_LISTED_NGRAMS); k++) {
    const [g, weight] = hits[k];
    fired.push({ name: `ngram:${g}`, label: `uses the words "${g}"`, value, weight, contribution: weight * value });
  }
  if (hits.length > MAX_LISTED_NGRAMS) {
    let rest = 0;
    for (let k = MAX_LISTED_NGRAMS; k < hits.length; k++) rest += hits[k][1] * value;
    if (rest !== 0) {
      fired.push({ name: 'ngram:other', label: `${hits.length - MAX_LISTED_NGRAMS} other word patterns`, value: 1, weight: rest, contribution: rest });
    }
  }
  fired.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  return { score: sigmoid(z), features: fired };
}

/** Scores a sentence given as plain text (the working copy's folding is applied by the caller). */
export function scoreText(normalisedSentence: string, model: CheckworthinessModel = BUNDLED_MODEL): ScoreResult {
  return scoreAnalysis(analyseSentence(normalisedSentence), model);
}

/** "number + past event + attributed": the strongest hand features that pushed the score up. */
const SHORT_OF = new Map(FEATURE_SPECS.map((f) => [f.name, f.short]));

export function reasonFor(features: ScoreFeature[]): string {
  const shortOf = SHORT_OF;
  const up = features.filter((f) => f.contribution > 0 && shortOf.has(f.name)).slice(0, 3).map((f) => shortOf.get(f.name)!);
  const down = features.filter((f) => f.contribution < 0 && shortOf.has(f.name)).slice(0, 2).map((f) => shortOf.get(f.name)!);
  const words = features.filter((f) => f.name.startsWith('ngram:') && f.name !== 'ngram:other').slice(0, 1);
  let reason = up.join(' + ');
  if (!reason && words.length) reason = `wording (${words[0].name.slice(6)})`;
  if (down.length) reason = reason ? `${reason}; against: ${down.join(', ')}` : `against: ${down.join(', ')}`;
  return reason || 'no strong signal';
}
