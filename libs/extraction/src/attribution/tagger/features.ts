// Features of one token for the attribution tagger: the word, its lower case, shape and suffixes, its
// neighbours, lexicon memberships (verbs of saying, titles, pronouns) and where it stands relative to
// the sentence's quotations. No tag history: trained on gold history, the previous-tag features
// learned a trust that greedy decoding could not repay (dev token accuracy 0.74 against 0.72 without,
// but source F1 0.63 after one epoch only); trained on its own guesses, they learned little in the
// epochs the machine allows. Without them a token's score is a sum of cached per-word vectors
// (perceptron.ts), which is what keeps the tagger fast enough for extraction.
import { FRAME_ONLY_VERBS, REPORTING_VERBS, STANCE_VERBS, TITLE_WORDS } from '../lexicon';
import type { Token } from './tokens';

export const SAYING = new Set([
  ...REPORTING_VERBS,
  ...FRAME_ONLY_VERBS,
  ...STANCE_VERBS,
  'saying', 'telling', 'tell', 'according', 'asked', 'asks', 'wrote', 'write', 'writing', 'believe', 'believes',
  'believed', 'think', 'thinks', 'thought', 'argue', 'claim', 'added', 'noting', 'adding', 'explain', 'insist',
  'warn', 'announce', 'report', 'reporting', 'suggest', 'show', 'shows', 'showed', 'found', 'finds', 'concluded',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those']);

export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function lex(t: Token | undefined): string {
  if (!t) return 'none';
  if (SAYING.has(t.lower)) return 'say';
  if (TITLE_WORDS.has(t.lower) || TITLE_WORDS.has(`${t.lower}.`)) return 'title';
  if (PRONOUNS.has(t.lower)) return 'pron';
  if (DETERMINERS.has(t.lower)) return 'det';
  if (t.quote) return 'quote';
  if (/^\p{Lu}/u.test(t.text)) return 'cap';
  if (/^[,.;:!?]$/.test(t.text)) return 'punct';
  return 'w';
}

/** Per-sentence facts the token features read, computed once per sentence. */
export interface SentenceView {
  tokens: Token[];
  lex: string[];
  /** Index of the last quote mark in the sentence, -1 when none. */
  lastQuote: number;
  firstQuote: number;
  /** The sentence opens inside a quotation left open by the one before. */
  openAtStart: boolean;
}

export function viewOf(tokens: Token[], openAtStart: boolean): SentenceView {
  let firstQuote = -1;
  let lastQuote = -1;
  tokens.forEach((t, i) => {
    if (t.quote) {
      if (firstQuote < 0) firstQuote = i;
      lastQuote = i;
    }
  });
  return { tokens, lex: tokens.map((t) => lex(t)), lastQuote, firstQuote, openAtStart };
}

/** The feature names of token i (the tagger has no tag-history features: each token is classified on its own context). */
export function tokenFeatures(v: SentenceView, i: number): string[] {
  const t = v.tokens;
  const w = t[i];
  return [
    ...ownFeatures(w.text, w.lower, v.lex[i]),
    `p2=${i > 1 ? t[i - 2].lower : START}`,
    `p1=${i > 0 ? t[i - 1].lower : START}`,
    `n1=${i + 1 < t.length ? t[i + 1].lower : END}`,
    `n2=${i + 2 < t.length ? t[i + 2].lower : END}`,
    ...pairFeatures(v, i),
    ...contextFeatures(v, i),
  ];
}

/** Features read from the token's own text only (the fast scorer caches their sum per word). */
export function ownFeatures(text: string, lower: string, lexOf: string): string[] {
  return [`w=${lower}`, `s3=${lower.slice(-3)}`, `s2=${lower.slice(-2)}`, `sh=${shape(text)}`, `l=${lexOf}`];
}

/** Prefixes of the neighbour-word features, by offset -2, -1, +1, +2. */
export const NEIGHBOUR_PREFIXES = ['p2=', 'p1=', 'n1=', 'n2='] as const;
export const START = '<s>';
export const END = '</s>';

const LEX_CODES = new Map(['say', 'title', 'pron', 'det', 'quote', 'cap', 'punct', 'w'].map((l, i) => [l, i + 1]));

/** Everything contextFeatures reads, as one number (the fast scorer caches per key). */
export function contextKey(v: SentenceView, i: number): number {
  const t = v.tokens;
  const n = t.length;
  const code = (j: number) => (j < 0 || j >= n ? 0 : LEX_CODES.get(v.lex[j])!);
  const where = v.lastQuote < 0 ? 0 : i > v.lastQuote ? 1 : i < v.firstQuote ? 2 : 3;
  const rel = n <= 1 ? 0 : Math.min(3, Math.floor((4 * i) / n));
  // Lexicon codes 0-8 of the five tokens around, then quoted, where, open-at-start, position.
  let key = code(i - 2);
  key = key * 9 + code(i - 1);
  key = key * 9 + code(i);
  key = key * 9 + code(i + 1);
  key = key * 9 + code(i + 2);
  // Start and end differ in lp/ln only by side, and code 0 marks both: i says which.
  key = key * 2 + (i === 0 ? 1 : 0);
  key = key * 2 + (t[i].quoted ? 1 : 0);
  key = key * 4 + where;
  key = key * 2 + (v.openAtStart ? 1 : 0);
  return key * 4 + rel;
}

/** Features that read where the token stands (quotes, lexicon context, position), word pairs excluded. */
export function contextFeatures(v: SentenceView, i: number): string[] {
  const t = v.tokens;
  const where = v.lastQuote < 0 ? 'noq' : i > v.lastQuote ? 'afterq' : i < v.firstQuote ? 'beforeq' : 'betweenq';
  const rel = t.length <= 1 ? 0 : Math.min(3, Math.floor((4 * i) / t.length));
  return [
    'b',
    `lp1=${i > 0 ? v.lex[i - 1] : 'start'}`,
    `ln1=${i + 1 < t.length ? v.lex[i + 1] : 'end'}`,
    `ln2=${i + 2 < t.length ? v.lex[i + 2] : 'end'}`,
    `lp2=${i > 1 ? v.lex[i - 2] : 'start'}`,
    `lctx=${i > 0 ? v.lex[i - 1] : 'start'}|${v.lex[i]}|${i + 1 < t.length ? v.lex[i + 1] : 'end'}`,
    `q=${t[i].quoted ? 1 : 0}|${where}`,
    `oq=${v.openAtStart ? 1 : 0}`,
    `rel=${rel}`,
  ];
}

/** The word-pair features of token i. */
export function pairFeatures(v: SentenceView, i: number): string[] {
  const t = v.tokens;
  const lw = t[i].lower;
  const p1 = i > 0 ? t[i - 1].lower : START;
  const n1 = i + 1 < t.length ? t[i + 1].lower : END;
  return [`p1w=${p1}|${lw}`, `wn1=${lw}|${n1}`];
}
