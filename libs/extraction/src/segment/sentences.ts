// Sentence boundaries inside one block of the working copy (straight quotes, plain spaces).
//
// A boundary is a run of . ! ? or an ellipsis, then any closing quotes or brackets (the quote that
// closes after the full stop belongs to the sentence it closes), then whitespace, then something
// that can start a sentence. Abbreviations, initials and numbers veto the boundary.
import {
  AMBIGUOUS_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  NEVER_FINAL,
  NUMBER_ABBREVIATIONS,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations';

const TERMINAL_RE = /[.!?\u2026]+/g;
const CLOSERS = new Set(['"', "'", ')', ']', '\u2019', '\u201d']);
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

/** Returns [start, end) pairs of sentences inside text[from, to), trimmed of whitespace. */
export function splitSentences(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let sentStart = from;
  TERMINAL_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TERMINAL_RE.exec(text)) !== null && m.index < to) {
    let end = m.index + m[0].length;
    while (end < to && CLOSERS.has(text[end])) end++;
    if (end >= to) break;
    if (!isSpace(text[end])) continue; // "3.5", "U.S.-backed", "Yahoo!s"
    let next = end;
    while (next < to && isSpace(text[next])) next++;
    if (next >= to) break;
    if (!canStartSentence(text[next])) continue; // '?" he asked', "... and then"
    if (m[0] === '.' && vetoedByAbbreviation(text, m.index, sentStart, next, to)) continue;
    out.push([sentStart, end]);
    sentStart = next;
    TERMINAL_RE.lastIndex = next;
  }
  let e = to;
  while (e > sentStart && isSpace(text[e - 1])) e--;
  if (e > sentStart) out.push([sentStart, e]);
  return out;
}
