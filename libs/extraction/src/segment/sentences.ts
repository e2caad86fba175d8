// Sentence boundaries inside one block of the working copy (straight quotes, plain spaces).
//
// wink-nlp proposes the boundaries (`doc.sentences()`); its tokens are mapped back to character
// offsets in the block (each token's preceding spaces, then its text), so every sentence is an exact
// range of the working copy. A small repair pass then undoes the splits wink gets wrong on news copy:
//   1. the next piece opens in lower case or with punctuation, or has no letter or digit at all:
//      '"Why now?" he asked.' is one sentence (wink ends one after '?"'), and a stray closing quote
//      wink cuts off ('shop."' + '"') stays with its sentence.
//   2. the full stop is an abbreviation's: titles (Dr., Gen., Sen.), initials (George W. Bush),
//      "Jan. 5", "No. 10", e.g./vs., and dotted acronyms or company suffixes (U.S., Inc.) unless the
//      next word typically opens a sentence ("in the U.S. The talks began").
//   3. wink reads some words as abbreviations ("in", "no", "co", "inc", "etc", "st") and then ends a
//      sentence only before a capitalised word, never before an opening quote or bracket:
//      'put in. "My estimate is ...' is two sentences. A full stop after a plain word, then space,
//      an opening quote or bracket and a capital, is a boundary unless rule 2 vetoes it.
// Wink already keeps decimals, "U.S.-backed", an ellipsis before lower case and a quote that closes
// after the full stop.
//
// A block with no . ! ? or ellipsis followed by whitespace is one sentence and is not handed to wink
// (most news paragraphs are one sentence; wink costs about 60 microseconds a sentence). Wink could
// only split such a block inside glued typos ("Wait!He left"), which are not sentence boundaries.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  AMBIGUOUS_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  NEVER_FINAL,
  NUMBER_ABBREVIATIONS,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations';

// Loaded once per process. Only sentence boundary detection runs: no tagging, entities or
// sentiment, which this library does not read from wink.
const nlp = winkNLP(model, ['sbd']);
const its = nlp.its;

const OPENERS = new Set(['"', "'", '(', '[', '\u2018', '\u201c']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t';
}

/** The word just before position `dot` (exclusive), without leading quotes or brackets. */
function wordBefore(text: string, dot: number, floor: number): string {
  let s = dot;
  while (s > floor && !isSpace(text[s - 1])) s--;
  let w = text.slice(s, dot);
  while (w.length > 0 && (OPENERS.has(w[0]) || w[0] === '-')) w = w.slice(1);
  return w;
}

