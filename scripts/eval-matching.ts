// npm run eval:matching -- --vclaims F --queries F [--qrels F] [--predictions OUT.tsv] [--json] [--model F]
// Loads the fact-check collection (CheckThat! vclaims TSV) into a fresh database of its own through
// the product's import and index code, ranks every query with the product's matcher, and prints
// MAP@5, Recall@1 and Recall@5 as ../shared/eval/claim-matching/README.md defines them (every query
// in the qrels counts; a query with nothing found scores 0), with the milliseconds per query.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { FactCheckMatcher, vclaimIdOf } from '@claimdesk/core';
import { BUNDLED_MATCHER_MODEL, rankingMetrics, type MatcherModel } from '@claimdesk/extraction';
import { flag, percentile, readQueries, withBenchmarkLibrary } from './lib/matching-benchmark';

const USAGE = 'usage: npm run eval:matching -- --vclaims FILE --queries FILE [--qrels FILE] [--predictions OUT.tsv] [--json] [--model FILE]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const vclaims = flag(args, 'vclaims');
  const queriesFile = flag(args, 'queries');
  if (!vclaims || !queriesFile) {
    console.error(USAGE);
    process.exit(2);
  }
  const qrels = flag(args, 'qrels');
  const predictionsFile = flag(args, 'predictions');
  const modelFile = flag(args, 'model');
  const model = modelFile ? (JSON.parse(readFileSync(modelFile, 'utf8')) as MatcherModel) : BUNDLED_MATCHER_MODEL;
  const queries = readQueries(queriesFile, qrels);
  const report = await withBenchmarkLibrary(vclaims, async (prisma, loadMs, size) => {
    const matcher = FactCheckMatcher.over(prisma, model);
    await matcher.match('warm up the statistics cache and the connection pool');
    const ranked: Array<{ id: string; ranked: string[]; scores: number[]; relevant: Set<string> }> = [];
    const ms: number[] = [];
    for (const q of queries) {
      const started = performance.now();
      const matches = await matcher.match(q.text, { limit: 5 });
      ms.push(performance.now() - started);
      ranked.push({ id: q.id, ranked: matches.map((m) => vclaimIdOf(m.url)), scores: matches.map((m) => m.score), relevant: q.relevant });
    }
    ms.sort((a, b) => a - b);
    if (predictionsFile) {
      const lines = ranked.flatMap((r) => r.ranked.map((v, i) => `${r.id}\t${v}\t${i + 1}\t${r.scores[i].toFixed(6)}`));
      writeFileSync(predictionsFile, lines.join('\n') + '\n');
    }
    const scored = qrels ? rankingMetrics(ranked.filter((r) => r.relevant.size > 0)) : null;
    return {
      model: model.version,
      factChecks: size,
      loadSeconds: Math.round(loadMs) / 1000,
      queries: queries.length,
      ...(scored ? { map5: round(scored.map5), recall1: round(scored.r1), recall5: round(scored.r5) } : {}),
      msPerQuery: { median: round(percentile(ms, 0.5), 1), p95: round(percentile(ms, 0.95), 1), mean: round(ms.reduce((s, x) => s + x, 0) / Math.max(1, ms.length), 1) },
    };
  });
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`model ${report.model}: ${report.factChecks} fact-checks loaded in ${report.loadSeconds} s, ${report.queries} queries`);
    if (report.map5 !== undefined) console.log(`MAP@5 ${report.map5}  Recall@1 ${report.recall1}  Recall@5 ${report.recall5}`);
    console.log(`ms/query: median ${report.msPerQuery.median}, p95 ${report.msPerQuery.p95}, mean ${report.msPerQuery.mean}`);
  }
}

function round(x: number, digits = 4): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
