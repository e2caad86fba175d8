import { Prisma } from '@prisma/client';

export interface CandidateRow {
  id: string;
  url: string;
  matchText: string;
  matchTitle: string;
  tsRank: number;
  textLexemes: string[];
  titleLexemes: string[];
  /** The query's own lexemes (the same on every row: one round trip instead of two). */
  queryLexemes: string[];
}

/**
 * The candidate stage: a full-text OR of the query's English lexemes over the GIN-indexed tsvector,
 * ranked by ts_rank (issue 18 measured an AND query, websearch_to_tsquery, matching almost nothing on
 * tweets; the OR query is the one that finds). The OR query is built from lexemes with tsquery input
 * syntax so nothing is parsed twice. Returns each candidate's lexemes for the re-ranker.
 */
export function candidatesSql(queryText: string, limit: number): Prisma.Sql {
  return Prisma.sql`
WITH ql AS (
  SELECT tsvector_to_array(to_tsvector('english', ${queryText})) AS lexemes
), q AS (
  SELECT string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery AS q
  FROM ql, unnest(ql.lexemes) AS l
), hits AS (
  SELECT f.id, f.url, f."matchText", f."matchTitle", ts_rank(f.tsv, q.q) AS rank
  FROM "FactCheck" f, q
  WHERE f.tsv @@ q.q
  ORDER BY rank DESC, f.id
  LIMIT ${limit}
)
SELECT h.id, h.url, h."matchText", h."matchTitle", h.rank::float8 AS "tsRank",
       tsvector_to_array(to_tsvector('english', h."matchText")) AS "textLexemes",
       tsvector_to_array(to_tsvector('english', h."matchTitle")) AS "titleLexemes",
       ql.lexemes AS "queryLexemes"
FROM hits h, ql
ORDER BY h.rank DESC, h.id`;
}

/** Document frequency of every lexeme in the library, for the re-ranker's BM25 (cached by the matcher). */
export const LEXEME_STATS_SQL = Prisma.sql`
SELECT word, ndoc::int AS ndoc FROM ts_stat('SELECT tsv FROM "FactCheck"')`;

export const LIBRARY_SIZE_SQL = Prisma.sql`SELECT count(*)::int AS n FROM "FactCheck"`;
