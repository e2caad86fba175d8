// Quotations that run over several sentences. A sentence split out of a quotation has no frame of
// its own ('"We are turning the corner." / 'Now we need ...," she said.'), or only one quoted
// from someone else ('"The Audit Commission has said ..."'); it belongs to whoever the quotation
// is attributed to. News convention also leaves a quote open at the end of a paragraph that the
// next paragraph reopens, and gives a free-standing quote to the speaker just cited.
//
// Works on normalised text, where every double quote is a straight '"'.
import { isPronoun } from './lexicon';

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
  /**
   * A quote opened while one was open, where no quotation may be reopened (anywhere but the start
   * of a paragraph): the earlier quotation was never closed.
   */
  strayOpen: boolean;
}

// A straight quote after a space, a bracket or a dash (or at the start) opens; any other closes.
// Inside a quotation a quote with space on both sides closes it: '"We will win, " Smith said'.
function opensAt(text: string, i: number, open: boolean): boolean {
  const spaceBefore = i === 0 || /[\s([{\u2013\u2014-]/.test(text[i - 1]);
  const spaceAfter = i + 1 >= text.length || /\s/.test(text[i + 1]);
  return spaceBefore && !(open && spaceAfter);
}

function scanQuotes(text: string, openAtStart: boolean, paragraphStart: boolean): QuoteScan {
  let open = openAtStart;
  let strayOpen = false;
  let outside = '';
  let from = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    if (!open) outside += text.slice(from, i);
    else outside += ' '.repeat(i - from);
    outside += ' ';
    from = i + 1;
    const opens = opensAt(text, i, open);
    // News reopens a quotation only at the start of its next paragraph.
    if (opens && open && !(i === 0 && paragraphStart)) strayOpen = true;
    open = opens;
  }
  outside += open ? ' '.repeat(text.length - from) : text.slice(from);
  return { openAtEnd: open, outside, strayOpen };
}

function hasWord(text: string, phrase: string): boolean {
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1];
    const after = text[i + phrase.length] ?? ' ';
    if (!/\w/.test(before) && !/\w/.test(after)) return true;
  }
  return false;
}

/** The sentence names its own speaker outside any quote ("..., officials said."), not a pronoun. */
function ownFrame(s: QuoteSentence): boolean {
  const phrase = s.framePhrase?.trim();
  if (!phrase || isPronoun(phrase)) return false;
  return hasWord(scanQuotes(s.text, false, true).outside, phrase);
}

/**
 * Speakers with quotations followed across sentences: `speakers` holds each sentence's speaker from
 * its own frame (resolved); the result fills the sentences that sit inside a quotation attributed
 * elsewhere. Only a quotation seen to close is followed: one left open (a typo, or a quote mark
 * misread) has no known end, and following it would give the rest of the article to its speaker.
 */
export function followQuotations(
  sentences: QuoteSentence[],
  speakers: Array<string | null>,
): Array<string | null> {
  const out = speakers.slice();
  let i = 0;
  while (i < sentences.length) {
    // Group the sentences one quotation runs through.
    const group: Array<{ index: number; scan: QuoteScan }> = [];
    let open = false;
    let broken = false;
    do {
      const s = sentences[i];
      // A quote left open at the end of a paragraph carries on only if the next one reopens it.
      if (group.length > 0 && (!open || (s.newParagraph && !s.text.startsWith('"')))) break;
      const scan = scanQuotes(s.text, open, s.newParagraph);
      if (scan.strayOpen && group.length > 0) {
        // That sentence starts a quotation of its own.
        broken = true;
        break;
      }
      group.push({ index: i, scan });
      open = scan.openAtEnd;
      i++;
    } while (i < sentences.length);
    if (open || broken) continue;
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
    for (const g of group) if (!framedOutside.includes(g) && !ownFrame(sentences[g.index])) out[g.index] = speaker;
  }
  return out;
}
