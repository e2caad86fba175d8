// npm run eval:extraction -- [--tsv FILE]... [--json] [--predictions OUT.jsonl] [--threshold X] [--model FILE]
// [--articles DIR]... [--skip-borderline] [--verbose]
// Scores the extractor on the hand-labelled articles (../shared/fixtures/articles/*.claims.json
// relative to the repo root: F1 on checkworthy, unit-kind accuracy, speaker accuracy) and on any
// labelled TSV (P/R/F1 of the positive class at the threshold, average precision). TSV sentences
// are scored with scoreSentence, the very code extractClaims uses for every sentence unit.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { basename, resolve } from 'path';
import { readLabelledArticles } from './lib/labelled-articles';
import {
  averagePrecision,
  BUNDLED_MODEL,
  type CheckworthinessModel,
  evaluateArticle,
  parseLabelledTsv,
  prf,
  scoreSentence,
  type ArticleEvaluation,
} from '@claimdesk/extraction';

interface Args {
  tsv: string[];
  json: boolean;
  predictions: string | null;
  /** null: the model's own threshold. */
  threshold: number | null;
  /** Another weights file than the bundled one (an older version, a desk's refit). */
  model: CheckworthinessModel;
  /** Folders of hand-labelled articles; --articles may be given more than once. */
  articles: string[];
  verbose: boolean;
  /** Leave out the units the labels mark borderline (calls two fact-checkers could make differently). */
  skipBorderline: boolean;
}

function readModel(file: string): CheckworthinessModel {
  const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckworthinessModel>;
  if (typeof m.version !== 'string' || typeof m.threshold !== 'number' || typeof m.bias !== 'number' || typeof m.features !== 'object' || typeof m.ngrams !== 'object') {
    throw new Error(`--model ${file}: not a check-worthiness weights file (version, threshold, bias, features, ngrams)`);
  }
  return m as CheckworthinessModel;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    tsv: [],
    json: false,
    predictions: null,
    threshold: null,
    model: BUNDLED_MODEL,
    articles: [],
    verbose: false,
    skipBorderline: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--tsv') args.tsv.push(next());
    else if (a === '--json') args.json = true;
    else if (a === '--predictions') args.predictions = next();
    else if (a === '--threshold') {
      args.threshold = Number(next());
      if (!(args.threshold >= 0 && args.threshold <= 1)) throw new Error('--threshold must be in [0, 1]');
    } else if (a === '--model') args.model = readModel(next());
    else if (a === '--articles') args.articles.push(resolve(next()));
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--skip-borderline') args.skipBorderline = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (args.articles.length === 0) {
    const shared = resolve(process.cwd(), '../shared/fixtures/articles');
    args.articles.push(existsSync(shared) ? shared : resolve(process.cwd(), 'test/fixtures/articles'));
  }
  return args;
}

interface TsvResult {
  file: string;
  sentences: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  averagePrecision: number;
}

function evalTsv(file: string, model: CheckworthinessModel, threshold: number, predictions: string[]): TsvResult {
  const rows = parseLabelledTsv(readFileSync(file, 'utf8'), (line, reason) =>
    console.warn(`${basename(file)}:${line}: skipped (${reason})`),
  );
  const scores = rows.map((r) => scoreSentence(r.text, null, model).score);
  const gold = rows.map((r) => r.label);
  const predicted = scores.map((s) => s >= threshold);
  rows.forEach((r, i) => predictions.push(JSON.stringify({ id: r.id, score: round(scores[i]), checkworthy: predicted[i] })));
  const p = prf(gold, predicted);
  return {
    file: basename(file),
    sentences: rows.length,
    positives: gold.filter(Boolean).length,
    precision: p.precision,
    recall: p.recall,
    f1: p.f1,
    averagePrecision: averagePrecision(gold, scores),
  };
}

function evalArticles(dir: string, model: CheckworthinessModel, threshold: number, skipBorderline: boolean): ArticleEvaluation[] {
  return readLabelledArticles(dir).map(({ gold, raw }) => {
    if (skipBorderline) gold.units = gold.units.filter((u) => !u.borderline);
    return evaluateArticle(raw, gold, { threshold, model });
  });
}