/** The word that would open the next sentence, lower case, without opening quotes. */
function wordAt(text: string, at: number, limit: number): string {
  let s = at;
  while (s < limit && OPENERS.has(text[s])) s++;
  let e = s;
  while (e < limit && /[A-Za-z']/.test(text[e])) e++;
  return text.slice(s, e).toLowerCase();
}

function canStartSentence(c: string): boolean {
  return /[A-Z0-9"'([\u2018\u201c\u00c0-\u00de]/.test(c);
}

/** Whether the full stop at `dot` (a single '.') is an abbreviation's, given what follows. */
function vetoedByAbbreviation(text: string, dot: number, floor: number, next: number, limit: number): boolean {
  const word = wordBefore(text, dot, floor);
  if (word === '') return false;
  const lower = word.toLowerCase();
  const nextChar = text[next];
  const nextIsDigit = nextChar >= '0' && nextChar <= '9';
  if (TITLE_ABBREVIATIONS.has(lower)) return true;
  if (NEVER_FINAL.has(lower)) return true;
  // Initials: "George W. Bush", "J. K. Rowling".
  if (/^[A-Z]$/.test(word)) return true;
  if (MONTH_ABBREVIATIONS.has(lower) && /^[A-Z]/.test(word)) return nextIsDigit || !SENTENCE_OPENERS.has(wordAt(text, next, limit));
  if (NUMBER_ABBREVIATIONS.has(lower) && nextIsDigit) return true;
  // Dotted acronyms (U.S., a.m.) and company suffixes: break only before a typical sentence opener.
  if (AMBIGUOUS_ABBREVIATIONS.has(lower) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) {
    return !SENTENCE_OPENERS.has(wordAt(text, next, limit));
  }
  return false;
}

/** Sentence ranges wink-nlp finds in text[from, to), as offsets of `text`, trimmed of whitespace. */
export function winkSentences(text: string, from: number, to: number): Array<[number, number]> {
  const slice = text.slice(from, to);
  const doc = nlp.readDoc(slice);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // Tokens are the text's own characters; if one ever is not where the spaces put it, find it.
    if (!slice.startsWith(values[i], at)) {
      const found = slice.indexOf(values[i], at);
      if (found >= 0) at = found;
    }
    starts[i] = at;
    at = Math.min(slice.length, at + values[i].length);
    ends[i] = at;
  }
  const out: Array<[number, number]> = [];
  for (const span of doc.sentences().out(its.span) as number[][]) {
    let s = from + starts[span[0]];
    let e = from + ends[span[1]];
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** Whether the boundary between text[.., prevEnd) and text[nextStart, ..) is one of wink's mistakes. */
function wrongBoundary(text: string, sentStart: number, prevEnd: number, nextStart: number, nextEnd: number, to: number): boolean {
  // 1. A piece that cannot open a sentence continues the previous one ('"Why now?" he asked.').
  if (!canStartSentence(text[nextStart])) return true;
  if (!HAS_WORD_RE.test(text.slice(nextStart, nextEnd))) return true;
  // 2. An abbreviation's full stop (possibly followed by closing quotes or brackets, which it
  //    cannot be: then it is a real end).
  if (text[prevEnd - 1] !== '.' || text[prevEnd - 2] === '.') return false;
  return vetoedByAbbreviation(text, prevEnd - 1, sentStart, nextStart, to);
}

// Where a sentence could end: terminal punctuation, closing quotes or brackets, whitespace.
const CANDIDATE_RE = /[.!?\u2026]["')\]\u2019\u201d]*\s/g;
const HAS_WORD_RE = /[A-Za-z0-9\u00c0-\u024f]/;

// A full stop ending a word, whitespace, opening quotes or brackets, a capital (repair 3).
const MISSED_BOUNDARY_RE = /[A-Za-z]\.(\s+)["'([]+[A-Z]/g;

/** Splits a wink sentence where wink took a plain word for an abbreviation (repair 3). */
function splitMissed(text: string, start: number, end: number, out: Array<[number, number]>): void {
  const piece = text.slice(start, end);
  if (piece.indexOf('. ') < 0 && piece.indexOf('.\n') < 0) {
    out.push([start, end]);
    return;
  }
  let from = start;
  MISSED_BOUNDARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MISSED_BOUNDARY_RE.exec(piece)) !== null) {
    const dot = start + m.index + 1;
    const next = dot + 1 + m[1].length;
    if (text[dot - 2] === '.' || vetoedByAbbreviation(text, dot, from, next, end)) continue;
    out.push([from, dot + 1]);
    from = next;
  }
  out.push([from, end]);
}

/** Returns [start, end) pairs of sentences inside text[from, to), trimmed of whitespace. */
export function splitSentences(text: string, from: number, to: number): Array<[number, number]> {
  while (from < to && isSpace(text[from])) from++;
  while (to > from && isSpace(text[to - 1])) to--;
  if (to <= from) return [];
  CANDIDATE_RE.lastIndex = from;
  const candidate = CANDIDATE_RE.exec(text);
  if (candidate === null || candidate.index + candidate[0].length > to) return [[from, to]];
  const pieces: Array<[number, number]> = [];
  for (const [s, e] of winkSentences(text, from, to)) splitMissed(text, s, e, pieces);
  const out: Array<[number, number]> = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && wrongBoundary(text, last[0], last[1], piece[0], piece[1], to)) last[1] = piece[1];
    else out.push([piece[0], piece[1]]);
  }
  return out;
}
