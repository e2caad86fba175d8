// npm run eval:attribution -- --polnear DIR [--json] [--annotator first|all] [--misses N]
// Speaker attribution on PolNeAR (DIR holds text/ and attributions/), scored as
// ../shared/eval/polnear/README.md says, through extractClaims exactly as the product runs it: the
// article file read as text/plain (headline = first line, body = the rest). Reports speaker-right
// over scored claims, false speakers over unattributed claims, and sentences per second.
import { resolve } from 'path';
import { walkOptions } from './lib/cli-options';
import { readPolnear } from './lib/polnear';
import { extractClaims, splitPlainText } from '@claimdesk/extraction';
import type { AnnotatedAttribution } from '../libs/extraction/src/eval/brat';
import { judgeClaims, type ClaimVerdict } from '../libs/extraction/src/eval/attribution-eval';

interface Args {
  dir: string;
  json: boolean;
  /** An article annotated twice: score against its first annotation file, or against each. */
  annotator: 'first' | 'all' | 'union';
  misses: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: '', json: false, annotator: 'first', misses: 0 };
  walkOptions(argv, (a, next) => {
    if (a === '--polnear') args.dir = resolve(next());
    else if (a === '--json') args.json = true;
    else if (a === '--annotator') {
      const v = next();
      if (v !== 'first' && v !== 'all' && v !== 'union') throw new Error('--annotator must be first, all or union');
      args.annotator = v;
    } else if (a === '--misses') args.misses = Number(next());
    else return false;
    return true;
  });
  if (!args.dir) throw new Error('--polnear DIR is required (a folder with text/ and attributions/)');
  return args;
}

interface Miss {
  article: string;
  verdict: ClaimVerdict;
  sentence: string;
  speaker: string | null;
  source: string | null;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const counts: Record<ClaimVerdict, number> = { right: 0, wrong: 0, missing: 0, 'false-speaker': 0, unattributed: 0, unscored: 0 };
  const misses: Miss[] = [];
  let sentences = 0;
  let ms = 0;
  const articles = readPolnear(args.dir);
  for (const { name, raw, annotations } of articles) {
    const { title, body, bodyOffset } = splitPlainText(raw);
    const t0 = process.hrtime.bigint();
    const result = extractClaims({ title, body });
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    sentences += result.claims.length;
    const claims = result.claims.map((c) => ({ start: c.spanStart + bodyOffset, end: c.spanEnd + bodyOffset, speaker: c.speaker }));
    const sets: AnnotatedAttribution[][] =
      args.annotator === 'first' ? [annotations[0]] : args.annotator === 'all' ? annotations : [annotations.flat()];
    for (const attributions of sets) {
      judgeClaims(claims, attributions).forEach((j, i) => {
        counts[j.verdict]++;
        if (j.verdict === 'missing' || j.verdict === 'wrong' || j.verdict === 'false-speaker') {
          misses.push({ article: name, verdict: j.verdict, sentence: result.claims[i].sentence, speaker: claims[i].speaker, source: j.source });
        }
      });
    }
  }
  const scored = counts.right + counts.wrong + counts.missing;
  const unattributed = counts.unattributed + counts['false-speaker'];
  const report = {
    articles: articles.length,
    scored,
    right: counts.right,
    wrong: counts.wrong,
    missing: counts.missing,
    speakerRight: scored ? counts.right / scored : 0,
    unattributed,
    falseSpeakers: counts['false-speaker'],
    falseSpeakerRate: unattributed ? counts['false-speaker'] / unattributed : 0,
    unscored: counts.unscored,
    sentences,
    sentencesPerSecond: Math.round((sentences / ms) * 1000),
  };
  if (args.json) {
    console.log(JSON.stringify({ ...report, misses: misses.slice(0, args.misses) }, null, 2));
    return;
  }
  const f3 = (x: number) => x.toFixed(3);
  console.log(`PolNeAR ${args.dir} (${report.articles} articles, annotations: ${args.annotator})`);
  console.log(`speaker right       ${f3(report.speakerRight)}  (${report.right} of ${scored}; no speaker ${report.missing}, wrong ${report.wrong})`);
  console.log(`false speakers      ${f3(report.falseSpeakerRate)}  (${report.falseSpeakers} of ${unattributed} unattributed claims)`);
  console.log(`claims in unscored attributions ${report.unscored}`);
  console.log(`speed               ${report.sentencesPerSecond} sentences/s (${sentences} sentences, extractClaims only)`);
  for (const m of misses.slice(0, args.misses)) {
    console.log(`\n[${m.verdict}] ${m.article}\n  ${m.sentence}\n  speaker: ${m.speaker ?? '-'}   source: ${m.source ?? '-'}`);
  }
}

main();
