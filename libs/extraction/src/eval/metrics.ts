// Metrics for the extraction eval: precision/recall/F1 of the positive class, average precision,
// and a TSV reader for CheckThat-style files (Sentence_id, Text, class_label Yes/No).

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(gold: boolean[], predicted: boolean[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Average precision of a ranking by score (ties broken by input order, as sklearn does not). */
export function averagePrecision(gold: boolean[], scores: number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const positives = gold.filter(Boolean).length;
  if (positives === 0) return 0;
  let hits = 0;
  let sum = 0;
  order.forEach(([, i], rank) => {
    if (gold[i]) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return sum / positives;
}

/** The threshold that maximises F1 over the distinct scores (used on dev only, never dev-test). */
export function bestF1Threshold(gold: boolean[], scores: number[]): { threshold: number; f1: number } {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const positives = gold.filter(Boolean).length;
  let tp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let k = 0; k < order.length; k++) {
    if (gold[order[k][1]]) tp++;
    // Only cut between distinct scores.
    if (k + 1 < order.length && order[k + 1][0] === order[k][0]) continue;
    const precision = tp / (k + 1);
    const recall = positives ? tp / positives : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    if (f1 > best.f1) {
      const next = k + 1 < order.length ? order[k + 1][0] : 0;
      best = { threshold: (order[k][0] + next) / 2, f1 };
    }
  }
  return best;
}

export interface LabelledSentence {
  id: string;
  text: string;
  label: boolean;
}

/**
 * Parses a TSV with a header naming Sentence_id, Text and class_label (any order). A malformed line
 * (wrong column count or label; train.tsv has one where two rows lost their line break) is skipped
 * and reported through `onSkip`, never silently relabelled.
 */
export function parseLabelledTsv(content: string, onSkip?: (line: number, reason: string) => void): LabelledSentence[] {
  const lines = content.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const idCol = header.indexOf('sentence_id');
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('class_label');
  if (idCol < 0 || textCol < 0 || labelCol < 0) {
    throw new Error('TSV header must name Sentence_id, Text and class_label');
  }
  const out: LabelledSentence[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    const cols = lines[n].split('\t');
    const label = (cols[labelCol] ?? '').trim().toLowerCase();
    if (cols.length !== header.length || (label !== 'yes' && label !== 'no')) {
      onSkip?.(n + 1, cols.length !== header.length ? `${cols.length} columns` : `label "${cols[labelCol]}"`);
      continue;
    }
    out.push({ id: cols[idCol].trim(), text: cols[textCol], label: label === 'yes' });
  }
  return out;
}

/**
 * A threshold that is robust to the noise of a small dev set: F1 on a 0.01 grid, averaged over a
 * window of +-`halfWidth`, and the centre of the best window. The raw F1 curve of 1,000 sentences
 * is flat and jagged near its top, so its single best cut moves a lot between refits.
 */
export function smoothedF1Threshold(gold: boolean[], scores: number[], halfWidth = 0.05): { threshold: number; f1: number; smoothedF1: number } {
  const grid: number[] = [];
  for (let t = 0.01; t < 1; t += 0.01) grid.push(Math.round(t * 100) / 100);
  const f1s = grid.map((t) => prf(gold, scores.map((s) => s >= t)).f1);
  const k = Math.round(halfWidth * 100);
  let best = { threshold: 0.5, f1: 0, smoothedF1: -1 };
  grid.forEach((t, i) => {
    const window = f1s.slice(Math.max(0, i - k), Math.min(f1s.length, i + k + 1));
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    if (mean > best.smoothedF1) best = { threshold: t, f1: f1s[i], smoothedF1: mean };
  });
  return best;
}
