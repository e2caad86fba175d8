// The sentences of an article as the tagger sees them, in the product's own segmentation: a plain-text
// article (headline line, body) normalised and cut into sentence units, each sentence tokenised with
// the quotation state carried over from the sentence before.
import { normalize, toOriginal, type NormalizedText } from '../../text/normalize';
import { segmentUnits } from '../../segment/units';
import { viewOf, type SentenceView } from './features';
import { tokenize } from './tokens';

export interface TaggedSentenceInput {
  /** The normalised sentence. */
  text: string;
  /** Offset of the sentence in the normalised body. */
  start: number;
  view: SentenceView;
}

/** Whether a quotation is still open after this sentence. */
export function openAfter(view: SentenceView): boolean {
  const last = view.tokens[view.tokens.length - 1];
  if (!last) return view.openAtStart;
  return last.quoted;
}

export function sentenceViews(sentences: string[]): SentenceView[] {
  const out: SentenceView[] = [];
  let open = false;
  for (const s of sentences) {
    const tokens = tokenize(s, open);
    const v = viewOf(tokens, open);
    out.push(v);
    open = openAfter(v);
  }
  return out;
}

/** Sentence units of a body with their views, and the normalisation to map tokens back. */
export function articleSentences(body: string, title: string | null): { norm: NormalizedText; sentences: TaggedSentenceInput[] } {
  const norm = normalize(body);
  const units = segmentUnits(norm.text, title ? normalize(title).text.trim() : null).filter((u) => u.kind === 'sentence');
  const texts = units.map((u) => norm.text.slice(u.start, u.end));
  const views = sentenceViews(texts);
  return { norm, sentences: units.map((u, i) => ({ text: texts[i], start: u.start, view: views[i] })) };
}

/** A token's range in the original body. */
export function tokenSpan(norm: NormalizedText, sentenceStart: number, tStart: number, tEnd: number): { start: number; end: number } {
  return toOriginal(norm, sentenceStart + tStart, sentenceStart + tEnd);
}
