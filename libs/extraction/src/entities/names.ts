// People, organisations and places from capitalised word runs: wink's model does not type them and
// a tagger pass costs more than the whole rule set (STACK.md). Context decides what a run is:
// gazetteers, organisation words, titles before a name, and names already seen in the article.
import { HEAD_TITLES, TITLE_WORDS } from '../attribution/lexicon';
import { NOT_NAMES, ORG_NAMES, ORG_WORDS, PLACE_ACRONYMS, PLACE_PHRASES, PLACES } from './gazetteer';

export interface NameRun {
  text: string;
  start: number;
  end: number;
  tokens: string[];
  /** Preceded by a title word ("President", "Mr") that was cut from the run. */
  titled: boolean;
  /** The run opens the sentence, so its capital letter proves nothing. */
  sentenceInitial: boolean;
  prevWord: string;
}

export interface NamedEntities {
  people: string[];
  organisations: string[];
  places: string[];
}

const TOKEN_RE = /[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.'-]*|\S/g;
const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'du', 'for']);

function isCap(tok: string): boolean {
  return /^[A-Z\u00c0-\u00de]/.test(tok);
}

function cleanToken(tok: string): string {
  return tok.replace(/'s$|'$/, '').replace(/\.$/, (m) => (/^(?:[A-Z]\.)+$/.test(tok) ? m : ''));
}

// One article asks for the runs of each sentence several times (people, entities, subjects, roles).
// The memo lives for one withNameRunMemo call only: extraction is synchronous, and a memo that
// outlived it would grow without bound and flatter any benchmark that repeats its articles.
let memo: Map<string, readonly NameRun[]> | null = null;

export function withNameRunMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

/** Runs of capitalised words (with "of"/"de" inside), titles split off the front. Read-only. */
export function capitalisedRuns(s: string): readonly NameRun[] {
  const hit = memo?.get(s);
  if (hit) return hit;
  const runs = findRuns(s);
  memo?.set(s, runs);
  return runs;
}

