import { Injectable } from '@nestjs/common';
import {
  BUNDLED_MATCHER_MODEL,
  matchFeatures,
  matchReasons,
  matchScore,
  normalizeMatchText,
  prepareQuery,
  type LexemeStats,
  type MatchFeatureVector,
  type MatcherModel,
} from '@claimdesk/extraction';
import { PrismaService } from '@claimdesk/database';
import { candidatesSql, LEXEME_STATS_SQL, LIBRARY_SIZE_SQL, type CandidateRow } from './candidates.sql';

export interface FactCheckMatch {
  factCheckId: string;
  url: string;
  score: number;
  /** The features that raised the score most, with their values and contributions. */
  reasons: ReturnType<typeof matchReasons>;
}

/** What the matcher needs of Prisma: raw queries only (the eval command passes a bare PrismaClient). */
export type RawQueryClient = Pick<PrismaService, '$queryRaw'>;

// Document frequencies change slowly: a few new fact-checks barely move a word's rarity. They are
// read again after STATS_TTL_MS, or at once after an import in this process (invalidate()).
const STATS_TTL_MS = 60_000;

/**
 * Ranks the fact-check library for one claim: candidates from Postgres full-text search
 * (candidates.sql.ts), re-ranked by the learned model over match-features.ts. The same code serves the
 * flow, GET /claims/:id/matches and npm run eval:matching.
 */
@Injectable()
export class FactCheckMatcher {
  private stats: { value: LexemeStats; at: number } | null = null;
  private loading: Promise<LexemeStats> | null = null;
  private model: MatcherModel = BUNDLED_MATCHER_MODEL;

  constructor(private readonly prisma: PrismaService) {}

  /** A matcher outside Nest (npm run eval:matching, train:matcher), optionally with another model. */
  static over(prisma: RawQueryClient, model: MatcherModel = BUNDLED_MATCHER_MODEL): FactCheckMatcher {
    const matcher = new FactCheckMatcher(prisma as PrismaService);
    matcher.model = model;
    return matcher;
  }

  invalidate(): void {
    this.stats = null;
  }

  async match(text: string, options: { speaker?: string | null; limit?: number } = {}): Promise<FactCheckMatch[]> {
    const { rows, features } = await this.candidates(text, options.speaker);
    return rows
      .map((row, i) => ({ row, f: features[i], score: matchScore(this.model, features[i]) }))
      .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, options.limit ?? 5)
      .map(({ row, f, score }) => ({ factCheckId: row.id, url: row.url, score, reasons: matchReasons(this.model, f) }));
  }

  /** The candidate stage and each candidate's features, in candidate-stage order (train:matcher fits on these). */
  async candidates(text: string, speaker?: string | null, limit = this.model.candidates): Promise<{ rows: CandidateRow[]; features: MatchFeatureVector[] }> {
    const normalised = normalizeMatchText(text);
    if (!normalised.text) return { rows: [], features: [] };
    const [rows, stats] = await Promise.all([this.prisma.$queryRaw<CandidateRow[]>(candidatesSql(normalised.text, limit)), this.lexemeStats()]);
    if (rows.length === 0) return { rows, features: [] };
    const query = prepareQuery({ text: normalised.text, lexemes: rows[0].queryLexemes, speaker: speaker ?? normalised.author }, stats);
    const features = matchFeatures(
      query,
      rows.map((r) => ({ text: r.matchText, title: r.matchTitle, textLexemes: r.textLexemes, titleLexemes: r.titleLexemes, tsRank: r.tsRank })),
      stats,
    );
    return { rows, features };
  }

  private async lexemeStats(): Promise<LexemeStats> {
    if (this.stats && Date.now() - this.stats.at < STATS_TTL_MS) return this.stats.value;
    this.loading ??= (async () => {
      try {
        const [words, [{ n }]] = await Promise.all([
          this.prisma.$queryRaw<Array<{ word: string; ndoc: number }>>(LEXEME_STATS_SQL),
          this.prisma.$queryRaw<Array<{ n: number }>>(LIBRARY_SIZE_SQL),
        ]);
        const value = { docCount: n, df: new Map(words.map((w) => [w.word, w.ndoc])) };
        this.stats = { value, at: Date.now() };
        return value;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
