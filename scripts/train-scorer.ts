// npm run train:scorer -- FILE.tsv [--dev DEV.tsv] [--cv K [--grid]] [--threshold-from oof|dev]
//   [--out PATH] [--min-count N] [--l2 X] [--l2-ngrams X] [--unigrams] [--positive-weight X]
//   [--epochs N] [--prune X] [--no-ngrams] [--no-clause-features] [--version NAME] [--note TEXT]
//   [--fold-names] [--fixed FEATURE=WEIGHT]... [--news DIR] [--news-train DIR]... [--news-weight X] [--loso]
// Refits the check-worthiness model from a labelled TSV (Sentence_id, Text, class_label Yes/No) and
// writes the weights file with its provenance. Editors' promote/dismiss decisions exported as such a
// TSV refit a desk's own model the same way.
//
// With --cv K the training file is cut into K blocks of contiguous ids (a stand-in for whole
// debates or articles; see scoring/cross-validate.ts) and every sentence gets an out-of-fold score.
// --grid tries the hyperparameter grid below and keeps the setting with the best out-of-fold
// F1 (at its own smoothed threshold; average precision breaks ties). The threshold comes from the
// out-of-fold scores (default with --cv: they are scores on unseen debates, the case a desk meets)
// or from --dev (default without --cv: dev sentences come from the training debates). The dev file
// is only reported when the threshold comes from the out-of-fold scores.
//
// --news-train DIR adds a folder of hand-labelled articles (*.claims.json, as eval:extraction reads)
// to the training rows, each sentence weighted --news-weight (default 5, v5's setting: a few hundred
// news sentences against twenty thousand debate lines) and featurised as extractClaims sees it, lede
// included. --loso then refits once per article with that article left out and scores it: the
// pooled held-out F1 says how the setting does on a story it has not seen.
import { readFileSync, writeFileSync } from 'fs';
import { basename, resolve } from 'path';
import { readLabelledArticles, type LabelledArticle } from './lib/labelled-articles';
// The cross-validation helpers are training tools, not part of the library's public surface.
import { idBlockFolds, outOfFoldScores } from '../libs/extraction/src/scoring/cross-validate';
import { featurise, featuriseOne, fitFeaturised, predictFeaturised, type Featurised, type FittedWeights } from '../libs/extraction/src/scoring/train';
import { FEATURE_SPECS, canBeLede } from '../libs/extraction/src/scoring/features';
import {
  averagePrecision,
  smoothedF1Threshold,
  DEFAULT_TRAIN_OPTIONS,
  FIXED_PRIORS,
  parseLabelledTsv,
  prf,
  type TrainOptions,
} from '@claimdesk/extraction';

// The grid --grid searches: n-gram regularisation, minimum document frequency, bigrams or not,
// class weighting, the hand-feature L2 and whether the v3 clause-level features are used.
// Earlier passes (README) found unigrams-only worse, positive weight 2 slightly better than 1,
// minimum count 10 no better than 3, and l2Ngrams 1e-3 clearly worse than 1e-4; the grid keeps
// bigrams, weight 2 and count 3 and spends its fits on the n-gram regularisation.
// v3 adds the clause-level feature set as a grid dimension (with it, and with its columns zeroed:
// an ablation scored by the same out-of-fold F1) and searches the n-gram regularisation around
// v2's optimum again, since new hand features change what the n-grams need to carry.
// A first v3 pass (l2Ngrams 3e-6 / 1e-5 / 3e-5, hand-feature L2 1e-4, with and without the clause
// features) kept 1e-5; this grid then tries a weaker hand-feature L2, since the n-grams (L2 1e-5)
// otherwise carry what the clause features describe.
const GRID = {
  l2Ngrams: [1e-5],
  l2Features: [1e-4, 1e-5],
  minCount: [3],
  bigrams: [true],
  positiveWeight: [2],
  clauseFeatures: [true, false],
};

// The v3 clause-level features (scoring/features.ts); "clauseFeatures: false" zeroes their columns.
const CLAUSE_FEATURES = ['intention_main', 'belief_main', 'prediction_main', 'conditional_opening', 'hedge', 'first_person_stance', 'question_opening', 'past_action_participants'];