function findRuns(s: string): NameRun[] {
  const toks: Array<{ t: string; s: number; e: number }> = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s)) !== null) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const runs: NameRun[] = [];
  let i = 0;
  let sentenceStart = true;
  while (i < toks.length) {
    const tok = toks[i];
    if (!isCap(tok.t) || !/[A-Za-z]/.test(tok.t)) {
      sentenceStart = sentenceStart && /^["'(]$/.test(tok.t);
      i++;
      continue;
    }
    let j = i;
    const parts: Array<{ t: string; s: number; e: number }> = [];
    while (j < toks.length) {
      const t = toks[j].t;
      if (isCap(t) && /[A-Za-z]/.test(t)) {
        parts.push(toks[j]);
        // A possessive ends the run: "Venezuela's opposition".
        if (/'s?$/.test(t)) {
          j++;
          break;
        }
        j++;
      } else if (CONNECTORS.has(t) && j + 1 < toks.length && isCap(toks[j + 1].t) && parts.length > 0) {
        parts.push(toks[j]);
        j++;
      } else break;
    }
    const prevWord = i > 0 ? toks[i - 1].t : '';
    const initial = sentenceStart;
    sentenceStart = false;
    // Split at the last head title: "Venezuela Socialist Party Vice President Diosdado Cabello" ->
    // "Venezuela Socialist Party" (what the person heads) and titled "Diosdado Cabello".
    const key = (p: { t: string }) => cleanToken(p.t).toLowerCase().replace(/\.$/, '');
    let lastHead = -1;
    for (let q = 0; q < parts.length - 1; q++) if (HEAD_TITLES.has(key(parts[q]))) lastHead = q;
    const pieces: Array<{ toks: typeof parts; titled: boolean }> = [];
    if (lastHead >= 0) {
      let b = lastHead;
      while (b > 0 && TITLE_WORDS.has(key(parts[b - 1])) && !ORG_WORDS.has(cleanToken(parts[b - 1].t))) b--;
      if (b > 0) pieces.push({ toks: parts.slice(0, b), titled: false });
      pieces.push({ toks: parts.slice(lastHead + 1), titled: true });
    } else {
      pieces.push({ toks: parts, titled: false });
    }
    for (const piece of pieces) {
      let k = 0;
      while (k < piece.toks.length && NOT_NAMES.has(cleanToken(piece.toks[k].t))) k++;
      let rest = piece.toks.slice(k);
      while (rest.length > 0 && CONNECTORS.has(rest[rest.length - 1].t)) rest = rest.slice(0, -1);
      if (rest.length === 0) continue;
      runs.push({
        text: s.slice(rest[0].s, rest[rest.length - 1].e).replace(/'s?$/, ''),
        start: rest[0].s,
        end: rest[rest.length - 1].e,
        tokens: rest.map((p) => cleanToken(p.t)),
        titled: piece.titled,
        sentenceInitial: initial && k === 0 && piece === pieces[0],
        prevWord,
      });
    }
    i = j;
  }
  return runs;
}

export type NameKind = 'person' | 'organisation' | 'place' | null;

/** What a run most likely names; `knownPeople` holds full names seen anywhere in the article. */
export function classifyRun(run: NameRun, knownPeople: Map<string, string>): NameKind {
  const text = run.tokens.join(' ');
  if (PLACE_PHRASES.has(text) || PLACE_ACRONYMS.has(text)) return 'place';
  if (run.tokens.length === 1 && PLACES.has(text)) return 'place';
  if (ORG_NAMES.has(text) || run.tokens.some((t) => ORG_WORDS.has(t))) return 'organisation';
  if (/^[A-Z]{2,6}$/.test(text)) return 'organisation';
  if (run.titled) return 'person';
  if (knownPeople.has(text)) return 'person';
  if (run.tokens.every((t) => PLACES.has(t))) return 'place';
  if (run.tokens.length >= 2 && run.tokens.length <= 4 && run.tokens.every((t) => /^[A-Z][a-z'\u00e0-\u00ff-]+$|^[A-Z]\.$/.test(t)))
    return 'person';
  if (run.tokens.length === 1 && /^(?:in|at|from|to|near|across|outside|inside)$/i.test(run.prevWord)) return 'place';
  return null;
}

/** Names a sentence mentions, people normalised to the full names known in the article. */
export function namedEntities(s: string, knownPeople: Map<string, string>): NamedEntities {
  const people = new Set<string>();
  const organisations = new Set<string>();
  const places = new Set<string>();
  for (const run of capitalisedRuns(s)) {
    const kind = classifyRun(run, knownPeople);
    const text = run.tokens.join(' ');
    if (kind === 'person') people.add(knownPeople.get(text) ?? text);
    else if (kind === 'organisation') organisations.add(text);
    else if (kind === 'place') places.add(text === 'U.S.' || text === 'USA' ? 'US' : text);
  }
  return { people: [...people], organisations: [...organisations], places: [...places] };
}

/**
 * Full names of people mentioned anywhere in the article, keyed by every short form they may take
 * later: "Nicolas Maduro" -> {"Nicolas Maduro", "Maduro"}. A surname shared by two people is left
 * out (ambiguous).
 */
export function collectPeople(sentences: string[]): Map<string, string> {
  const full = new Set<string>();
  for (const s of sentences) {
    for (const run of capitalisedRuns(s)) {
      if (run.tokens.length >= 2 && classifyRun(run, new Map()) === 'person') full.add(run.tokens.join(' '));
    }
  }
  // Drop names that are the tail of a longer known name ("Ricardo Figuera" inside a four-part name).
  const names = [...full].filter((n) => ![...full].some((o) => o !== n && o.endsWith(' ' + n)));
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const name of names) {
    map.set(name, name);
    const parts = name.split(' ');
    const surname = parts[parts.length - 1];
    if (map.has(surname) && map.get(surname) !== name) ambiguous.add(surname);
    else map.set(surname, name);
  }
  for (const full2 of full) if (!map.has(full2)) {
    const longer = names.find((n) => n.endsWith(' ' + full2));
    if (longer) map.set(full2, longer);
  }
  for (const a of ambiguous) map.delete(a);
  return map;
}
