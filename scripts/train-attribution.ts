// npm run train:attribution -- --polnear DIR [--dev DIR] [--epochs N] [--prune X] [--out PATH] [--version NAME]
// Fits the attribution tagger (attribution/tagger) on PolNeAR: every sentence of every article, cut
// and tokenised as extractClaims cuts them, each token tagged with its role in the first annotation
// file of its article (Source / Cue as BIO spans, Content as one tag; a token in an inner
// attribution's source or cue takes that role over the outer content). Writes the averaged weights,
// pruned, with their provenance. --dev reports token accuracy and source/cue F1 on another split.
import { writeFileSync } from 'fs';
import { resolve } from 'path';
import { walkOptions } from './lib/cli-options';
import { readPolnear } from './lib/polnear';
import { splitPlainText } from '@claimdesk/extraction';
import type { AnnotatedSpan } from '../libs/extraction/src/eval/brat';
import { articleSentences, tokenSpan } from '../libs/extraction/src/attribution/tagger/sentences';
import { loadWeights, tagSentence, TokenScorer, trainPerceptron, type TaggerWeightsFile, type TrainingSentence } from '../libs/extraction/src/attribution/tagger/perceptron';
import { B_CUE, B_SRC, CON, I_CUE, I_SRC, O, TAGS } from '../libs/extraction/src/attribution/tagger/tags';

interface Args {
  polnear: string;
  dev: string | null;
  epochs: number;
  prune: number;
  out: string;
  version: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { polnear: '', dev: null, epochs: 3, prune: 2, out: 'libs/extraction/src/model/attribution-tagger.v1.json', version: 'attribution-tagger.v1' };
  walkOptions(argv, (a, next) => {
    if (a === '--polnear') args.polnear = resolve(next());
    else if (a === '--dev') args.dev = resolve(next());
    else if (a === '--epochs') args.epochs = Number(next());
    else if (a === '--prune') args.prune = Number(next());
    else if (a === '--out') args.out = next();
    else if (a === '--version') args.version = next();
    else return false;
    return true;
  });
  if (!args.polnear) throw new Error('--polnear DIR is required (PolNeAR train: text/ and attributions/)');
  return args;
}

interface Role {
  span: AnnotatedSpan;
  id: number;
}

function roleAt(roles: Role[], at: number): Role | null {
  for (const r of roles) for (const p of r.span.pieces) if (at >= p.start && at < p.end) return r;
  return null;
}

/** Every sentence of the split with its gold tags. */
export function readSplit(dir: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const { raw, annotations } of readPolnear(dir)) {
    // A few files are not articles (one of the dev texts is a 67,000-word dump); they teach little.
    if (raw.length > 60000) continue;
    const atts = annotations[0];
    const sources: Role[] = [];
    const cues: Role[] = [];
    const contents: Role[] = [];
    atts.forEach((a, id) => {
      if (a.source) sources.push({ span: a.source, id });
      if (a.cue) cues.push({ span: a.cue, id });
      if (a.content) contents.push({ span: a.content, id });
    });
    const { title, body, bodyOffset } = splitPlainText(raw);
    const { norm, sentences } = articleSentences(body, title);
    for (const s of sentences) {
      const gold: number[] = [];
      let prevRole: Role | null = null;
      let prevKind = O;
      for (const t of s.view.tokens) {
        const span = tokenSpan(norm, s.start, t.start, t.end);
        const mid = bodyOffset + Math.floor((span.start + span.end - 1) / 2);
        const src = roleAt(sources, mid);
        const cue = src ? null : roleAt(cues, mid);
        const role = src ?? cue;
        let tag = O;
        if (src) tag = prevKind === B_SRC && prevRole === src ? I_SRC : B_SRC;
        else if (cue) tag = prevKind === B_CUE && prevRole === cue ? I_CUE : B_CUE;
        else if (roleAt(contents, mid)) tag = CON;
        gold.push(tag);
        prevRole = role;
        prevKind = tag === I_SRC ? B_SRC : tag === I_CUE ? B_CUE : tag;
      }
      out.push({ view: s.view, gold });
    }
  }
  return out;
}

function spansOf(tags: number[], b: number, inside: number): string[] {
  const spans: string[] = [];
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : O;
    if (start >= 0 && t !== inside) {
      spans.push(`${start}-${i}`);
      start = -1;
    }
    if (t === b) start = i;
  }
  return spans;
}

function report(label: string, data: TrainingSentence[], tag: (s: TrainingSentence) => number[]): Record<string, number> {
  let right = 0;
  let tokens = 0;
  const counts = { SRC: [0, 0, 0], CUE: [0, 0, 0] };
  for (const s of data) {
    const pred = tag(s);
    pred.forEach((p, i) => {
      tokens++;
      if (p === s.gold[i]) right++;
    });
    for (const [name, b, inside] of [['SRC', B_SRC, I_SRC], ['CUE', B_CUE, I_CUE]] as const) {
      const g = new Set(spansOf(s.gold, b, inside));
      const p = spansOf(pred, b, inside);
      counts[name][0] += p.filter((x) => g.has(x)).length;
      counts[name][1] += p.length;
      counts[name][2] += g.size;
    }
  }
  const f1 = ([tp, np, ng]: number[]) => (np + ng ? (2 * tp) / (np + ng) : 0);
  const r = { tokenAccuracy: right / tokens, sourceF1: f1(counts.SRC), cueF1: f1(counts.CUE) };
  console.log(`${label}: token accuracy ${r.tokenAccuracy.toFixed(4)}, source span F1 ${r.sourceF1.toFixed(3)}, cue span F1 ${r.cueF1.toFixed(3)}`);
  return r;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const train = readSplit(args.polnear);
  console.log(`train: ${train.length} sentences, ${train.reduce((n, s) => n + s.gold.length, 0)} tokens (${((Date.now() - started) / 1000).toFixed(1)} s to read)`);
  const avg = trainPerceptron(train, args.epochs, 13, (e, errors, tokens) =>
    console.log(`epoch ${e + 1}: ${errors} errors over ${tokens} tokens (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  );
  const weights: Record<string, number[]> = {};
  let kept = 0;
  for (const [f, w] of avg) {
    if (Math.max(...Array.from(w, Math.abs)) < args.prune) continue;
    weights[f] = Array.from(w, (x) => Math.round(x * 1000) / 1000);
    kept++;
  }
  console.log(`kept ${kept} of ${avg.size} features (max |w| >= ${args.prune})`);
  const results: Record<string, unknown> = {};
  const model = new TokenScorer(loadWeights({ version: args.version, tags: TAGS, weights, provenance: {} }));
  if (args.dev) results.dev = report('dev', readSplit(args.dev), (s) => tagSentence(model, s.view));
  const file: TaggerWeightsFile = {
    version: args.version,
    tags: TAGS,
    weights,
    provenance: {
      command: `npm run train:attribution -- ${process.argv.slice(2).join(' ')}`,
      data: 'PolNeAR train split (networkdynamics/PolNeAR data/train: 840 articles, first annotation file of each), sentences cut by claimdesk\'s own segmenter',
      licence:
        'PolNeAR states no licence. The weights are derived from its annotations; the texts are not shipped. Check the corpus terms before shipping these weights outside in-house use, or refit on your own annotations.',
      trainedAt: new Date().toISOString(),
      epochs: args.epochs,
      prune: args.prune,
      sentences: train.length,
      features: kept,
      results,
    },
  };
  writeFileSync(args.out, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${args.out}`);
}

main();