type Setting = TrainOptions & { clauseFeatures: boolean };

function withoutClauseFeatures(feats: Featurised[]): Featurised[] {
  const cols = CLAUSE_FEATURES.map((n) => FEATURE_SPECS.findIndex((f) => f.name === n));
  return feats.map((f) => {
    const dense = Float64Array.from(f.dense);
    for (const c of cols) dense[c] = 0;
    return { ...f, dense };
  });
}


const DEFAULT_OUT = 'libs/extraction/src/model/checkworthiness.v5.json';

function parseArgs(argv: string[]) {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  let train: string | null = null;
  let dev: string | null = null;
  let news: string | null = null;
  const newsTrain: string[] = [];
  let newsWeight = 5;
  let loso = false;
  let out = DEFAULT_OUT;
  let version = 'checkworthiness.v5';
  let note: string | null = null;
  let cv = 0;
  let grid = false;
  let noClauseFeatures = false;
  let thresholdFrom: 'oof' | 'dev' | null = null;
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
    else if (a === '--unigrams') opts.bigrams = false;
    else if (a === '--positive-weight') opts.positiveWeight = Number(next());
    else if (a === '--fold-names') opts.foldNames = true;
    else if (a === '--fixed') {
      const [name, value] = next().split('=');
      if (!FEATURE_SPECS.some((f) => f.name === name) || !Number.isFinite(Number(value))) throw new Error('--fixed takes FEATURE=WEIGHT');
      opts.fixedPriors = { ...opts.fixedPriors, [name]: Number(value) };
    }
    else if (a === '--news') news = next();
    else if (a === '--news-train') newsTrain.push(next());
    else if (a === '--news-weight') newsWeight = Number(next());
    else if (a === '--loso') loso = true;
    else if (a === '--cv') cv = Number(next());
    else if (a === '--grid') grid = true;
    else if (a === '--no-clause-features') noClauseFeatures = true;
    else if (a === '--threshold-from') {
      const v = next();
      if (v !== 'oof' && v !== 'dev') throw new Error('--threshold-from is oof or dev');
      thresholdFrom = v;
    }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else train = a;
  }
  if (!train) throw new Error('usage: train-scorer FILE.tsv [--dev DEV.tsv] [--out PATH]');
  if (grid && cv < 2) throw new Error('--grid needs --cv K (K >= 2)');
  if (thresholdFrom === 'oof' && cv < 2) throw new Error('--threshold-from oof needs --cv K');
  if (thresholdFrom === 'dev' && !dev) throw new Error('--threshold-from dev needs --dev');
  if (newsTrain.length && cv >= 2) throw new Error('--news-train and --cv do not mix: the debate folds would leak the news rows into every fold');
  if (loso && !newsTrain.length) throw new Error('--loso needs --news-train');
  if (!(newsWeight > 0)) throw new Error('--news-weight must be a positive number');
  return { train, dev, news, newsTrain, newsWeight, loso, out, version, opts, note, cv, grid, thresholdFrom: thresholdFrom ?? (cv >= 2 ? 'oof' : dev ? 'dev' : null), noClauseFeatures };
}

interface CvResult {
  opts: Setting;
  oofF1: number;
  oofThreshold: number;
  oofAp: number;
  meanFoldAp: number;
  meanFoldF1: number;
  scores: number[];
}

function crossValidate(allFeats: Featurised[], gold: boolean[], folds: number[], opts: Setting): CvResult {
  const feats = opts.clauseFeatures ? allFeats : withoutClauseFeatures(allFeats);
  const scores = outOfFoldScores(feats, gold, folds, opts);
  const best = smoothedF1Threshold(gold, scores);
  const k = Math.max(...folds) + 1;
  let apSum = 0;
  let f1Sum = 0;
  for (let f = 0; f < k; f++) {
    const idx = folds.map((g, i) => (g === f ? i : -1)).filter((i) => i >= 0);
    const g = idx.map((i) => gold[i]);
    const s = idx.map((i) => scores[i]);
    apSum += averagePrecision(g, s);
    f1Sum += prf(g, s.map((x) => x >= best.threshold)).f1;
  }
  return { opts, oofF1: best.f1, oofThreshold: best.threshold, oofAp: averagePrecision(gold, scores), meanFoldAp: apSum / k, meanFoldF1: f1Sum / k, scores };
}

