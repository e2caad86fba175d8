import { normalizeMatchText } from '@claimdesk/extraction';

/** One fact-check as the library stores it, whatever it came from (a ClaimReview, a desk verdict, the benchmark TSV). */
export interface FactCheckRecord {
  url: string;
  claimReviewed: string;
  title?: string | null;
  rating?: string | null;
  ratingValue?: number | null;
  bestRating?: number | null;
  worstRating?: number | null;
  authorName?: string | null;
  authorUrl?: string | null;
  claimAuthor?: string | null;
  datePublished?: Date | null;
  origin: 'DESK' | 'IMPORTED';
  claimId?: string | null;
  verdictId?: string | null;
  document?: unknown;
}

/** The normalised text the tsvector is generated from: one function for the index and the query. */
export function matchFields(record: Pick<FactCheckRecord, 'claimReviewed' | 'title'>): { matchText: string; matchTitle: string } {
  return {
    matchText: normalizeMatchText(record.claimReviewed).text,
    matchTitle: record.title ? normalizeMatchText(record.title).text : '',
  };
}
