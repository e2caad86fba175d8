// Public shapes of the extraction library. Offsets are JavaScript string indices into the body as
// given (never into a normalised copy), so `body.slice(start, end)` always returns the stored text.
import type { CheckworthinessModel } from './scoring/model';

export type UnitKind =
  | 'headline'
  | 'standfirst'
  | 'caption'
  | 'credit'
  | 'dateline'
  | 'byline'
  | 'related'
  | 'sentence';

export interface TextUnit {
  kind: UnitKind;
  text: string;
  start: number;
  end: number;
}

/** One feature that fired for a sentence; label is for people ("mentions a number"). */
export interface ScoreFeature {
  name: string;
  label: string;
  value: number;
  weight: number;
  contribution: number;
}

export interface ExtractedEntities {
  people: string[];
  organisations: string[];
  places: string[];
  /** Resolved against publishedAt, pointing back in time (news reports the past). */
  dates: Array<{ text: string; iso: string | null }>;
  numbers: Array<{ text: string; value: number | null; unit: string | null }>;
}

export interface ExtractedClaim {
  /** 0-based, order in the body, over sentence units only. */
  ordinal: number;
  /** Always === body.slice(spanStart, spanEnd). */
  sentence: string;
  spanStart: number;
  spanEnd: number;
  /** The claim with its attribution frame removed; null when there is no frame. */
  coreText: string | null;
  /** Normalised across the article ("President Nicolas Maduro" -> "Nicolas Maduro"). */
  speaker: string | null;
  reportingVerb: string | null;
  entities: ExtractedEntities;
  topics: string[];
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** Fired features ranked by |contribution|, most important first. */
  features: ScoreFeature[];
  /** Readable summary of the top positive features, e.g. "number + past event + attributed". */
  reason: string;
  /** score >= threshold, and not a restatement of an earlier claim (never routed twice). */
  checkworthy: boolean;
  /** Ordinal of the earlier claim this one restates. */
  duplicateOf: number | null;
  /** Atomic parts of a compound sentence, [] when the sentence carries one claim. */
  parts: string[];
}

/** Desk-editable topic lexicon: topic -> keywords or phrases (lower case, matched on word edges). */
export interface TopicLexicon {
  version?: string;
  topics: Record<string, string[]>;
}

export interface ExtractionInput {
  title?: string | null;
  body: string;
  publishedAt?: Date | null;
  language?: string;
}

export interface ExtractionOptions {
  /** Default: the model's own threshold. */
  threshold?: number;
  topicLexicon?: TopicLexicon;
  /** Another weights file than the bundled one (eval:extraction --model, a desk's refit). */
  model?: CheckworthinessModel;
}

export interface ExtractionResult {
  units: TextUnit[];
  claims: ExtractedClaim[];
  threshold: number;
  modelVersion: string;
}
