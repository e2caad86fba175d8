// Fits the re-ranker: logistic regression over standardised pair features (full-batch gradient
// descent with Adam and L2), pointwise or pairwise. Pairwise fits the difference between each
// query's relevant candidate and every other candidate of that query, which is what ranking needs;
// pointwise fits each pair alone, which also calibrates the score for the suggest/auto thresholds.
import { MATCH_FEATURES, MatchFeatureName, MatchFeatureVector } from './match-features';
import { MatcherModel } from './matcher-model';

export interface TrainingQuery {
  features: MatchFeatureVector[];
  relevant: boolean[];
}

export interface MatcherTrainOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  pairwise: boolean;
  /** Features left out of the model (weight 0). */
  exclude: readonly MatchFeatureName[];
}

export const DEFAULT_MATCHER_TRAIN_OPTIONS: MatcherTrainOptions = { l2: 1e-3, epochs: 300, learningRate: 0.05, pairwise: false, exclude: [] };

function standardisation(queries: readonly TrainingQuery[]): { mean: number[]; scale: number[] } {
  const rows = queries.flatMap((q) => q.features);
  const mean = MATCH_FEATURES.map((f) => rows.reduce((s, r) => s + r[f], 0) / Math.max(1, rows.length));
  const scale = MATCH_FEATURES.map((f, i) => {
    const variance = rows.reduce((s, r) => s + (r[f] - mean[i]) ** 2, 0) / Math.max(1, rows.length);
    return Math.sqrt(variance) || 1;
  });
  return { mean, scale };
}

/** Gradient descent with Adam on rows x (label y, weight) through a logistic loss. */
function fitLogistic(xs: number[][], ys: number[], opts: MatcherTrainOptions, withBias: boolean, active: boolean[]): { w: number[]; b: number } {
  const d = MATCH_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const pos = ys.reduce((s, y) => s + y, 0);
  // Classes balanced: one relevant pair against dozens of others would otherwise push everything down.
  const wPos = pos > 0 ? ys.length / (2 * pos) : 1;
  const wNeg = pos < ys.length ? ys.length / (2 * (ys.length - pos)) : 1;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < xs.length; i++) {
      let z = withBias ? b : 0;
      for (let j = 0; j < d; j++) z += w[j] * xs[i][j];
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - ys[i]) * (ys[i] ? wPos : wNeg);
      for (let j = 0; j < d; j++) g[j] += err * xs[i][j];
      g[d] += err;
    }
    for (let j = 0; j <= d; j++) {
      if (j < d && !active[j]) continue;
      if (j === d && !withBias) continue;
      const grad = g[j] / xs.length + (j < d ? opts.l2 * w[j] : 0);
      m[j] = 0.9 * m[j] + 0.1 * grad;
      v[j] = 0.999 * v[j] + 0.001 * grad * grad;
      const step = (opts.learningRate * (m[j] / (1 - 0.9 ** epoch))) / (Math.sqrt(v[j] / (1 - 0.999 ** epoch)) + 1e-8);
      if (j < d) w[j] -= step;
      else b -= step;
    }
  }
  return { w, b };
}

function linear(w: number[], b: number, x: number[]): number {
  return x.reduce((s, xi, j) => s + w[j] * xi, b);
}

function fitPlatt(pairs: ReadonlyArray<{ z: number; y: number }>): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let step = 0; step < 2000; step++) {
    let ga = 0;
    let gb = 0;
    for (const { z, y } of pairs) {
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      ga += (p - y) * z;
      gb += p - y;
    }
    a -= (0.5 * ga) / pairs.length;
    b -= (0.5 * gb) / pairs.length;
  }
  return { a, b };
}

export function trainMatcher(queries: readonly TrainingQuery[], opts: MatcherTrainOptions, candidates: number, version: string): MatcherModel {
  const { mean, scale } = standardisation(queries);
  const active = MATCH_FEATURES.map((f) => !opts.exclude.includes(f));
  const z = (v: MatchFeatureVector) => MATCH_FEATURES.map((f, i) => (active[i] ? (v[f] - mean[i]) / scale[i] : 0));
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const q of queries) {
    const rows = q.features.map(z);
    if (!opts.pairwise) {
      rows.forEach((r, i) => {
        xs.push(r);
        ys.push(q.relevant[i] ? 1 : 0);
      });
      continue;
    }
    q.relevant.forEach((rel, i) => {
      if (!rel) return;
      rows.forEach((other, k) => {
        if (q.relevant[k]) return;
        const diff = rows[i].map((x, j) => x - other[j]);
        // Both orders, so the fit stays symmetric without a bias.
        xs.push(diff, diff.map((x) => -x));
        ys.push(1, 0);
      });
    });
  }
  const fitted = fitLogistic(xs, ys, opts, !opts.pairwise, active);
  // Platt scaling on the training pairs, unweighted: the score becomes the probability that a
  // candidate checks the claim, which is what CLAIMDESK_MATCH_SUGGEST/AUTO compare with. Monotone,
  // so the ranking is unchanged.
  const pairs = queries.flatMap((q) => q.features.map((f, i) => ({ z: linear(fitted.w, fitted.b, z(f)), y: q.relevant[i] ? 1 : 0 })));
  const platt = fitPlatt(pairs);
  const w = fitted.w.map((x) => x * platt.a);
  const b = fitted.b * platt.a + platt.b;
  const pick = (arr: number[]) => Object.fromEntries(MATCH_FEATURES.map((f, i) => [f, Math.round(arr[i] * 1e4) / 1e4]).filter((_, i) => active[i]));
  return {
    version,
    candidates,
    bias: Math.round(b * 1e4) / 1e4,
    weights: pick(w),
    mean: pick(mean),
    scale: pick(scale),
  };
}

/** MAP@5, Recall@1 and Recall@5 as the CheckThat! lab defines them (every query counts; a miss is 0). */
export function rankingMetrics(ranked: ReadonlyArray<{ ranked: readonly string[]; relevant: ReadonlySet<string> }>): { map5: number; r1: number; r5: number } {
  let ap = 0;
  let r1 = 0;
  let r5 = 0;
  for (const q of ranked) {
    if (q.relevant.size === 0) continue;
    let hits = 0;
    let sum = 0;
    q.ranked.slice(0, 5).forEach((id, i) => {
      if (q.relevant.has(id)) {
        hits++;
        sum += hits / (i + 1);
      }
    });
    ap += sum / q.relevant.size;
    r1 += q.ranked.slice(0, 1).filter((id) => q.relevant.has(id)).length / q.relevant.size;
    r5 += hits / q.relevant.size;
  }
  const n = Math.max(1, ranked.length);
  return { map5: ap / n, r1: r1 / n, r5: r5 / n };
}
