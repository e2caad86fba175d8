export interface VerdictInput {
  rating: string;
  rationale: string;
  confidence?: number | null;
  sources: Array<{ url: string; title?: string | null; note?: string | null }>;
}
