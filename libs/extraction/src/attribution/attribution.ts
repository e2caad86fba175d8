// Finds the attribution frame of one sentence: who says it, with which verb, and the claim left
// when the frame is removed. Works on the normalised sentence (straight quotes, plain spaces).
//
// Frames handled, most specific first:
//   "According to X, ..."            "..., according to X."
//   "..., X said [adverbials]."      '"...," X said in a speech.'   "..., said X."
//   "..., X said, adding that ..."   "The decision, the minister said, was final."
//   "X [on Monday|earlier|also] said [that] ..."   "X, who ..., says ..."   "X told Y: "...""
//   "X called the plan "a disaster""   "X backed the plan but said ..."
import {
  CONTINUING_PARTICIPLES,
  FRAME_ONLY_VERBS,
  HEAD_TITLES,
  NOT_IN_SPEAKER,
  OTHER_PRONOUNS,
  PERSONAL_PRONOUNS,
  PLURAL_NOUN_RE,
  REPORTING_VERBS,
  STANCE_VERBS,
} from './lexicon';

export interface Attribution {
  /** The speaker phrase as written ("President Nicolas Maduro", "he", "the officials"). */
  speaker: string;
  verb: string;
  /** [start, end) of the claim without its frame, in sentence coordinates. */
  coreStart: number;
  coreEnd: number;
}

const VERBS = [...REPORTING_VERBS, ...FRAME_ONLY_VERBS].join('|');
// A leading speaker may also take a verb of stance (checked for its quote in findAttribution).
const LEAD_VERBS = [...REPORTING_VERBS, ...FRAME_ONLY_VERBS, ...STANCE_VERBS].join('|');
const STANCE = new Set(STANCE_VERBS);
// Adverbials allowed between a leading speaker and the verb.
const ADVERBIAL = String.raw`(?:(?:on|last|this|late|early|earlier)\s+(?:[A-Z][a-z]+|week|month|year|night|morning)|earlier|later|again|also|previously|repeatedly|publicly|recently|yesterday|today|tonight|has|had|have|once|then|still|already|first|separately|privately)`;

