// Finds the attribution frame of one sentence: who says it, with which verb, and the claim left
// when the frame is removed. Works on the normalised sentence (straight quotes, plain spaces).
//
// Frames handled, most specific first:
//   "According to X, ..."            "..., according to X."
//   "..., X said [adverbials]."      '"...," X said in a speech.'   "..., said X."
//   "X [on Monday|earlier|also] said [that] ..."   "X, who ..., says ..."
import { NOT_IN_SPEAKER, OTHER_PRONOUNS, PERSONAL_PRONOUNS, REPORTING_VERBS } from './lexicon';

export interface Attribution {
  /** The speaker phrase as written ("President Nicolas Maduro", "he", "the officials"). */
  speaker: string;
  verb: string;
  /** [start, end) of the claim without its frame, in sentence coordinates. */
  coreStart: number;
  coreEnd: number;
}

const VERBS = REPORTING_VERBS.join('|');
// Adverbials allowed between a leading speaker and the verb.
const ADVERBIAL = String.raw`(?:(?:on|last|this|late|early|earlier)\s+(?:[A-Z][a-z]+|week|month|year|night|morning)|earlier|later|again|also|previously|repeatedly|publicly|recently|yesterday|today|tonight|has|had|have|once|then|still|already|first|separately|privately)`;

const TRAILING_RE = new RegExp(String.raw`([,.?!]["']?|["'])\s+["']?([^,;:"()]{1,110}?)\s+(${VERBS})\b([^"]{0,160}?)[.!?]?["']?$`);
// After a trailing "X said" only adverbials may follow, never a clause of its own.
const CLAUSE_IN_TAIL_RE = /\b(?:that|he|she|they|we|I|it|who|which|was|were|is|are|had|has|would|will)\b/;
const INVERTED_RE = new RegExp(String.raw`([,.?!]["']?|["'])\s+(${VERBS})\s+([^,;:"()]{1,90}?)(?:[,.]\s*[^"]{0,160}?)?[.!?]?["']?$`);
const LEADING_RE = new RegExp(
  String.raw`^(?:(?:On|Earlier|Later|Last|This|In|Meanwhile|However|But|And|Separately|Yesterday|Today)\b[^,"]{0,30},\s+|(?:But|And|Yet|So|Still)\s+)?["']?((?:he|she|they|we|it)(?=\s)|[A-Z][^,;:"()]{0,110}?|[A-Z][^,;:"()]{0,60}?,\s+(?:who|which|whose|headed|led|chaired|a|an|the|now|also|himself|herself)\s[^;:"]{1,140}?,)\s+(?:${ADVERBIAL}\s+){0,3}(${VERBS})\b(?:\s+that\b|\s*,)?\s*`,
);
const ACCORDING_LEAD_RE = /^According to\s+([^,;:"]{1,110}?),\s*/;
const ACCORDING_TAIL_RE = /,\s+according to\s+([^,;:"]{1,110}?)(?:,\s[^"]{0,80})?[.!?]?["']?$/;

const SPEAKER_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'both', 'one', 'senior', 'top', 'most']);

/** Whether a phrase reads like a speaker noun phrase rather than a clause. */
export function plausibleSpeaker(phrase: string, lowerStartOk = false): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 10) return false;
  const first = words[0].toLowerCase();
  if (words.length === 1 && (PERSONAL_PRONOUNS.has(first) || OTHER_PRONOUNS.has(first))) return true;
  // "according to participants sworn to secrecy": a bare plural noun is a source there.
  const startsOk = /^[A-Z]/.test(words[0]) || SPEAKER_DETERMINERS.has(first) || (lowerStartOk && /^[a-z]+s$/.test(words[0]));
  if (!startsOk) return false;
  for (const w of words) {
    const lw = w.toLowerCase().replace(/[.'"]+$/, '');
    if (NOT_IN_SPEAKER.has(lw)) return false;
    if (/^[a-z]+ing$/.test(w) && w !== 'leading' && w !== 'ruling') return false;
    if (/^(?:he|she|they|we|i|you)$/.test(lw) && words.length > 1) return false;
  }
  return true;
}

/** The noun phrase before a participle or relative clause: "participants sworn to secrecy" -> "participants". */
function sourceHead(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:who|which|that|familiar|close|sworn|speaking|involved|with|in|at|on|from)$|^[a-z]+(?:ed|en|ing)$/.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).join(' ');
}

/** Cuts an appositive relative clause from a leading speaker ("Mr Brown, who was not there,"). */
function speakerHead(phrase: string): string {
  const i = phrase.indexOf(',');
  return (i >= 0 ? phrase.slice(0, i) : phrase).trim();
}

function stripQuoteEdges(s: string, start: number, end: number): [number, number] {
  while (start < end && /[\s"',]/.test(s[start])) start++;
  while (end > start && /[\s"',]/.test(s[end - 1])) end--;
  return [start, end];
}

export function findAttribution(s: string): Attribution | null {
  // "But he said ..." / "And Reagan said ...": the conjunction is not part of the speaker.
  let m = ACCORDING_LEAD_RE.exec(s);
  if (m && plausibleSpeaker(sourceHead(m[1]), true)) {
    const [cs, ce] = stripQuoteEdges(s, m[0].length, s.length);
    return { speaker: m[1], verb: 'according to', coreStart: cs, coreEnd: ce };
  }
  m = ACCORDING_TAIL_RE.exec(s);
  // A mid-sentence "..., but, according to X, ..." covers one clause only: not the whole claim.
  if (m && !/\b(?:but|and|while)\s*$/.test(s.slice(0, m.index)) && plausibleSpeaker(sourceHead(m[1]), true)) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index);
    return { speaker: m[1], verb: 'according to', coreStart: cs, coreEnd: ce };
  }
  m = TRAILING_RE.exec(s);
  if (m && m.index > 0 && plausibleSpeaker(m[2], true) && !CLAUSE_IN_TAIL_RE.test(m[4])) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index + m[1].length);
    if (ce > cs) return { speaker: m[2], verb: m[3], coreStart: cs, coreEnd: ce };
  }
  m = INVERTED_RE.exec(s);
  if (m && m.index > 0 && plausibleSpeaker(m[3]) && /^[A-Z]|^the\s/.test(m[3])) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index + m[1].length);
    if (ce > cs) return { speaker: m[3], verb: m[2], coreStart: cs, coreEnd: ce };
  }
  m = LEADING_RE.exec(s);
  if (m) {
    const speaker = speakerHead(m[1]);
    if (plausibleSpeaker(speaker) && m[0].length < s.length) {
      const [cs, ce] = stripQuoteEdges(s, m[0].length, s.length);
      if (ce > cs) return { speaker, verb: m[2], coreStart: cs, coreEnd: ce };
    }
  }
  return null;
}
