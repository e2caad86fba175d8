// npm run train:scorer -- FILE.tsv [--dev DEV.tsv] [--out PATH] [--min-count N] [--l2 X]
//   [--l2-ngrams X] [--epochs N] [--prune X] [--no-ngrams] [--version NAME] [--note TEXT]
// Refits the check-worthiness model from a labelled TSV (Sentence_id, Text, class_label Yes/No),
// picks the threshold that maximises F1 on --dev (0.5 without one), and writes the weights file
// with its provenance. Editors' promote/dismiss decisions exported as such a TSV refit a desk's own
// model the same way.
import { readFileSync, writeFileSync } from 'fs';
import { basename, resolve } from 'path';
import {
  averagePrecision,
  smoothedF1Threshold,
  DEFAULT_TRAIN_OPTIONS,
  FIXED_PRIORS,
  parseLabelledTsv,
  predictAll,
  prf,
  trainModel,
  type TrainOptions,
} from '@claimdesk/extraction';


const DEFAULT_OUT = 'libs/extraction/src/model/checkworthiness.v1.json';

function parseArgs(argv: string[]) {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  let train: string | null = null;
  let dev: string | null = null;
  let out = DEFAULT_OUT;
  let version = 'checkworthiness.v1';
  let note: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dev') dev = next();
    else if (a === '--out') out = next();
    else if (a === '--version') version = next();
    else if (a === '--note') note = next();
    else if (a === '--min-count') opts.minCount = Number(next());
    else if (a === '--l2') opts.l2Features = Number(next());
    else if (a === '--l2-ngrams') opts.l2Ngrams = Number(next());
    else if (a === '--epochs') opts.epochs = Number(next());
    else if (a === '--prune') opts.prune = Number(next());
    else if (a === '--no-ngrams') opts.useNgrams = false;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else train = a;
  }
  if (!train) throw new Error('usage: train-scorer FILE.tsv [--dev DEV.tsv] [--out PATH]');
  return { train, dev, out, version, opts, note };
}

function main(): void {
  const { train, dev, out, version, opts, note } = parseArgs(process.argv.slice(2));
  const rows = parseLabelledTsv(readFileSync(train, 'utf8'), warnSkip(train));
  const started = Date.now();
  const fitted = trainModel(rows.map((r) => r.text), rows.map((r) => r.label), opts);
  const trainScores = predictAll(fitted, rows.map((r) => r.text));
  let threshold = 0.5;
  let thresholdNote = 'no dev file given: 0.5';
  let devReport: Record<string, number> | null = null;
  if (dev) {
    const devRows = parseLabelledTsv(readFileSync(dev, 'utf8'), warnSkip(dev));
    const devGold = devRows.map((r) => r.label);
    const devScores = predictAll(fitted, devRows.map((r) => r.text));
    const best = smoothedF1Threshold(devGold, devScores);
    threshold = Math.round(best.threshold * 1000) / 1000;
    thresholdNote = `the centre of the 0.10-wide score window with the highest mean positive-class F1 on ${basename(dev)} (${devRows.length} sentences; grid step 0.01)`;
    const p = prf(devGold, devScores.map((s) => s >= threshold));
    devReport = { f1: round(p.f1), precision: round(p.precision), recall: round(p.recall), averagePrecision: round(averagePrecision(devGold, devScores)) };
  }
  const trainGold = rows.map((r) => r.label);
  const model = {
    version,
    threshold,
    bias: fitted.bias,
    features: fitted.features,
    ngrams: fitted.ngrams,
    provenance: {
      method: 'logistic regression (full-batch Adam, L2) over the hand features of scoring/features.ts and word unigrams/bigrams (numbers folded to <num>)',
      trainingFile: basename(train),
      trainingSentences: rows.length,
      trainingPositives: trainGold.filter(Boolean).length,
      devFile: dev ? basename(dev) : null,
      trainedAt: new Date().toISOString(),
      hyperparameters: opts,
      note,
      fixedPriors: FIXED_PRIORS,
      threshold: thresholdNote,
      dev: devReport,
      train: { averagePrecision: round(averagePrecision(trainGold, trainScores)) },
      ngramCount: Object.keys(fitted.ngrams).length,
      trainingSeconds: Math.round((Date.now() - started) / 100) / 10,
      licence:
        'Fitted on CLEF CheckThat! 2024 Task 1 English (research use). Check the licence before shipping these weights; refit on your own desk labels with npm run train:scorer.',
    },
  };
  writeFileSync(resolve(out), JSON.stringify(model, null, 1) + '\n');
  console.log(`wrote ${out}: ${Object.keys(fitted.ngrams).length} n-gram weights, threshold ${threshold}`);
  if (devReport) console.log(`dev: F1 ${devReport.f1}  P ${devReport.precision}  R ${devReport.recall}  AP ${devReport.averagePrecision}`);
  console.log('rebuild (npm run build) for the product to use it');
}

function warnSkip(file: string) {
  return (line: number, reason: string) => console.warn(`${basename(file)}:${line}: skipped (${reason})`);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();
