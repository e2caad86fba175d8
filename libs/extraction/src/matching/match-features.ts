// Features of one (claim, fact-check) pair for the re-ranker. The candidate stage in Postgres finds
// fact-checks sharing words with the claim; these features tell the one that checks the same claim
// from the ones that merely share its topic: how much of each side the other covers (weighted by
// how rare the words are), character trigrams (spelling, inflection, glued words), the names and
// numbers both mention, a negation on one side only, and the title. Pure: the caller supplies the
// lexemes Postgres parsed and the library's document frequencies.
import { capitalisedRuns } from '../entities/names';
import { findNumbers } from '../entities/numbers';

export interface LexemeStats {
  docCount: number;
  df: ReadonlyMap<string, number>;
}

export interface MatchQueryInput {
  text: string;
  /** The query's English lexemes as Postgres parses them (to_tsvector('english', text)). */
  lexemes: readonly string[];
  /** Who said it (a claim's speaker, a tweet's author), when known. */
  speaker?: string | null;
}

export interface MatchCandidateInput {
  text: string;
  title: string;
  textLexemes: readonly string[];
  titleLexemes: readonly string[];
  /** ts_rank of the candidate stage. */
  tsRank: number;
}

export const MATCH_FEATURES = [
  'ts_rank',
  'ts_rank_rel',
  'stage_position',
  'query_coverage',
  'text_coverage',
  'title_coverage',
  'bm25',
  'bm25_rel',
  'coverage_rel',
  'trigram_dice',
  'trigram_containment',
  'title_trigram_containment',
  'names_shared',
  'names_coverage',
  'names_missing',
  'numbers_shared',
  'numbers_mismatch',
  'negation_mismatch',
  'speaker_named',
  'short_text',
] as const;
export type MatchFeatureName = (typeof MATCH_FEATURES)[number];
export type MatchFeatureVector = Record<MatchFeatureName, number>;

const NEGATION_RE = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|fake|false|hoax|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|can't|cannot|couldn't|shouldn't|wouldn't|hasn't|haven't|hadn't|n't)\b/i;
const NAME_STOP = new Set(['the', 'a', 'an', 'i', 'we', 'you', 'he', 'she', 'they', 'it', 'this', 'that', 'breaking', 'video', 'photo', 'photos', 'news', 'new', 'just', 'rt', 'omg', 'wow']);

function idf(stats: LexemeStats, lexeme: string): number {
  const df = stats.df.get(lexeme) ?? 0;
  return Math.log(1 + (stats.docCount - df + 0.5) / (df + 0.5));
}

function trigrams(s: string): Set<string> {
  const t = ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) n++;
  return n;
}

function nameTokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of capitalisedRuns(s)) {
    for (const token of run.tokens) {
      const t = token.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (t.length > 1 && !NAME_STOP.has(t)) out.add(t);
    }
  }
  return out;
}

function numberValues(s: string): Set<string> {
  const out = new Set<string>();
  for (const n of findNumbers(s)) if (n.value !== null && n.value !== 1) out.add(String(n.value));
  for (const year of s.match(/\b(?:1[89]|20)\d{2}\b/g) ?? []) out.add(year);
  return out;
}

/** What the query contributes to every pair, computed once per query. */
export interface PreparedQuery {
  lexemes: ReadonlySet<string>;
  idfSum: number;
  trigrams: Set<string>;
  names: Set<string>;
  numbers: Set<string>;
  negated: boolean;
  speakerTokens: Set<string>;
}

export function prepareQuery(q: MatchQueryInput, stats: LexemeStats): PreparedQuery {
  const lexemes = new Set(q.lexemes);
  let idfSum = 0;
  for (const l of lexemes) idfSum += idf(stats, l);
  return {
    lexemes,
    idfSum,
    trigrams: trigrams(q.text),
    names: nameTokens(q.text),
    numbers: numberValues(q.text),
    negated: NEGATION_RE.test(q.text),
    speakerTokens: new Set((q.speaker ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 2)),
  };
}

function coverage(q: PreparedQuery, lexemes: readonly string[], stats: LexemeStats): { shared: number; own: number } {
  let shared = 0;
  let own = 0;
  for (const l of new Set(lexemes)) {
    const w = idf(stats, l);
    own += w;
    if (q.lexemes.has(l)) shared += w;
  }
  return { shared, own };
}

/** The features of every candidate of one query, in candidate-stage order (relative features need them all). */
export function matchFeatures(q: PreparedQuery, candidates: readonly MatchCandidateInput[], stats: LexemeStats): MatchFeatureVector[] {
  const raw = candidates.map((c, position) => {
    const text = coverage(q, c.textLexemes, stats);
    const title = coverage(q, c.titleLexemes, stats);
    const both = coverage(q, [...c.textLexemes, ...c.titleLexemes], stats);
    const ctri = trigrams(c.text);
    const shared = overlap(q.trigrams, ctri);
    const ttri = trigrams(c.title);
    const names = nameTokens(`${c.text} ${c.title}`);
    const sharedNames = overlap(q.names, names);
    const numbers = numberValues(`${c.text} ${c.title}`);
    const sharedNumbers = overlap(q.numbers, numbers);
    const candidateWords = new Set(`${c.text} ${c.title}`.toLowerCase().split(/[^a-z0-9]+/));
    return {
      ts_rank: Math.log(1e-6 + c.tsRank),
      ts_rank_rel: 0,
      stage_position: 1 / (1 + position),
      query_coverage: q.idfSum > 0 ? both.shared / q.idfSum : 0,
      text_coverage: text.own > 0 ? text.shared / text.own : 0,
      title_coverage: title.own > 0 ? title.shared / title.own : 0,
      bm25: both.shared,
      bm25_rel: 0,
      coverage_rel: 0,
      trigram_dice: (2 * shared) / Math.max(1, q.trigrams.size + ctri.size),
      trigram_containment: shared / Math.max(1, ctri.size),
      title_trigram_containment: overlap(q.trigrams, ttri) / Math.max(1, ttri.size),
      names_shared: Math.log1p(sharedNames),
      names_coverage: names.size > 0 ? sharedNames / names.size : 0,
      names_missing: q.names.size > 0 && names.size > 0 && sharedNames === 0 ? 1 : 0,
      numbers_shared: Math.min(sharedNumbers, 2),
      numbers_mismatch: q.numbers.size > 0 && numbers.size > 0 && sharedNumbers === 0 ? 1 : 0,
      negation_mismatch: q.negated !== NEGATION_RE.test(c.text) ? 1 : 0,
      speaker_named: [...q.speakerTokens].some((t) => candidateWords.has(t)) ? 1 : 0,
      short_text: c.textLexemes.length <= 2 ? 1 : 0,
    } satisfies MatchFeatureVector;
  });
  // How far each candidate is from the query's best: a pointwise model then ranks within the query.
  const best = (f: (v: MatchFeatureVector) => number) => Math.max(...raw.map(f));
  const bestRank = best((v) => v.ts_rank);
  const bestBm25 = best((v) => v.bm25);
  const bestCoverage = best((v) => v.text_coverage + v.title_coverage);
  for (const v of raw) {
    v.ts_rank_rel = v.ts_rank - bestRank;
    v.bm25_rel = bestBm25 > 0 ? v.bm25 / bestBm25 - 1 : 0;
    v.coverage_rel = v.text_coverage + v.title_coverage - bestCoverage;
  }
  return raw;
}
