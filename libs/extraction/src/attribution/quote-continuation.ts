// Quotations that run over several sentences. A sentence split out of a quotation has no frame of
// its own ('"We are turning the corner." / 'Now we need ...," she said.'), or only one quoted
// from someone else ('"The Audit Commission has said ..."'); it belongs to whoever the quotation
// is attributed to. News convention also leaves a quote open at the end of a paragraph that the
// next paragraph reopens, and gives a free-standing quote to the speaker just cited.
//
// Works on normalised text, where every double quote is a straight '"'.

export interface QuoteSentence {
  /** The normalised sentence. */
  text: string;
  /** The sentence opens a paragraph (a quote left open before it ends unless it reopens one). */
  newParagraph: boolean;
  /** The speaker phrase of the sentence's own frame, as findAttribution wrote it. */
  framePhrase: string | null;
}

interface QuoteScan {
  openAtEnd: boolean;
  /** The sentence with its quoted stretches blanked out. */
  outside: string;
}

// A straight quote after a space, a bracket or a dash (or at the start) opens; any other closes.
function opensAt(text: string, i: number): boolean {
  return i === 0 || /[\s([{\u2013\u2014-]/.test(text[i - 1]);
}

function scanQuotes(text: string, openAtStart: boolean): QuoteScan {
  let open = openAtStart;
  let outside = '';
  let from = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    if (!open) outside += text.slice(from, i);
    else outside += ' '.repeat(i - from);
    outside += ' ';
    from = i + 1;
    // An opening quote inside an open quotation reopens it (a new paragraph of the same quote).
    open = opensAt(text, i) ? true : false;
  }
  outside += open ? ' '.repeat(text.length - from) : text.slice(from);
  return { openAtEnd: open, outside };
}

function hasWord(text: string, phrase: string): boolean {
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1];
    const after = text[i + phrase.length] ?? ' ';
    if (!/\w/.test(before) && !/\w/.test(after)) return true;
  }
  return false;
}

/**
 * Speakers with quotations followed across sentences: `speakers` holds each sentence's speaker from
 * its own frame (resolved); the result fills the sentences that sit inside a quotation attributed
 * elsewhere.
 */
export function followQuotations(
  sentences: QuoteSentence[],
  speakers: Array<string | null>,
): Array<string | null> {
  const out = speakers.slice();
  let open = false;
  let i = 0;
  while (i < sentences.length) {
    // Group the sentences one quotation runs through.
    const group: Array<{ index: number; scan: QuoteScan }> = [];
    do {
      const s = sentences[i];
      if (s.newParagraph && !s.text.startsWith('"')) open = false;
      if (group.length > 0 && !open) break;
      const scan = scanQuotes(s.text, open);
      group.push({ index: i, scan });
      open = scan.openAtEnd;
      i++;
    } while (i < sentences.length);
    const framedOutside = group.filter((g) => {
      const phrase = sentences[g.index].framePhrase;
      return phrase !== null && hasWord(g.scan.outside, phrase.trim());
    });
    const quoted =
      framedOutside.length === 0 &&
      sentences[group[0].index].text.startsWith('"') &&
      group.every((g) => !/[A-Za-z]/.test(g.scan.outside));
    if (group.length === 1 && !quoted) continue;
    const named = new Set(framedOutside.map((g) => out[g.index]).filter((x): x is string => x !== null));
    let speaker: string | null = null;
    if (named.size === 1) speaker = [...named][0];
    else if (quoted && group[0].index > 0) speaker = out[group[0].index - 1];
    if (speaker === null) continue;
    for (const g of group) if (!framedOutside.includes(g)) out[g.index] = speaker;
  }
  return out;
}