const TRAILING_RE = new RegExp(String.raw`([,.?!]["']?|["'])\s+["']?([^,;:"()]{1,110}?)\s+(${VERBS})\b([^"]{0,160}?)[.!?]?["']?$`);
// After a trailing "X said" only adverbials may follow, never a clause of its own.
const CLAUSE_IN_TAIL_RE = /\b(?:that|he|she|they|we|I|it|who|which|was|were|is|are|had|has|would|will)\b/;
// What may follow "X said," when the frame ends the claim ("..., he said, in a speech on Monday").
// Anything else after that comma is the rest of the claim: "Exports, the ministry said, rose 3%".
const ADVERBIAL_AFTER_COMMA_RE = /^\s*,\s+(?:in|on|at|during|after|before|when|while|as|citing|according|without|with|via|through|from|by|for|last|this|earlier|later|yesterday|today|tonight|speaking|writing|referring|quoted)\b/;
// "The decision, the minister said, was final": a frame set in commas between subject and predicate.
// The subject stops at the first comma, so the match is decided left to right without retries.
const PARENTHETICAL_RE = new RegExp(String.raw`^(["']?[^,;:"()]{1,150}),["']?\s+([^,;:"()]{1,80}?)\s+(${VERBS}),\s+(?=\S)`);
const CONTINUING_RE = new RegExp(String.raw`^(?:${CONTINUING_PARTICIPLES.join('|')})\b`);
// A sentence-initial phrase that is only an opener ("In 2019", "On Monday"), never a claim.
const OPENER_ONLY_RE = /^(?:On|Earlier|Later|Last|This|In|At|For|During|After|Before|Meanwhile|However|Separately|Yesterday|Today|Tonight)\b[^,"]{0,80}$/;
// Only verbs of saying invert ("..., said X"); "rejected the bid" and "reported the story" are a
// verb and its object.
const INVERTING_VERBS = ['said', 'says', 'added', 'adds', 'wrote', 'writes', 'explained', 'noted', 'recalled', 'replied', 'responded', 'countered', 'remarked', 'observed', 'quipped', 'joked', 'insisted', 'argued', 'declared', 'stated', 'stressed', 'cautioned', 'concluded', 'tweeted'];
const INVERTED_RE = new RegExp(String.raw`([,.?!]["']?|["'])\s+(${INVERTING_VERBS.join('|')})\s+([^,;:"()]{1,90}?)(?:[,.]\s*[^"]{0,160}?)?[.!?]?["']?$`);
// "The board, chaired by Smith, ...": a subject and its appositive, no clause an inverted frame could end.
const SUBJECT_APPOSITIVE_RE = /^[^,]{1,80},\s+(?:the|a|an|who|which|whose|chaired|led|headed|owned|run|based|founded|[a-z]+ed\s+by)\b[^,]{0,120}$/i;
// What may open a sentence before its speaker: a prepositional or adverbial phrase ("In a televised
// speech last November 13,"), a participle clause ("Asked about criticism that ...,"), a conjunction.
const OPENER = String.raw`(?:(?:On|Earlier|Later|Last|This|In|At|For|As|During|After|Before|Meanwhile|However|But|And|Separately|Yesterday|Today|Tonight)\b[^,"]{0,80},\s+|(?:Asked|Speaking|Writing|Responding|Pressed|Questioned|Interviewed|Addressing)\b[^"]{0,160}?,\s+|(?:But|And|Yet|So|Still)\s+)?`;
// Leading speakers: a pronoun; "Name, appositive," (relative clause, participle, noun phrase); a plain
// phrase; "Name, role" with no closing comma (a common slip before "said:", checked for its role
// noun); a lowercase group after an opener ("But critics say").
const LEAD_SPEAKER = String.raw`(?:he|she|they|we|it)(?=\s)|[A-Z][^,;:"()]{0,110}?|[A-Z][^,;:"()]{0,60}?,\s+(?:who|which|whose|headed|led|chaired|a|an|the|now|also|himself|herself|from|of|at|[a-z]+ing|[A-Z][\w'-]*)\s[^;:"]{1,140}?,|[A-Z][^,;:"()]{0,60}?,\s+[^,;:"()]{1,80}?|[a-z][^,;:"()]{0,80}?`;
// After the verb: "that", a comma, or a colon before a quote, maybe after an addressee ("told BBC
// Radio 4's Today programme: "..."").
const AFTER_VERB = String.raw`(?:\s+that\b|\s*,|\s*:|\s+[^,;:"]{1,60}?:(?=\s*"))?\s*`;
const LEADING_RE = new RegExp(
  String.raw`^${OPENER}["']?(${LEAD_SPEAKER})\s+(?:${ADVERBIAL}\s+){0,3}(${LEAD_VERBS})\b(${AFTER_VERB})`,
);
// "X [also] backed the proposals but said ...": the speaker is the subject of both verbs.
const COORDINATED_RE = new RegExp(
  String.raw`^${OPENER}["']?([A-Z][^,;:"()]{0,80}?)\s+(?:${ADVERBIAL}\s+){0,2}[a-z]+ed\s[^,;:"]{1,80}?\s(?:but|and)\s+(?:${ADVERBIAL}\s+){0,2}(${VERBS})\b(?:\s+that\b|\s*,)?\s*`,
);
// "..., he said, adding that ...": the frame sits mid-sentence and the speaker carries on.
const MID_RE = new RegExp(
  String.raw`([,.?!]["']?|["'])\s+["']?([^,;:"()]{1,110}?)\s+(${VERBS}),\s+(?:${CONTINUING_PARTICIPLES.join('|')})\b`,
);
const ACCORDING_LEAD_RE = /^According to\s+([^,;:"]{1,110}?),\s*/;
// A person's name in apposition to a description: "its Paris lawyer, Emmanuel Gaillard of Shearman
// and Sterling,". The name may be followed by where the person works.
const APPOSITIVE_NAME_RE = /^([A-Z][a-z'-]+(?:\s[A-Z][a-z'-]+){1,2})(?:\s(?:of|from|at)\s[^,;:"]{1,60}?)?,\s*/;
const DESCRIPTION_RE = /^(?:the|a|an|its|his|her|their|our)\s/i;
const ACCORDING_TAIL_RE = /,\s+according to\s+([^,;:"]{1,110}?)(?:,\s[^"]{0,80})?[.!?]?["']?$/;

// "The company reported a loss" reports an event of its own, not someone's statement.
const REPORTED_EVENT_RE = /^(?:(?:a|an|the|its|their|his|her|record|net|pre-tax|pretax|operating|annual|quarterly|full-year|half-year|[a-z]+-quarter|higher|lower|bigger|smaller|larger|strong|stronger|weak|weaker|surprise|[$\u00a3\u20ac]?[\d.,]+(?:\s?(?:%|percent|per cent|million|billion|bn|m))?)\s+){0,4}(?:loss|losses|profit|profits|deficit|surplus|revenue|revenues|sales|earnings|income|turnover|rise|fall|drop|increase|decline|growth|results|gain|gains)\b/i;
const REPORTED_EVENT_VERBS = new Set(['reported', 'reports', 'posted']);

// Groups and institutions that can call for something; "The recipe calls for two eggs" cannot.
const CALLING_NOUNS = new Set(['government', 'ministry', 'council', 'party', 'union', 'committee', 'commission', 'company', 'group', 'association', 'federation', 'board', 'opposition', 'campaign', 'charity', 'church', 'coalition', 'alliance', 'organisation', 'organization', 'agency', 'department', 'office', 'administration', 'court', 'parliament', 'congress', 'senate', 'assembly', 'bank', 'fund', 'family', 'embassy', 'movement', 'lobby', 'body', 'panel', 'regulator', 'watchdog']);
const CONJUNCTIONS = new Set(['and', 'or', 'nor', 'but', 'yet', 'so']);

const POSSESSIVES = new Set(['my', 'your', 'our', 'his', 'her', 'their', 'its']);
const SPEAKER_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'both', 'one', 'senior', 'top', 'most']);

/** Whether a phrase reads like a speaker noun phrase rather than a clause. */
export function plausibleSpeaker(phrase: string, lowerStartOk = false): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 10) return false;
  const first = words[0].toLowerCase();
  if (words.length === 1 && (PERSONAL_PRONOUNS.has(first) || OTHER_PRONOUNS.has(first))) return true;
  // "..., and the officials said, ...": a conjunction joins clauses; it never opens a noun phrase.
  if (CONJUNCTIONS.has(first)) return false;
  // "according to participants sworn to secrecy", "..., trade ministry officials said": a bare
  // plural noun (maybe after noun modifiers) is a source there.
  const startsOk =
    /^[A-Z]/.test(words[0]) || SPEAKER_DETERMINERS.has(first) || (lowerStartOk && (/^[a-z]+s$/.test(words[0]) || bareGroup(words)));
  if (!startsOk) return false;
  for (const w of words) {
    const lw = w.toLowerCase().replace(/[.'"]+$/, '');
    if (NOT_IN_SPEAKER.has(lw)) return false;
    if (/^[a-z]+ing$/.test(w) && w !== 'leading' && w !== 'ruling') return false;
    if (/^(?:he|she|they|we|i|you)$/.test(lw) && words.length > 1) return false;
  }
  // A possessive needs its noun ('"My estimate is ...' has no speaker "My"); a phrase ending in "and"
  // joins two verbs, not two speakers ("The bank raised its rates and warned ...").
  const lastWord = words[words.length - 1].toLowerCase();
  if (POSSESSIVES.has(lastWord) || lastWord === 'and' || lastWord === 'or') return false;
  return true;
}

function bareGroup(words: string[]): boolean {
  return words.length <= 4 && words.every((w) => /^[a-z-]+$/.test(w)) && PLURAL_NOUN_RE.test(words[words.length - 1]);
}

/** The noun phrase before a participle or relative clause: "participants sworn to secrecy" -> "participants". */
function sourceHead(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:who|which|that|familiar|close|sworn|speaking|involved|with|in|at|on|from)$|^[a-z]+(?:ed|en|ing)$/.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).join(' ');
}

/**
 * The speaker in a leading "head, appositive," phrase: the head ("Mr Brown, who was not at the
 * meeting,"), or the name when the head only describes the person ("its lawyer, Emmanuel Gaillard,").
 * Null when an appositive left unclosed ("Rhodri Glyn Thomas, Plaid Cymru health spokesman said")
 * does not end in a role noun: then the comma more likely joins a list.
 */
function speakerHead(phrase: string, clauseAfterVerbComma: boolean): string | null {
  const i = phrase.indexOf(',');
  if (i < 0) return phrase.trim();
  const head = phrase.slice(0, i).trim();
  const rest = phrase.slice(i + 1).trim();
  if (!rest.endsWith(',')) {
    const last = rest.split(/\s+/).pop()!.toLowerCase();
    if (!HEAD_TITLES.has(last)) return null;
    // "Brown, the mayor said, was ..." sets the frame in commas: the mayor speaks, not Brown. A
    // determiner or a conjunction ("John, his brother and a police officer said") makes the
    // comma more likely one of a list or a parenthesis than a slip before the verb.
    if (clauseAfterVerbComma || DESCRIPTION_RE.test(rest) || /\b(?:and|or)\b/.test(rest)) return null;
  }
  return appositiveName(head, rest + (rest.endsWith(',') ? '' : ',')) ?? head;
}

/** The person named in apposition to a description, or null. */
function appositiveName(head: string, rest: string): string | null {
  if (!DESCRIPTION_RE.test(head)) return null;
  const m = APPOSITIVE_NAME_RE.exec(rest);
  return m ? m[1] : null;
}

function stripQuoteEdges(s: string, start: number, end: number): [number, number] {
  while (start < end && /[\s"',]/.test(s[start])) start++;
  while (end > start && /[\s"',]/.test(s[end - 1])) end--;
  return [start, end];
}

// A stance verb's object, then the quoted view of it: 'called the new targets "reasonably
// impressive".', 'welcomed the plan as "overdue"'. The object may be long ("charges that he ransomed
// hostages ...") but has no comma or relative pronoun (the quote would belong to another clause) and
// no word opening an adverbial ("after hearing a "loud bang""), and the quote ends the clause: a
// quote followed by a noun names something ('the "contact us" page').
const STANCE_QUOTE_RE = /^(?:\s+[^\s,;:"()]{1,40}){0,25}?\s+(?:as\s+)?"[^"]{1,300}"\s*(?:[.,;:!?)]|$|(?:and|but)\s)/;
const STANCE_OBJECT_STOP_RE = /\b(?:who|whom|whose|which|after|before|when|while|whilst|because|since|until|outside|inside|during|near|behind|following|despite|although|though|once|home)\b/i;

/** A verb of stance frames a view only before its quoted view, or as "called for" after a person or group. */
function stanceFrames(verb: string, s: string, after: number, speaker: string): boolean {
  if (!STANCE.has(verb)) return true;
  if (verb.startsWith('call') && /^\s+for\b/.test(s.slice(after, after + 5))) return canCallFor(speaker);
  const m = STANCE_QUOTE_RE.exec(s.slice(after));
  return m !== null && !STANCE_OBJECT_STOP_RE.test(m[0].slice(0, m[0].indexOf('"')));
}

/**
 * Whether a subject can call for something: a name, a person's pronoun, a plural group ("critics",
 * "the unions") or an institution; not a thing ("The recipe calls for two eggs").
 */
function canCallFor(speaker: string): boolean {
  const words = speaker.trim().split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  if (words.length === 1 && /^(?:he|she|they|we|i)$/.test(lower[0])) return true;
  const body = SPEAKER_DETERMINERS.has(lower[0]) ? words.slice(1) : words;
  if (body.length === 0) return false;
  // A capitalised word after a determiner, or a capitalised first word that is not one: a name.
  if (body.some((w) => /^[A-Z]/.test(w))) return true;
  const last = lower[lower.length - 1];
  return HEAD_TITLES.has(last) || CALLING_NOUNS.has(last) || /[a-z]{2}[^su]s$/.test(last);
}

/** "reported a loss": the verb reports an event, not a statement. */
function reportsEvent(verb: string, afterVerb: string): boolean {
  return REPORTED_EVENT_VERBS.has(verb) && REPORTED_EVENT_RE.test(afterVerb.trimStart());
}

function leadingFrame(s: string): Attribution | null {
  let m = LEADING_RE.exec(s);
  if (m) {
    const verbEnd = m.index + m[0].length - m[3].length;
    const speaker = speakerHead(m[1], /^\s*,(?!\s*["'])/.test(s.slice(verbEnd)));
    const afterVerb = m[0].length;
    if (
      speaker &&
      plausibleSpeaker(speaker, /^[a-z]/.test(speaker)) &&
      afterVerb < s.length &&
      stanceFrames(m[2], s, verbEnd, speaker) &&
      !reportsEvent(m[2], s.slice(verbEnd))
    ) {
      const [cs, ce] = stripQuoteEdges(s, afterVerb, s.length);
      if (ce > cs) return { speaker, verb: m[2], coreStart: cs, coreEnd: ce };
    }
  }
  m = COORDINATED_RE.exec(s);
  if (m && plausibleSpeaker(m[1]) && m[0].length < s.length) {
    const [cs, ce] = stripQuoteEdges(s, m[0].length, s.length);
    if (ce > cs) return { speaker: m[1], verb: m[2], coreStart: cs, coreEnd: ce };
  }
  return null;
}

export function findAttribution(s: string): Attribution | null {
  let m = ACCORDING_LEAD_RE.exec(s);
  if (m && plausibleSpeaker(sourceHead(m[1]), true)) {
    const rest = s.slice(m[0].length);
    const name = appositiveName(m[1], rest);
    const coreFrom = name ? m[0].length + APPOSITIVE_NAME_RE.exec(rest)![0].length : m[0].length;
    const [cs, ce] = stripQuoteEdges(s, coreFrom, s.length);
    return { speaker: name ?? m[1], verb: 'according to', coreStart: cs, coreEnd: ce };
  }
  m = ACCORDING_TAIL_RE.exec(s);
  // A mid-sentence "..., but, according to X, ..." covers one clause only: not the whole claim.
  if (m && !/\b(?:but|and|while)\s*$/.test(s.slice(0, m.index)) && plausibleSpeaker(sourceHead(m[1]), true)) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index);
    return { speaker: m[1], verb: 'according to', coreStart: cs, coreEnd: ce };
  }
  m = PARENTHETICAL_RE.exec(s);
  if (m && plausibleSpeaker(m[2], true)) {
    const rest = s.slice(m[0].length);
    // 'X, role said, "..."' introduces the quote after it ("said:" mistyped), unless the quote
    // was split around the frame ('"The economy," the president said, "is growing."').
    const introducesQuote = /^["']/.test(rest) && !/^["']/.test(m[1]);
    if (!introducesQuote && !CONTINUING_RE.test(rest) && !ADVERBIAL_AFTER_COMMA_RE.test(s.slice(m[0].search(/,\s+$/)))) {
      // The claim is in two pieces around the frame and the core is one range: the whole sentence
      // carries the claim better than either piece, unless the first is only an opener ("However,").
      const [cs, ce] = stripQuoteEdges(s, OPENER_ONLY_RE.test(m[1]) ? m[0].length : 0, s.length);
      return { speaker: m[2], verb: m[3], coreStart: cs, coreEnd: ce };
    }
  }
  m = TRAILING_RE.exec(s);
  if (
    m &&
    m.index > 0 &&
    plausibleSpeaker(m[2], true) &&
    !CLAUSE_IN_TAIL_RE.test(m[4]) &&
    (!/^\s*,/.test(m[4]) || ADVERBIAL_AFTER_COMMA_RE.test(m[4])) &&
    // "In 2019, the company reported ...": an opener before the speaker is no claim to frame.
    !OPENER_ONLY_RE.test(s.slice(0, m.index)) &&
    !reportsEvent(m[3], m[4])
  ) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index + m[1].length);
    if (ce > cs) return { speaker: m[2], verb: m[3], coreStart: cs, coreEnd: ce };
  }
  m = INVERTED_RE.exec(s);
  if (m && m.index > 0 && plausibleSpeaker(m[3]) && /^[A-Z]|^the\s/.test(m[3]) && !SUBJECT_APPOSITIVE_RE.test(s.slice(0, m.index))) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index + m[1].length);
    if (ce > cs) return { speaker: m[3], verb: m[2], coreStart: cs, coreEnd: ce };
  }
  m = MID_RE.exec(s);
  if (m && m.index > 0 && plausibleSpeaker(m[2], true)) {
    const [cs, ce] = stripQuoteEdges(s, 0, m.index + m[1].length);
    if (ce > cs) return { speaker: m[2], verb: m[3], coreStart: cs, coreEnd: ce };
  }
  return leadingFrame(s);
}
