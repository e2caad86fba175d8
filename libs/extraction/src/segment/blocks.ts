// Paragraph-level blocks of the working copy. A unit never crosses a block, so a heading, caption,
// bullet or credit line cannot glue onto the sentence that follows it.
//
// Breaks: a blank line; a line break before an indented line (wire copy indents paragraphs and
// hard-wraps the rest); a line break before a bullet; a line break after a line that ends a
// sentence when the next line starts like one; a line break after a short line with no final
// punctuation (a heading or a "Read more" link).

export interface Block {
  start: number;
  end: number;
  /** The block started with a bullet marker, which was left out of [start, end). */
  bullet: boolean;
}

const BULLET_RE = /^(?:[-*\u2022\u00b7\u25aa\u25cf\u2013\u2014>]|\d{1,2}[.)])[ \t]+/;
// A line that ends a sentence: final punctuation, then maybe closing quotes or brackets. A line
// ending in ',"' is mid-sentence ('"...process,"\nNorway's minister told parliament.').
const ENDS_SENTENCE_RE = /[.!?\u2026:]["')\]]*$/;
const STARTS_SENTENCE_RE = /^["'([]?[A-Z0-9]/;

interface Line {
  start: number;
  end: number;
  indented: boolean;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  while (s <= to) {
    let e = text.indexOf('\n', s);
    if (e === -1 || e > to) e = to;
    lines.push({ start: s, end: e, indented: text[s] === ' ' || text[s] === '\t' });
    s = e + 1;
  }
  return lines;
}

export function splitBlocks(text: string): Block[] {
  const lines = splitLines(text, 0, text.length);
  const blocks: Block[] = [];
  let cur: { start: number; end: number; bullet: boolean } | null = null;
  let prevTrimmed = '';
  const flush = () => {
    if (cur) blocks.push(cur);
    cur = null;
  };
  for (const line of lines) {
    const raw = text.slice(line.start, line.end);
    const trimmed = raw.trim();
    if (trimmed === '') {
      flush();
      prevTrimmed = '';
      continue;
    }
    const lead = raw.length - raw.trimStart().length;
    let contentStart = line.start + lead;
    const bulletMatch = BULLET_RE.exec(trimmed);
    // "1. The" at a line start is a numbered item only if the block is not mid-sentence.
    const isBullet: boolean = bulletMatch !== null && (!cur || ENDS_SENTENCE_RE.test(prevTrimmed) || prevTrimmed.length < 60);
    if (isBullet) contentStart += bulletMatch![0].length;
    const contentEnd = line.start + raw.trimEnd().length;
    const breakHere =
      cur === null ||
      isBullet ||
      line.indented ||
      (ENDS_SENTENCE_RE.test(prevTrimmed) && STARTS_SENTENCE_RE.test(trimmed)) ||
      (prevTrimmed.length < 50 && !ENDS_SENTENCE_RE.test(prevTrimmed) && !/[,;-]$/.test(prevTrimmed) && STARTS_SENTENCE_RE.test(trimmed));
    if (breakHere) {
      flush();
      cur = { start: contentStart, end: contentEnd, bullet: isBullet };
    } else {
      cur!.end = contentEnd;
    }
    prevTrimmed = trimmed;
  }
  flush();
  return blocks.filter((b) => b.end > b.start);
}
