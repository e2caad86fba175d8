// Topic tagging from a desk-editable lexicon (JSON). The default ships with the library; a desk can
// load its own file at start (loadTopicLexicon) and pass it in ExtractionOptions.
import { readFileSync } from 'fs';
import type { TopicLexicon } from '../types';
import defaultLexicon from './topics.default.json';

export const DEFAULT_TOPIC_LEXICON: TopicLexicon = defaultLexicon as TopicLexicon;

interface CompiledLexicon {
  /** Single words: word -> topics. */
  words: Map<string, string[]>;
  /** Prefixes from "sanction*": checked against every word. */
  prefixes: Array<[string, string]>;
  /** Per-word answers already computed (words repeat a lot across articles); bounded. */
  cache: Map<string, string[]>;
  /** Multi-word phrases, matched on " phrase " in the lower-cased, space-padded text. */
  phrases: Array<[string, string]>;
}

const compiled = new WeakMap<TopicLexicon, CompiledLexicon>();

/** Validates a parsed lexicon; throws with the offending key so a bad desk file fails loudly. */
export function parseTopicLexicon(value: unknown): TopicLexicon {
  const v = value as TopicLexicon;
  if (!v || typeof v !== 'object' || !v.topics || typeof v.topics !== 'object') {
    throw new Error('topic lexicon: expected an object with a "topics" map');
  }
  for (const [topic, words] of Object.entries(v.topics)) {
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string')) {
      throw new Error(`topic lexicon: topic "${topic}" must be an array of strings`);
    }
  }
  return { version: typeof v.version === 'string' ? v.version : undefined, topics: v.topics };
}

/** Reads a lexicon file. I/O: call once at start, not per article. */
export function loadTopicLexicon(path: string): TopicLexicon {
  return parseTopicLexicon(JSON.parse(readFileSync(path, 'utf8')));
}

function compile(lex: TopicLexicon): CompiledLexicon {
  let c = compiled.get(lex);
  if (c) return c;
  c = { words: new Map(), prefixes: [], phrases: [], cache: new Map() };
  for (const [topic, entries] of Object.entries(lex.topics)) {
    for (const raw of entries) {
      const e = raw.trim().toLowerCase();
      if (!e) continue;
      if (e.endsWith('*')) c.prefixes.push([e.slice(0, -1), topic]);
      else if (e.includes(' ')) c.phrases.push([` ${e} `, topic]);
      else {
        const list = c.words.get(e) ?? [];
        if (!list.includes(topic)) list.push(topic);
        c.words.set(e, list);
      }
    }
  }
  compiled.set(lex, c);
  return c;
}

/** Topics of a sentence, in lexicon order. `lowerWords` are the sentence's lower-case words. */
export function topicsFor(lowerWords: string[], lex: TopicLexicon = DEFAULT_TOPIC_LEXICON): string[] {
  const c = compile(lex);
  const found = new Set<string>();
  for (const w of lowerWords) {
    let ts = c.cache.get(w);
    if (!ts) {
      ts = [...(c.words.get(w) ?? [])];
      for (const [p, t] of c.prefixes) if (w.startsWith(p) && !ts.includes(t)) ts.push(t);
      if (c.cache.size > 50000) c.cache.clear();
      c.cache.set(w, ts);
    }
    for (const t of ts) found.add(t);
  }
  if (c.phrases.length) {
    const padded = ` ${lowerWords.join(' ')} `;
    for (const [p, t] of c.phrases) if (padded.includes(p)) found.add(t);
  }
  return Object.keys(lex.topics).filter((t) => found.has(t));
}
