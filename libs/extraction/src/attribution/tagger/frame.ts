// What the tagger's tags say about one sentence: its source phrase (the one nearest a cue, outside
// quotes), the cue, and how the sentence's content runs (does it open and close inside a content, so
// that a content from the sentence before or after may run through it).
import { B_CUE, B_SRC, CON, I_CUE, I_SRC } from './tags';
import type { Token } from './tokens';

export interface TaggedFrame {
  /** The source phrase as written ("Rep. Jane Doe (D-N.Y.)", "the newspaper", "he"), or null. */
  source: string | null;
  cue: string | null;
  /** Share of the sentence's word tokens tagged content. */
  contentShare: number;
  /** The first / last word token is content (a content may run in from before / on after). */
  opensInContent: boolean;
  closesInContent: boolean;
  /** The sentence has a quote mark or opens inside a quotation: quote-continuation.ts follows those. */
  quoted: boolean;
}

interface Span {
  start: number;
  end: number;
}

function spans(tags: number[], b: number, inside: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== b && tags[i] !== inside) continue;
    const start = i;
    while (i + 1 < tags.length && tags[i + 1] === inside) i++;
    out.push({ start, end: i + 1 });
  }
  return out;
}

const WORD_RE = /[\p{L}\p{N}]/u;

export function frameFromTags(s: string, tokens: Token[], tags: number[]): TaggedFrame {
  const words = tokens.map((_, i) => i).filter((i) => WORD_RE.test(tokens[i].text));
  const content = words.filter((i) => tags[i] === CON).length;
  const cues = spans(tags, B_CUE, I_CUE);
  // A source inside a quotation is someone the speaker cites, not the sentence's source.
  const sources = spans(tags, B_SRC, I_SRC).filter((sp) => !tokens[sp.start].quoted || tokens[sp.start].quote);
  let source: Span | null = null;
  let cue: Span | null = null;
  let bestGap = Infinity;
  for (const sp of sources) {
    for (const c of cues) {
      const gap = c.start >= sp.end ? c.start - sp.end : sp.start >= c.end ? sp.start - c.end : 0;
      if (gap < bestGap) {
        bestGap = gap;
        source = sp;
        cue = c;
      }
    }
  }
  // Source and cue belong together only when close ("X, who ..., said": a clause between them).
  if (bestGap > 25) source = cue = null;
  const slice = (sp: Span | null) => (sp ? s.slice(tokens[sp.start].start, tokens[sp.end - 1].end) : null);
  return {
    source: slice(source),
    cue: slice(cue),
    contentShare: words.length ? content / words.length : 0,
    opensInContent: words.length > 0 && tags[words[0]] === CON,
    closesInContent: words.length > 0 && tags[words[words.length - 1]] === CON,
    quoted: tokens.some((t) => t.quote || t.quoted),
  };
}
