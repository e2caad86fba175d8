// Hand-built check-worthiness features. Each is a number in [0, 1] with a name (the key in the
// weights file) and a label a reviewer can read. They encode what fact-checkers look for: numbers,
// dates and past events, named sources; and what they skip: opinion, speculation, questions,
// courtesies, first-person feelings.
import { findAttribution } from '../attribution/attribution';

export interface FeatureSpec {
  name: string;
  /** Shown to reviewers ("mentions a number"). */
  label: string;
  /** Short form for the reason line ("number"). */
  short: string;
}

export const FEATURE_SPECS: FeatureSpec[] = [
  { name: 'number', label: 'mentions a number', short: 'number' },
  { name: 'money_or_percent', label: 'mentions money or a percentage', short: 'money/percent' },
  { name: 'date', label: 'names a date or time', short: 'date' },
  { name: 'past_event', label: 'reports a past event', short: 'past event' },
  { name: 'attributed', label: 'attributed to a named source', short: 'attributed' },
  { name: 'named_entities', label: 'names people, places or organisations', short: 'named entities' },
  { name: 'comparative', label: 'compares or ranks (more than, highest)', short: 'comparison' },
  { name: 'change', label: 'reports a change (rose, cut, doubled)', short: 'change' },
  { name: 'statistic_words', label: 'uses statistical or policy terms', short: 'statistics' },
  { name: 'action_verbs', label: 'reports a concrete action (voted, signed, met)', short: 'action' },
  { name: 'modal', label: 'speculative (could, might, may)', short: 'speculative' },
  { name: 'obligation', label: 'says what should happen (should, must, need to)', short: 'prescriptive' },
  { name: 'conditional', label: 'hypothetical (would, if)', short: 'hypothetical' },
  { name: 'future', label: 'about the future (will, going to)', short: 'future' },
  { name: 'opinion', label: 'expresses an opinion or judgement', short: 'opinion' },
  { name: 'belief', label: 'reports a belief or expectation (believed, thinks, expects)', short: 'belief' },
  { name: 'intention', label: 'states a willingness or intention (ready to, wants to)', short: 'intention' },
  { name: 'first_person_singular', label: 'speaks as "I"', short: 'first person' },
  { name: 'first_person_plural', label: 'speaks as "we"', short: 'we' },
  { name: 'second_person', label: 'addresses "you"', short: 'you' },
  { name: 'question', label: 'asks a question', short: 'question' },
  { name: 'courtesy', label: 'courtesy or stage direction (thank you, applause)', short: 'courtesy' },
  { name: 'short', label: 'too short to check', short: 'short' },
  { name: 'length', label: 'long, detailed sentence', short: 'detail' },
  { name: 'quote', label: 'contains a direct quotation', short: 'quote' },
  { name: 'negation', label: 'negates or denies', short: 'negation' },
];

export const FEATURE_INDEX = new Map(FEATURE_SPECS.map((f, i) => [f.name, i]));

