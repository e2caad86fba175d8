// A normalised working copy of the body, with a map back to the original offsets.
//
// Rules run on the copy (straight quotes, plain spaces, decoded entities, no tags); spans are mapped
// back so that the stored text is never altered and body.slice(start, end) is exactly the unit.
import { decodeEntityAt } from './html-entities';

export interface NormalizedText {
  /** The working copy. */
  text: string;
  /** For each char of `text`, the original offset where the source of that char starts. */
  startMap: Int32Array | null;
  /** For each char of `text`, the original offset just after the source of that char. */
  endMap: Int32Array | null;
  originalLength: number;
}

// Block-level tags become paragraph breaks; any other tag disappears from the working copy.
const BLOCK_TAGS = new Set(['p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'tr', 'table', 'section', 'article', 'hr']);
const TAG_RE = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,500}>/y;
// Only these characters force the slow path; typical wire copy stays on the identity map.
const NEEDS_WORK = /[&<\r\u00a0\u00ad\u2000-\u200b\u2018-\u201f\u2028\u2029\u202f\u2032\u2033\u00ab\u00bb]/;

/** Maps one character to its working form ('' drops it). */
function foldChar(ch: string): string {
  switch (ch) {
    case '\u00a0':
    case '\u2000':
    case '\u2001':
    case '\u2002':
    case '\u2003':
    case '\u2004':
    case '\u2005':
    case '\u2006':
    case '\u2007':
    case '\u2008':
    case '\u2009':
    case '\u200a':
    case '\u202f':
      return ' ';
    case '\u00ad': // soft hyphen
    case '\u200b': // zero-width space
      return '';
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u201f':
    case '\u2033':
    case '\u00ab':
    case '\u00bb':
      return '"';
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
      return "'";
    case '\u2028':
    case '\u2029':
      return '\n';
    default:
      return ch;
  }
}

export function normalize(original: string): NormalizedText {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, startMap: null, endMap: null, originalLength: original.length };
  }
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (const c of s) {
      // `for..of` walks code points; keep UTF-16 units one-to-one with the map.
      for (let k = 0; k < c.length; k++) {
        out.push(c[k]);
        starts.push(from);
        ends.push(to);
      }
    }
  };
  let i = 0;
  const n = original.length;
  while (i < n) {
    const ch = original[i];
    if (ch === '&') {
      const ent = decodeEntityAt(original, i);
      if (ent) {
        emit(foldChar(ent.value), i, i + ent.length);
        i += ent.length;
        continue;
      }
    } else if (ch === '<') {
      TAG_RE.lastIndex = i;
      const m = TAG_RE.exec(original);
      if (m) {
        if (BLOCK_TAGS.has(m[1].toLowerCase())) emit('\n\n', i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (ch === '\r') {
      // CRLF: the LF carries the line break; a lone CR is a line break itself.
      emit(original[i + 1] === '\n' ? ' ' : '\n', i, i + 1);
      i++;
      continue;
    }
    emit(foldChar(ch), i, i + 1);
    i++;
  }
  return { text: out.join(''), startMap: Int32Array.from(starts), endMap: Int32Array.from(ends), originalLength: n };
}

/** Maps a [start, end) range of the working copy back to the original text. */
export function toOriginal(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (!norm.startMap || !norm.endMap) return { start, end };
  if (end <= start) {
    const at = start < norm.text.length ? norm.startMap[start] : norm.originalLength;
    return { start: at, end: at };
  }
  return { start: norm.startMap[start], end: norm.endMap[end - 1] };
}