function gridOptions(base: Setting): Setting[] {
  const out: Setting[] = [];
  for (const clauseFeatures of GRID.clauseFeatures)
    for (const l2Features of GRID.l2Features)
    for (const l2Ngrams of GRID.l2Ngrams)
      for (const minCount of GRID.minCount)
        for (const bigrams of GRID.bigrams)
          for (const positiveWeight of GRID.positiveWeight) out.push({ ...base, l2Features, l2Ngrams, minCount, bigrams, positiveWeight, clauseFeatures });
  return out;
}

function describe(o: Setting): string {
  return `l2Features=${o.l2Features} l2Ngrams=${o.l2Ngrams} minCount=${o.minCount} bigrams=${o.bigrams} positiveWeight=${o.positiveWeight} foldNames=${o.foldNames} clauseFeatures=${o.clauseFeatures}`;
}

function main(): void {
  const { train, dev, news, newsTrain, newsWeight, loso, out, version, note, cv, grid, thresholdFrom, ...parsed } = parseArgs(process.argv.slice(2));
  let opts: Setting = { ...parsed.opts, clauseFeatures: !parsed.noClauseFeatures };
  const rows = parseLabelledTsv(readFileSync(train, 'utf8'), warnSkip(train));
  const started = Date.now();
  const feats = featurise(rows.map((r) => r.text), opts.foldNames);
  const trainGold = rows.map((r) => r.label);
  const stories = newsTrain.flatMap((dir) => readLabelledArticles(dir).map((a) => storyRows(a, opts.foldNames, newsWeight)));

  // 1. Hyperparameters (and the out-of-fold scores) from id-block cross-validation on train only.
  let chosen: CvResult | null = null;
  const tried: Array<Record<string, unknown>> = [];
  if (cv >= 2) {
    const folds = idBlockFolds(rows.map((r) => r.id), cv);
    for (const o of grid ? gridOptions(opts) : [opts]) {
      const r = crossValidate(feats, trainGold, folds, o);
      tried.push({ ...pick(o), oofF1: round(r.oofF1), oofThreshold: r.oofThreshold, oofAp: round(r.oofAp), meanFoldAp: round(r.meanFoldAp), meanFoldF1: round(r.meanFoldF1) });
      console.log(`cv ${describe(o)}: OOF F1 ${r.oofF1.toFixed(4)} @${r.oofThreshold}  OOF AP ${r.oofAp.toFixed(4)}  fold AP ${r.meanFoldAp.toFixed(4)}  fold F1 ${r.meanFoldF1.toFixed(4)}`);
      if (!chosen || r.oofF1 > chosen.oofF1 + 1e-9 || (Math.abs(r.oofF1 - chosen.oofF1) <= 1e-9 && r.oofAp > chosen.oofAp)) chosen = r;
    }
    opts = chosen!.opts;
    console.log(`chosen: ${describe(opts)}`);
  }

  // 2. The model: fitted on the whole training file (and the news stories) with the chosen hyperparameters.
  const { clauseFeatures, ...trainOpts } = opts;
  const devSet = dev ? readDev(dev, opts.foldNames) : null;
  const fitOn = (held: number) => {
    const kept = stories.filter((_, i) => i !== held);
    const all = [...feats, ...kept.flatMap((st) => st.feats)];
    return fitFeaturised(clauseFeatures ? all : withoutClauseFeatures(all), [...trainGold, ...kept.flatMap((st) => st.gold)], trainOpts);
  };
  const fitted = fitOn(-1);
  // The rows are featurised already; a model fitted without the clause features has 0 on those columns.
  const trainScores = predictFeaturised(fitted, feats);
  const foldThreshold = (m: FittedWeights) => (thresholdFrom === 'dev' && devSet ? devCut(m, devSet).cut : 0.5);
  const losoReport = loso ? leaveOneStoryOut(stories, fitOn, foldThreshold) : null;
  if (news && newsTrain.some((d) => resolve(d) === resolve(news))) console.warn(`--news ${news} is also a --news-train folder: its scores are in-sample`);

  // 3. The threshold: from the out-of-fold scores, or from dev; dev is reported either way.
  let threshold = 0.5;
  let thresholdNote = 'no dev file and no cross-validation: 0.5';
  if (thresholdFrom === 'oof' && chosen) {
    threshold = chosen.oofThreshold;
    thresholdNote = `the centre of the 0.10-wide score window with the highest mean positive-class F1 on the out-of-fold scores of ${cv}-fold id-block cross-validation on ${basename(train)} (grid step 0.01)`;
  }
  let devReport: Record<string, number> | null = null;
  if (dev && devSet) {
    const onDev = devCut(fitted, devSet);
    if (thresholdFrom === 'dev') {
      threshold = onDev.cut;
      thresholdNote = `the centre of the 0.10-wide score window with the highest mean positive-class F1 on ${basename(dev)} (${devSet.gold.length} sentences; grid step 0.01)`;
    }
    devReport = { ...scoreReport(devSet.gold, onDev.scores, threshold), bestSmoothedThresholdOnDev: onDev.best };
  }
  // 4. News prose: the hand-labelled news articles, scored sentence by sentence at the threshold.
  const newsReport = news ? reportNews(fitted, news, threshold) : null;
  const model = {
    version,
    threshold,
    bias: fitted.bias,
    features: fitted.features,
    ...(fitted.foldNames ? { foldNames: true } : {}),
    ngrams: fitted.ngrams,
    provenance: {
      method: `logistic regression (full-batch Adam, L2) over the hand features of scoring/features.ts and word ${opts.bigrams ? 'unigrams/bigrams' : 'unigrams'} (numbers folded to <num>${opts.foldNames ? ', names to <name>' : ''})`,
      trainingFile: basename(train),
      newsTraining: stories.length
        ? { folders: newsTrain, articles: stories.map((st) => st.name), sentences: stories.reduce((n, st) => n + st.gold.length, 0), weight: newsWeight }
        : null,
      leaveOneStoryOut: losoReport,
      trainingSentences: rows.length,
      trainingPositives: trainGold.filter(Boolean).length,
      devFile: dev ? basename(dev) : null,
      trainedAt: new Date().toISOString(),
      hyperparameters: trainOpts,
      clauseFeatures,
      crossValidation: chosen
        ? {
            folds: cv,
            grouping: 'rows sorted by Sentence_id and cut into equal contiguous blocks (whole debates stay together, bar the block edges)',
            selection: grid ? 'best out-of-fold F1 at its own smoothed threshold; out-of-fold AP breaks ties' : 'single setting (no grid)',
            chosen: { oofF1: round(chosen.oofF1), oofThreshold: chosen.oofThreshold, oofAp: round(chosen.oofAp), meanFoldAp: round(chosen.meanFoldAp), meanFoldF1: round(chosen.meanFoldF1) },
            tried,
          }
        : null,
      note,
      fixedPriors: { ...FIXED_PRIORS, ...opts.fixedPriors },
      threshold: thresholdNote,
      dev: devReport,
      news: newsReport,
      train: { averagePrecision: round(averagePrecision(trainGold, trainScores)) },
      ngramCount: Object.keys(fitted.ngrams).length,
      trainingSeconds: Math.round((Date.now() - started) / 100) / 10,
      licence: `Fitted on CLEF CheckThat! 2024 Task 1 English (research use)${stories.length ? ` and the labelled articles in ${newsTrain.join(', ')} (check their copyright)` : ''}. Check the licence before shipping these weights; refit on your own desk labels with npm run train:scorer.`,
    },
  };
  writeFileSync(resolve(out), JSON.stringify(model, null, 1) + '\n');
  console.log(`wrote ${out}: ${Object.keys(fitted.ngrams).length} n-gram weights, threshold ${threshold}`);
  if (newsReport) console.log(`news (${newsReport.sentences} sentences): F1 ${newsReport.f1}  P ${newsReport.precision}  R ${newsReport.recall}  AP ${newsReport.averagePrecision}`);
  if (losoReport) {
    for (const st of losoReport.stories) console.log(`  held out ${st.article}: F1 ${st.f1} @${st.threshold}`);
    console.log(`leave-one-story-out (${losoReport.sentences} sentences): F1 ${losoReport.f1}  P ${losoReport.precision}  R ${losoReport.recall}  AP ${losoReport.averagePrecision}`);
  }
  if (devReport) console.log(`dev: F1 ${devReport.f1}  P ${devReport.precision}  R ${devReport.recall}  AP ${devReport.averagePrecision} (best smoothed threshold on dev ${devReport.bestSmoothedThresholdOnDev})`);
  console.log('rebuild (npm run build) for the product to use it');
}