const WORD_RE = /[a-z0-9]+(?:'[a-z]+)?/g;
const PAST_IRREGULAR = new Set(
  ('was were had did said made took gave got went came saw knew thought told became left felt brought began kept ' +
    'held stood lost paid met ran set sent spent built bought sold won cut rose fell grew led put paid fought ' +
    'caught taught drove wrote broke chose spoke stole struck hit shot sought ago previously former formerly ' +
    'retook ignored reneged sputtered appeared replaced lifted decided cracked').split(' '),
);
const NOT_PAST_ED = new Set(['need', 'indeed', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'united', 'based', 'related', 'concerned', 'interested', 'supposed', 'used', 'embed', 'proceed']);
const MODALS = new Set(['could', 'might', 'may', 'can', 'perhaps', 'maybe', 'possibly', 'likely', 'unlikely', 'probably']);
const OBLIGATION = new Set(['should', 'must', 'ought', 'need', 'needs', 'have to', 'has to']);
const CONDITIONAL = new Set(['would', "i'd", "we'd", "you'd", "they'd", 'if', 'unless', 'suppose', 'imagine']);
const BELIEF = new Set(['think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'feel', 'feels', 'hope', 'hopes', 'hoped', 'expect', 'expects', 'expected', 'doubt', 'suspect', 'guess', 'seem', 'seems', 'seemed', 'assume', 'convinced', 'confident', 'sure']);
const INTENTION = new Set(['ready', 'willing', 'prepared', 'want', 'wants', 'wanted', 'wish', 'wishes', 'intend', 'intends', 'plan', 'plans', 'aim', 'aims', 'seek', 'seeks', 'determined', 'committed', 'going']);
const FUTURE = new Set(['will', "'ll", 'gonna', 'tomorrow', 'soon', 'future', 'plan', 'plans', 'intend', 'intends']);
const OPINION = new Set([
  'opinion', 'great', 'wonderful', 'terrible', 'horrible', 'love', 'hate', 'disgrace', 'ridiculous', 'best', 'worst',
  'fantastic', 'tremendous', 'beautiful', 'bad', 'good', 'proud', 'afraid', 'sure', 'agree', 'disagree', 'important',
  'deserve', 'deserves', 'strongly', 'frankly', 'honestly', 'shameful', 'outrageous', 'unfair', 'wrong', 'right',
]);
const STAT_WORDS = new Set([
  'percent', 'per', 'rate', 'rates', 'average', 'million', 'billion', 'trillion', 'thousand', 'thousands', 'millions',
  'billions', 'majority', 'half', 'unemployment', 'deficit', 'budget', 'tax', 'taxes', 'gdp', 'jobs', 'debt', 'cost',
  'costs', 'spending', 'income', 'salary', 'wages', 'poverty', 'inflation', 'economy', 'crime', 'deaths', 'died',
  'killed', 'population', 'votes', 'voted', 'record', 'statistics', 'data', 'survey', 'poll', 'report', 'study',
  'sanctions', 'law', 'bill', 'insurance', 'medicare', 'medicaid', 'oil', 'troops', 'nuclear', 'weapons',
]);
const CHANGE_WORDS = new Set([
  'increase', 'increased', 'increases', 'decrease', 'decreased', 'rose', 'risen', 'fell', 'fallen', 'cut', 'cuts',
  'doubled', 'tripled', 'grew', 'grown', 'dropped', 'declined', 'raised', 'lowered', 'lost', 'gained', 'created',
  'reduced', 'expanded', 'added', 'eliminated', 'lifted', 'imposed', 'banned', 'approved', 'rejected', 'seized',
]);
const ACTION_WORDS = new Set([
  'voted', 'signed', 'passed', 'met', 'sued', 'arrested', 'charged', 'appointed', 'resigned', 'fired', 'elected',
  'invaded', 'attacked', 'launched', 'sent', 'held', 'replaced', 'broke', 'closed', 'opened', 'sold', 'bought',
  'paid', 'spent', 'funded', 'built', 'killed', 'fled', 'announced', 'ordered', 'vetoed', 'introduced', 'supported',
  'opposed', 'endorsed', 'won', 'defeated', 'released', 'convicted', 'sentenced', 'retook', 'cracked', 'withdrew',
]);
const COMPARATIVE_RE = /\b(?:more|less|fewer|most|least|than|highest|lowest|largest|smallest|biggest|greatest|worst|best|fastest|first|only|record|twice|double|half|majority|top|bottom|ranked|rank)\b|\b\w{3,}est\b/;
const COURTESY_RE = /\b(?:thank|thanks|applause|laughter|crosstalk|inaudible|ladies|gentlemen|good (?:evening|morning|night)|welcome|congratulat\w*|let me|let's|okay|ok|yeah|please|hello|goodbye|god bless)\b/;
const NUMBER_RE = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens)\b/;
const MONEY_RE = /[$£€¥%]|\b(?:percent|per cent|pct|dollars?|pounds|euros?|cents?)\b|\d(?:bn|m|k)\b/;
const DATE_RE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|aug|sept|oct|nov|dec|yesterday|today|tonight|ago|last (?:week|month|year|night|time)|this (?:week|month|year)|earlier|since|decade|decades|years|months|weeks|(?:19|20)\d\d)\b/;
const QUOTE_RE = /"/;
const NEGATION = new Set(['not', "n't", 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor']);

export interface SentenceAnalysis {
  /** Lower-case words (numbers kept) for n-grams and topics. */
  words: string[];
  /** Dense hand-feature values, indexed like FEATURE_SPECS. */
  values: Float64Array;
}

/** Capitalised words that are not sentence-initial and not "I": a cheap named-entity count. */
function countNames(s: string): number {
  let n = 0;
  const re = /(?:^|[^.!?"]\s+)([A-Z][a-zA-Z]+)/g;
  let m: RegExpExecArray | null;
  let first = true;
  while ((m = re.exec(s)) !== null) {
    if (first && m.index === 0) {
      first = false;
      continue;
    }
    first = false;
    if (m[1] !== 'I') n++;
  }
  return n;
}

/** `s` is the normalised sentence (straight quotes, plain spaces). */
export function analyseSentence(s: string, attributed?: boolean): SentenceAnalysis {
  const lower = s.toLowerCase();
  const words = lower.match(WORD_RE) ?? [];
  const v = new Float64Array(FEATURE_SPECS.length);
  const set = (name: string, value: number) => {
    v[FEATURE_INDEX.get(name)!] = value;
  };
  let past = 0;
  let modal = 0;
  let future = 0;
  let opinion = 0;
  let obligation = 0;
  let conditional = 0;
  let belief = 0;
  let intention = 0;
  let fps = 0;
  let fpp = 0;
  let sp = 0;
  let stat = 0;
  let change = 0;
  let action = 0;
  let neg = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (PAST_IRREGULAR.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w))) past++;
    if (MODALS.has(w)) modal++;
    if (FUTURE.has(w) || (w === 'going' && words[i + 1] === 'to')) future++;
    if (OPINION.has(w)) opinion++;
    if (OBLIGATION.has(w) || ((w === 'have' || w === 'has') && words[i + 1] === 'to')) obligation++;
    if (CONDITIONAL.has(w)) conditional++;
    if (BELIEF.has(w)) belief++;
    if (INTENTION.has(w) && (words[i + 1] === 'to' || w === 'determined')) intention++;
    if (w === 'i' || w === 'me' || w === 'my' || w === "i'm" || w === "i've" || w === "i'd" || w === 'myself') fps++;
    if (w === 'we' || w === 'our' || w === "we're" || w === "we've" || w === 'ourselves') fpp++;
    if (w === 'you' || w === 'your' || w === "you're") sp++;
    if (STAT_WORDS.has(w)) stat++;
    if (CHANGE_WORDS.has(w)) change++;
    if (ACTION_WORDS.has(w)) action++;
    if (NEGATION.has(w) || w.endsWith("n't")) neg++;
  }
  const nWords = words.length;
  set('number', NUMBER_RE.test(lower) ? 1 : 0);
  set('money_or_percent', MONEY_RE.test(lower) ? 1 : 0);
  set('date', DATE_RE.test(lower) ? 1 : 0);
  set('past_event', past > 0 ? Math.min(past, 2) / 2 : 0);
  const attr = attributed ?? findAttribution(s) !== null;
  set('attributed', attr ? 1 : 0);
  set('named_entities', Math.min(countNames(s), 4) / 4);
  set('comparative', COMPARATIVE_RE.test(lower) ? 1 : 0);
  set('change', change > 0 ? 1 : 0);
  set('statistic_words', Math.min(stat, 2) / 2);
  set('action_verbs', action > 0 ? 1 : 0);
  set('modal', modal > 0 ? 1 : 0);
  set('future', future > 0 ? 1 : 0);
  set('opinion', Math.min(opinion, 2) / 2);
  set('obligation', obligation > 0 ? 1 : 0);
  set('conditional', conditional > 0 ? 1 : 0);
  set('belief', belief > 0 ? 1 : 0);
  set('intention', intention > 0 ? 1 : 0);
  set('first_person_singular', fps > 0 ? 1 : 0);
  set('first_person_plural', fpp > 0 ? 1 : 0);
  set('second_person', sp > 0 ? 1 : 0);
  set('question', /\?["')]?\s*$/.test(s) ? 1 : 0);
  set('courtesy', COURTESY_RE.test(lower) ? 1 : 0);
  set('short', nWords <= 5 ? 1 : 0);
  set('length', Math.min(nWords, 40) / 40);
  set('quote', QUOTE_RE.test(s) ? 1 : 0);
  set('negation', neg > 0 ? 1 : 0);
  return { words, values: v };
}

/** Unigrams and bigrams, numbers folded to "<num>" so that "1987" and "42" share a weight. */
export function ngrams(words: string[]): string[] {
  const toks = words.map((w) => (/^\d/.test(w) ? '<num>' : w));
  const out = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    out.add(toks[i]);
    if (i + 1 < toks.length) out.add(`${toks[i]} ${toks[i + 1]}`);
  }
  return [...out];
}
