// Fits the check-worthiness logistic regression: hand features plus word n-grams seen at least
// `minCount` times, L2-regularised (n-grams more strongly than the hand features, so that the
// documented features keep carrying the score on prose unlike the training set), full-batch Adam.
import { FEATURE_SPECS, analyseSentence, analysisNgrams, ngramValue, type SentenceContext } from './features';
import type { CheckworthinessModel } from './model';
import { normalize } from '../text/normalize';

/**
 * Hand-set weights for features that never occur in debate transcripts, so that no fit on them can
 * learn a weight. They stay fixed through training and are recorded in the model's provenance.
 *   reporting_meta: "He gave no further details", "declined to comment": a statement about the
 *   reporting itself, which a fact-checker has nothing to check in.
 */
export const FIXED_PRIORS: Record<string, number> = { reporting_meta: -3 };

export interface TrainOptions {
  minCount: number;
  l2Features: number;
  l2Ngrams: number;
  epochs: number;
  learningRate: number;
  /** Drop n-gram weights smaller than this from the saved file. */
  prune: number;
  useNgrams: boolean;
  /** Keep word bigrams as well as unigrams (false: unigrams only, fewer memorisable features). */
  bigrams: boolean;
  /** Loss weight of a positive example relative to a negative one (class weighting). */
  positiveWeight: number;
  /** Fold capitalised words to "<name>" in the n-grams (see ngrams in features.ts). */
  foldNames: boolean;
  /** More hand-set weights, on top of FIXED_PRIORS (train:scorer --fixed name=weight). */
  fixedPriors?: Record<string, number>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  minCount: 3,
  l2Features: 1e-4,
  l2Ngrams: 1e-4,
  epochs: 400,
  learningRate: 0.05,
  prune: 0.1,
  useNgrams: true,
  bigrams: true,
  positiveWeight: 1,
  foldNames: false,
};

interface Example {
  dense: Float64Array;
  grams: number[];
  /** Value of each n-gram feature in this sentence (length-normalised). */
  gv: number;
  y: number;
  /** Loss weight: class weight times the row's own weight. */
  lw: number;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A sentence as the trainer sees it: hand-feature values and its n-grams (see features.ts). */
export interface Featurised {
  dense: Float64Array;
  grams: string[];
  /** Loss weight of the row (1 when absent): a desk's own news labels can count for more. */
  weight?: number;
}

export function featurise(texts: string[], foldNames = false): Featurised[] {
  return texts.map((t) => featuriseOne(t, undefined, foldNames));
}

/** A sentence with where it sits in its article (the lede), as extractClaims sees it. */
export function featuriseOne(text: string, context: SentenceContext | undefined, foldNames = false, weight?: number): Featurised {
  const a = analyseSentence(normalize(text).text, undefined, context);
  return { dense: a.values, grams: analysisNgrams(a, foldNames), ...(weight !== undefined ? { weight } : {}) };
}

export type FittedWeights = Omit<CheckworthinessModel, 'version' | 'threshold' | 'provenance'>;

export function trainModel(texts: string[], labels: boolean[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): FittedWeights {
  return fitFeaturised(featurise(texts, opts.foldNames), labels, opts);
}

/** Fits on already featurised sentences (cross-validation featurises once and fits many times). */
export function fitFeaturised(feats: Featurised[], labels: boolean[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): FittedWeights {
  const counts = new Map<string, number>();
  if (opts.useNgrams) {
    for (const f of feats) {
      for (const g of f.grams) if (opts.bigrams || !g.includes(' ')) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  const vocab = [...counts.entries()].filter(([, c]) => c >= opts.minCount).map(([g]) => g).sort();
  const index = new Map(vocab.map((g, i) => [g, i]));
  const examples: Example[] = feats.map((f, i) => ({
    dense: f.dense,
    grams: f.grams.map((g) => index.get(g)).filter((x): x is number => x !== undefined),
    // The value is fixed by the sentence's full n-gram count, exactly as scoreAnalysis computes it.
    gv: ngramValue(f.grams.length),
    y: labels[i] ? 1 : 0,
    lw: (labels[i] ? opts.positiveWeight : 1) * (f.weight ?? 1),
  }));
  const D = FEATURE_SPECS.length;
  const V = vocab.length;
  // Parameter layout: [bias, dense..., ngrams...].
  const P = 1 + D + V;
  const w = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const g = new Float64Array(P);
  let totalWeight = 0;
  for (const ex of examples) totalWeight += ex.lw;
  const fixed = new Uint8Array(P);
  const priors = { ...FIXED_PRIORS, ...opts.fixedPriors };
  FEATURE_SPECS.forEach((f, d) => {
    if (priors[f.name] !== undefined) {
      w[1 + d] = priors[f.name];
      fixed[1 + d] = 1;
    }
  });
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    g.fill(0);
    for (const ex of examples) {
      let z = w[0];
      for (let d = 0; d < D; d++) z += w[1 + d] * ex.dense[d];
      for (const k of ex.grams) z += w[1 + D + k] * ex.gv;
      const err = (sigmoid(z) - ex.y) * ex.lw;
      g[0] += err;
      for (let d = 0; d < D; d++) g[1 + d] += err * ex.dense[d];
      for (const k of ex.grams) g[1 + D + k] += err * ex.gv;
    }
    for (let p = 0; p < P; p++) {
      if (fixed[p]) continue;
      let grad = g[p] / totalWeight;
      if (p > 0) grad += (p <= D ? opts.l2Features : opts.l2Ngrams) * w[p];
      m[p] = b1 * m[p] + (1 - b1) * grad;
      v[p] = b2 * v[p] + (1 - b2) * grad * grad;
      const mh = m[p] / (1 - Math.pow(b1, epoch));
      const vh = v[p] / (1 - Math.pow(b2, epoch));
      w[p] -= (opts.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const features: Record<string, number> = {};
  FEATURE_SPECS.forEach((f, d) => (features[f.name] = round(w[1 + d])));
  const grams: Record<string, number> = {};
  vocab.forEach((gram, k) => {
    const weight = w[1 + D + k];
    if (Math.abs(weight) >= opts.prune) grams[gram] = round(weight);
  });
  return { bias: round(w[0]), features, ngrams: grams, ...(opts.foldNames ? { foldNames: true } : {}) };
}

/** Scores texts with a (possibly unsaved) model, exactly as scoreAnalysis would. */
export function predictAll(model: FittedWeights, texts: string[]): number[] {
  return predictFeaturised(model, featurise(texts, model.foldNames === true));
}

export function predictFeaturised(model: FittedWeights, feats: Featurised[]): number[] {
  // A Map, not the object: a word such as "constructor" must not hit Object.prototype.
  const weights = new Map(Object.entries(model.ngrams));
  return feats.map((f) => {
    let z = model.bias;
    FEATURE_SPECS.forEach((spec, d) => (z += (model.features[spec.name] ?? 0) * f.dense[d]));
    const gv = ngramValue(f.grams.length);
    for (const gram of f.grams) z += (weights.get(gram) ?? 0) * gv;
    return sigmoid(z);
  });
}