interface Story {
  name: string;
  feats: Featurised[];
  gold: boolean[];
}

/** An article's sentence units as training rows, featurised as extractClaims sees them (lede included). */
function storyRows(a: LabelledArticle, foldNames: boolean, weight?: number): Story {
  const units = a.gold.units.filter((u) => u.kind === 'sentence');
  // As extractClaims picks it: the first sentence unit that ends like a sentence.
  const lede = units.findIndex((u) => canBeLede(u.text));
  return {
    name: a.gold.article ?? 'article',
    feats: units.map((u, i) => featuriseOne(u.text, { lede: i === lede }, foldNames, weight)),
    gold: units.map((u) => u.checkworthy),
  };
}

interface DevSet {
  feats: Featurised[];
  gold: boolean[];
}

function readDev(file: string, foldNames: boolean): DevSet {
  const devRows = parseLabelledTsv(readFileSync(file, 'utf8'), warnSkip(file));
  return { feats: featurise(devRows.map((r) => r.text), foldNames), gold: devRows.map((r) => r.label) };
}

/** Dev's best smoothed threshold for a model (and to three decimals, as a model file keeps it), with the scores. */
function devCut(m: FittedWeights, dev: DevSet): { scores: number[]; best: number; cut: number } {
  const scores = predictFeaturised(m, dev.feats);
  const best = smoothedF1Threshold(dev.gold, scores).threshold;
  return { scores, best, cut: Math.round(best * 1000) / 1000 };
}

