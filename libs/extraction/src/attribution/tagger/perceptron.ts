// An averaged perceptron over the token features, decoded left to right with one constraint: inside
// tags only follow their own span (I-SRC after B-SRC or I-SRC, I-CUE after B-CUE or I-CUE).
//
// Prediction is the hot path of extraction. Most of a token's features read one word only (its own
// text, or a neighbour's at a fixed offset), so their summed weights are cached per word: a token
// then costs a handful of lookups instead of twenty-odd string builds and lookups in a large map.
import { contextFeatures, contextKey, END, NEIGHBOUR_PREFIXES, ownFeatures, START, tokenFeatures, type SentenceView } from './features';
import { B_CUE, B_SRC, I_CUE, I_SRC, TAG_COUNT } from './tags';

export interface TaggerWeightsFile {
  version: string;
  tags: readonly string[];
  /** Feature -> one weight per tag (pruned: features whose weights are all small are left out). */
  weights: Record<string, number[]>;
  provenance: Record<string, unknown>;
}

export type Weights = Map<string, Float32Array>;

export function loadWeights(file: TaggerWeightsFile): Weights {
  const m: Weights = new Map();
  for (const [f, w] of Object.entries(file.weights)) m.set(f, Float32Array.from(w));
  return m;
}

function allowed(tag: number, prev: number): boolean {
  if (tag === I_SRC) return prev === B_SRC || prev === I_SRC;
  if (tag === I_CUE) return prev === B_CUE || prev === I_CUE;
  return true;
}

function best(scores: Float64Array | Float32Array, prev: number): number {
  let arg = 0;
  let top = -Infinity;
  for (let k = 0; k < TAG_COUNT; k++) {
    if (allowed(k, prev) && scores[k] > top) {
      top = scores[k];
      arg = k;
    }
  }
  return arg;
}

const CACHE_LIMIT = 50000;
const OFFSETS = [-2, -1, 1, 2];

/** Scores tokens with cached per-word sums of the one-word features. */
export class TokenScorer {
  private readonly own = new Map<string, Float32Array>();
  /** Per lower-case word: its weights as the word at offset -2, -1, +1, +2 (6 tags each). */
  private readonly around = new Map<string, Float32Array>();
  private readonly context = new Map<number, Float32Array>();

  constructor(private readonly weights: Weights) {}

  private sum(features: string[], into: Float32Array, at = 0): void {
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < TAG_COUNT; k++) into[at + k] += w[k];
    }
  }

  private ownOf(v: SentenceView, i: number): Float32Array {
    const t = v.tokens[i];
    const key = `${t.text}\u0000${v.lex[i]}`;
    let vec = this.own.get(key);
    if (!vec) {
      if (this.own.size >= CACHE_LIMIT) this.own.clear();
      vec = new Float32Array(TAG_COUNT);
      this.sum(ownFeatures(t.text, t.lower, v.lex[i]), vec);
      this.own.set(key, vec);
    }
    return vec;
  }

  private aroundOf(lower: string): Float32Array {
    let vec = this.around.get(lower);
    if (!vec) {
      if (this.around.size >= CACHE_LIMIT) this.around.clear();
      vec = new Float32Array(TAG_COUNT * NEIGHBOUR_PREFIXES.length);
      NEIGHBOUR_PREFIXES.forEach((p, slot) => this.sum([`${p}${lower}`], vec!, slot * TAG_COUNT));
      this.around.set(lower, vec);
    }
    return vec;
  }

  /** Scores of token i for every tag (the sum over all of tokenFeatures(v, i)). */
  score(v: SentenceView, i: number, out: Float64Array): void {
    const t = v.tokens;
    const own = this.ownOf(v, i);
    for (let k = 0; k < TAG_COUNT; k++) out[k] = own[k];
    for (let slot = 0; slot < 4; slot++) {
      const j = i + OFFSETS[slot];
      const lower = j < 0 ? START : j >= t.length ? END : t[j].lower;
      const vec = this.aroundOf(lower);
      for (let k = 0; k < TAG_COUNT; k++) out[k] += vec[slot * TAG_COUNT + k];
    }
    const lw = t[i].lower;
    const before = this.weights.get(`p1w=${i > 0 ? t[i - 1].lower : START}|${lw}`);
    if (before) for (let k = 0; k < TAG_COUNT; k++) out[k] += before[k];
    const after = this.weights.get(`wn1=${lw}|${i + 1 < t.length ? t[i + 1].lower : END}`);
    if (after) for (let k = 0; k < TAG_COUNT; k++) out[k] += after[k];
    const key = contextKey(v, i);
    let ctx = this.context.get(key);
    if (!ctx) {
      if (this.context.size >= CACHE_LIMIT) this.context.clear();
      ctx = new Float32Array(TAG_COUNT);
      this.sum(contextFeatures(v, i), ctx);
      this.context.set(key, ctx);
    }
    for (let k = 0; k < TAG_COUNT; k++) out[k] += ctx[k];
  }
}

