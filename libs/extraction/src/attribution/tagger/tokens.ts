// Tokens of a normalised sentence for the attribution tagger: words (with inner apostrophes, hyphens
// and dots: "Holtz-Eakin", "U.S", "don't") and single punctuation marks, each with its offsets and
// whether it sits inside a quotation. Two apostrophes ('', the New York Times' quote mark) count as a
// double quote.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Inside a quotation opened in this sentence (or open at its start). */
  quoted: boolean;
  /** The token is a quote mark. */
  quote: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*|''|[^\s\p{L}\p{N}]/gu;

export function tokenize(s: string, openAtStart = false): Token[] {
  const out: Token[] = [];
  let open = openAtStart;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m !== null; m = TOKEN_RE.exec(s)) {
    const text = m[0];
    const quote = text === '"' || text === "''";
    if (quote) {
      // A quote after a space (or at the start) opens, any other closes: '"We will," he said'.
      const i = m.index;
      const opens = i === 0 || /[\s([{\u2013\u2014-]/.test(s[i - 1]);
      open = opens && !(open && (i + text.length >= s.length || /\s/.test(s[i + text.length])));
      out.push({ text: '"', lower: '"', start: i, end: i + text.length, quoted: open, quote: true });
      continue;
    }
    out.push({ text, lower: text.toLowerCase(), start: m.index, end: m.index + text.length, quoted: open, quote: false });
  }
  return out;
}