/** P/R/F1 of the positive class at a cut (or given predictions) and AP, rounded as the provenance keeps them. */
function scoreReport(gold: boolean[], scores: number[], cut: number | boolean[]) {
  const p = prf(gold, typeof cut === 'number' ? scores.map((s) => s >= cut) : cut);
  return { f1: round(p.f1), precision: round(p.precision), recall: round(p.recall), averagePrecision: round(averagePrecision(gold, scores)) };
}

/** Sentence-level P/R/F1 and AP on a folder of labelled articles, each sentence in its article's context. */
function reportNews(fitted: FittedWeights, dir: string, threshold: number) {
  const stories = readLabelledArticles(dir).map((a) => storyRows(a, fitted.foldNames === true));
  const gold = stories.flatMap((st) => st.gold);
  const scores = predictFeaturised(fitted, stories.flatMap((st) => st.feats));
  return { folder: dir, sentences: gold.length, ...scoreReport(gold, scores, threshold) };
}

/** Each story scored by a model fitted without it, at that model's own threshold; pooled P/R/F1 and AP. */
function leaveOneStoryOut(stories: Story[], fitOn: (held: number) => FittedWeights, thresholdOf: (m: FittedWeights) => number) {
  const gold: boolean[] = [];
  const scores: number[] = [];
  const predicted: boolean[] = [];
  const perStory = stories.map((st, i) => {
    const m = fitOn(i);
    const threshold = thresholdOf(m);
    const s = predictFeaturised(m, st.feats);
    gold.push(...st.gold);
    scores.push(...s);
    predicted.push(...s.map((x) => x >= threshold));
    return { article: st.name, threshold, f1: round(prf(st.gold, s.map((x) => x >= threshold)).f1) };
  });
  return { sentences: gold.length, ...scoreReport(gold, scores, predicted), stories: perStory };
}

function warnSkip(file: string) {
  return (line: number, reason: string) => console.warn(`${basename(file)}:${line}: skipped (${reason})`);
}

function pick(o: Setting): Record<string, unknown> {
  return { l2Features: o.l2Features, l2Ngrams: o.l2Ngrams, minCount: o.minCount, bigrams: o.bigrams, positiveWeight: o.positiveWeight, foldNames: o.foldNames, clauseFeatures: o.clauseFeatures };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();