/** All labelled units of several articles as one set: the number to compare across models. */
function pooled(articles: ArticleEvaluation[]) {
  const units = articles.flatMap((a) => a.units);
  const p = prf(units.map((u) => u.gold.checkworthy), units.map((u) => u.predictedCheckworthy));
  const sum = (f: (a: ArticleEvaluation) => number) => articles.reduce((n, a) => n + f(a), 0);
  return {
    article: `all ${articles.length} (pooled)`,
    f1: p.f1,
    precision: p.precision,
    recall: p.recall,
    unitKindAccuracy: units.filter((u) => u.kindRight).length / units.length,
    nonClaimUnitsRight: sum((a) => a.nonClaimUnitsRight),
    nonClaimUnits: sum((a) => a.nonClaimUnits),
    exactSpans: sum((a) => a.exactSpans),
    units: units.length,
    speakerRight: sum((a) => a.speakerRight),
    attributedClaims: sum((a) => a.attributedClaims),
    falseAttributions: sum((a) => a.falseAttributions),
  };
}

function round(x: number, d = 4): number {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(3) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const threshold = args.threshold ?? args.model.threshold;
  const articles = args.articles.flatMap((dir) => evalArticles(dir, args.model, threshold, args.skipBorderline));
  const all = articles.length > 1 ? pooled(articles) : null;
  const predictions: string[] = [];
  const tsvs = args.tsv.map((f) => evalTsv(f, args.model, threshold, predictions));
  if (args.predictions) writeFileSync(args.predictions, predictions.join('\n') + (predictions.length ? '\n' : ''));

  if (args.json) {
    console.log(
      JSON.stringify({
        modelVersion: args.model.version,
        threshold,
        articles: articles.map((a) => ({
          article: a.article,
          f1: round(a.checkworthy.f1),
          precision: round(a.checkworthy.precision),
          recall: round(a.checkworthy.recall),
          unitKindAccuracy: round(a.unitKindAccuracy),
          nonClaimUnitsRight: a.nonClaimUnitsRight,
          nonClaimUnits: a.nonClaimUnits,
          exactSpans: a.exactSpans,
          units: a.units.length,
          speakerAccuracy: round(a.speakerAccuracy),
          speakerRight: a.speakerRight,
          attributedClaims: a.attributedClaims,
          falseAttributions: a.falseAttributions,
        })),
        pooled: all && { ...all, f1: round(all.f1), precision: round(all.precision), recall: round(all.recall), unitKindAccuracy: round(all.unitKindAccuracy) },
        tsv: tsvs.map((t) => ({ ...t, precision: round(t.precision), recall: round(t.recall), f1: round(t.f1), averagePrecision: round(t.averagePrecision) })),
        predictions: args.predictions,
      }),
    );
    return;
  }
  console.log(`model ${args.model.version}, threshold ${threshold}`);
  if (articles.length) {
    console.log('\nLabelled articles (' + args.articles.join(', ') + ')');
    console.log(
      table(
        ['article', 'F1', 'P', 'R', 'unit kinds', 'non-claims', 'exact spans', 'speaker', 'false attrib.'],
        articles.map((a) => [
          a.article,
          a.checkworthy.f1,
          a.checkworthy.precision,
          a.checkworthy.recall,
          a.unitKindAccuracy,
          `${a.nonClaimUnitsRight}/${a.nonClaimUnits}`,
          `${a.exactSpans}/${a.units.length}`,
          `${a.speakerRight}/${a.attributedClaims}`,
          String(a.falseAttributions),
        ]).concat(
          all
            ? [[all.article, all.f1, all.precision, all.recall, all.unitKindAccuracy, `${all.nonClaimUnitsRight}/${all.nonClaimUnits}`, `${all.exactSpans}/${all.units}`, `${all.speakerRight}/${all.attributedClaims}`, String(all.falseAttributions)]]
            : [],
        ),
      ),
    );
    if (args.verbose) {
      for (const a of articles) {
        for (const u of a.units) {
          const mark = u.gold.kind !== 'sentence' ? (u.kindRight ? 'ok' : 'KIND') : u.predictedCheckworthy === u.gold.checkworthy ? 'ok' : 'CW';
          const spk = u.speakerRight === false ? ` SPEAKER got ${u.predictedSpeaker} want ${u.gold.speaker}` : '';
          console.log(`  ${mark.padEnd(4)} ${u.gold.kind.padEnd(8)} gold=${u.gold.checkworthy ? 'Y' : 'N'} score=${u.score?.toFixed(2) ?? '-'} ${u.gold.text.slice(0, 70)}${spk}`);
        }
      }
    }
  }
  if (tsvs.length) {
    console.log('\nLabelled sentences (positive class at the threshold)');
    console.log(
      table(
        ['file', 'sentences', 'Yes', 'F1', 'P', 'R', 'AP'],
        tsvs.map((t) => [t.file, String(t.sentences), String(t.positives), t.f1, t.precision, t.recall, t.averagePrecision]),
      ),
    );
  }
  if (args.predictions) console.log(`\npredictions: ${predictions.length} lines -> ${args.predictions}`);
}

main();