/** One tag per token of the sentence. */
export function tagSentence(scorer: TokenScorer, v: SentenceView): number[] {
  const tags: number[] = [];
  const scores = new Float64Array(TAG_COUNT);
  for (let i = 0; i < v.tokens.length; i++) {
    scorer.score(v, i, scores);
    tags.push(best(scores, i > 0 ? tags[i - 1] : -1));
  }
  return tags;
}

/** The same scores the slow way, from the feature names (tests compare the two). */
export function scoreSlow(weights: Weights, v: SentenceView, i: number): Float64Array {
  const out = new Float64Array(TAG_COUNT);
  for (const f of tokenFeatures(v, i)) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < TAG_COUNT; k++) out[k] += w[k];
  }
  return out;
}

/** A training sentence: its view and gold tags. */
export interface TrainingSentence {
  view: SentenceView;
  gold: number[];
}

/**
 * Averaged perceptron training (lazy averaging: each weight keeps the step it last changed at). The
 * inside-tag constraint reads the guesses before, in training as in prediction.
 */
export function trainPerceptron(
  data: TrainingSentence[],
  epochs: number,
  seed: number,
  onEpoch?: (epoch: number, errors: number, tokens: number) => void,
): Map<string, Float64Array> {
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let step = 1;
  let rng = seed >>> 0;
  const random = () => {
    rng = (rng + 0x6d2b79f5) >>> 0;
    let t = rng;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const update = (f: string, k: number, delta: number) => {
    let wf = w.get(f);
    if (!wf) {
      wf = new Float64Array(TAG_COUNT);
      w.set(f, wf);
      total.set(f, new Float64Array(TAG_COUNT));
      stamp.set(f, new Float64Array(TAG_COUNT));
    }
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    tf[k] += (step - sf[k]) * wf[k];
    sf[k] = step;
    wf[k] += delta;
  };
  const order = data.map((_, i) => i);
  const scores = new Float64Array(TAG_COUNT);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const { view, gold } = data[idx];
      const pred: number[] = [];
      for (let i = 0; i < view.tokens.length; i++) {
        const feats = tokenFeatures(view, i);
        scores.fill(0);
        for (const f of feats) {
          const wf = w.get(f);
          if (wf) for (let k = 0; k < TAG_COUNT; k++) scores[k] += wf[k];
        }
        const guess = best(scores, i > 0 ? pred[i - 1] : -1);
        if (guess !== gold[i]) {
          errors++;
          for (const f of feats) {
            update(f, gold[i], 1);
            update(f, guess, -1);
          }
        }
        pred.push(guess);
        tokens++;
        step++;
      }
    }
    onEpoch?.(e, errors, tokens);
  }
  const avg = new Map<string, Float64Array>();
  for (const [f, wf] of w) {
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    const a = new Float64Array(TAG_COUNT);
    for (let k = 0; k < TAG_COUNT; k++) a[k] = (tf[k] + (step - sf[k]) * wf[k]) / step;
    avg.set(f, a);
  }
  return avg;
}
