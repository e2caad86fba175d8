// Cross-validation grouped by blocks of contiguous sentence ids. CheckThat! ids run through each
// debate in order, so a contiguous id range stands in for a group of whole debates: a fold never
// shares a debate with the data it is scored by, which is the shift a desk meets on a new debate
// or a new article (a random split leaks each debate's topics and speakers into its own test fold).
import { fitFeaturised, predictFeaturised, type Featurised, type TrainOptions } from './train';

/** Fold number of each row: rows sorted by numeric id, cut into `k` equal contiguous blocks. */
export function idBlockFolds(ids: string[], k: number): number[] {
  if (k < 2) throw new Error('need at least 2 folds');
  const order = ids.map((id, i) => [Number(id), i] as const).sort((a, b) => a[0] - b[0]);
  if (order.some(([n]) => !Number.isFinite(n))) throw new Error('id-block folds need numeric ids');
  const fold = new Array<number>(ids.length);
  order.forEach(([, i], rank) => (fold[i] = Math.min(k - 1, Math.floor((rank * k) / order.length))));
  return fold;
}

/** Out-of-fold scores: each row scored by a model fitted on the other folds only. */
export function outOfFoldScores(feats: Featurised[], labels: boolean[], folds: number[], opts: TrainOptions): number[] {
  const k = Math.max(...folds) + 1;
  const scores = new Array<number>(feats.length).fill(0);
  for (let f = 0; f < k; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    folds.forEach((g, i) => (g === f ? testIdx : trainIdx).push(i));
    const model = fitFeaturised(trainIdx.map((i) => feats[i]), trainIdx.map((i) => labels[i]), opts);
    const s = predictFeaturised(model, testIdx.map((i) => feats[i]));
    testIdx.forEach((i, j) => (scores[i] = s[j]));
  }
  return scores;
}
