// Hand-built check-worthiness features. Each is a number in [0, 1] with a name (the key in the
// weights file) and a label a reviewer can read. They encode what fact-checkers look for: numbers,
// dates and past events, named sources; and what they skip: opinion, speculation, questions,
// courtesies, first-person feelings.
import { findAttribution, type Attribution } from '../attribution/attribution';
import { REPORTING_VERB_SET } from '../attribution/lexicon';

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
  { name: 'modal_main', label: 'the main clause is hedged (they could, it may)', short: 'hedged' },
  { name: 'reporting_meta', label: 'about the reporting, not the world (gave no details, declined to comment)', short: 'no information' },
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
  // min(words, 40) / 40: every sentence has some, a five-word one 0.125. The label says what is
  // measured, not "long", which a short sentence would carry too.
  { name: 'length', label: 'sentence length (words, counted up to 40)', short: 'length' },
  { name: 'quote', label: 'contains a direct quotation', short: 'quote' },
  { name: 'negation', label: 'negates or denies', short: 'negation' },
  // v3: where the stance sits. The word-level penalties above fire anywhere in the sentence; these
  // fire only when the stance governs the main clause of the claim ("he was ready to speak", "they
  // believed ...", "we will ..."), which is what makes the whole statement unverifiable.
  { name: 'intention_main', label: 'the claim is a willingness or plan (he was ready to, they plan to)', short: 'intention' },
  { name: 'belief_main', label: 'the claim is a belief or impression (they believed, it seems)', short: 'belief' },
  { name: 'prediction_main', label: 'the claim is a prediction (will, is going to)', short: 'prediction' },
  { name: 'conditional_opening', label: 'opens with a condition (if, unless, suppose)', short: 'conditional' },
  { name: 'hedge', label: 'hedged (apparently, reportedly, sort of, appears to)', short: 'hedge' },
  { name: 'first_person_stance', label: 'speaker states their own view (I think, we believe, in my view)', short: 'own view' },
  { name: 'question_opening', label: 'phrased as a question (why did, what is, do you)', short: 'question' },
  { name: 'past_action_participants', label: 'reports a past action with named or counted participants', short: 'past action' },
  // v5: a state that holds now (see ongoingState).
  { name: 'ongoing_state', label: 'reports a state that holds now (are currently in, remains above, continue to, have been holding)', short: 'ongoing state' },
  // v5: a fact of the article, not of the sentence. The lede states the story's central claim,
  // the first thing a desk checks. Zero for a sentence scored without its article (a TSV row).
  { name: 'lede', label: "the article's opening sentence (its lede)", short: 'lede' },
];

export const FEATURE_INDEX = new Map(FEATURE_SPECS.map((f, i) => [f.name, i]));

// Hyphenated compounds stay one word: "long-held" is not a past event, "high-ranking" one idea.
export const WORD_RE = /[a-z0-9]+(?:-[a-z0-9]+)*(?:'[a-z]+)?/g;
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
const DATE_RE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|aug|sept|oct|nov|dec|yesterday|today|tonight|ago|last (?:week|month|year|night|time)|this (?:week|month|year)|earlier|since|decade|decades|years|months|weeks|(?:19|20)\d\d|for (?:\w+ )?(?:hours|days|weeks|months|years|decades)|(?:hours|days|weeks|months|years) later)\b/;
const QUOTE_RE = /"/;
// News furniture sentences: what a source did not say. Never in debate transcripts, so the weight
// is a fixed prior (see scoring/train.ts), not learned.
const REPORTING_META_RE = /\b(?:gave|give|giving|offered|provided) no (?:further |more |other |additional )?(?:details|information|comment|explanation|evidence|reason)|\bdeclined to (?:comment|elaborate|say|give|provide|confirm)|\bdid not (?:immediately )?(?:respond|reply|return|comment|elaborate|say (?:how|why|when|where|whether|what))|\bcould not (?:immediately )?be reached|\bno (?:further )?details (?:were|have been) (?:given|released|provided)|\bwithout giving (?:details|evidence)|\brequests? for comment/;
// v3 clause-level lexicons (see analyseSentence: they count only in the first words of the claim,
// before any subordinator, i.e. where they govern the main clause).
const INTENT_MAIN = new Set([
  'ready', 'willing', 'prepared', 'eager', 'determined', 'keen', 'want', 'wants', 'wanted', 'wish', 'wishes',
  'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'hope', 'hopes', 'hoped', 'hoping',
  'aim', 'aims', 'seek', 'seeks', 'seeking', 'trying', 'try', 'tries', 'promise', 'promises', 'vow', 'vows',
]);
const BELIEF_MAIN = new Set([
  'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'feel', 'feels', 'felt', 'hope', 'hopes', 'hoped',
  'expect', 'expects', 'expected', 'suspect', 'suspects', 'suspected', 'fear', 'fears', 'feared', 'doubt', 'doubts',
  'doubted', 'assume', 'assumes', 'assumed', 'guess', 'suppose', 'reckon', 'seem', 'seems', 'seemed',
  'convinced', 'confident', 'sure', 'imagine',
]);
const PREDICTION_AUX = new Set(['will', "'ll", "won't", 'gonna', 'shall']);
const CONDITION_OPENERS = new Set(['if', 'unless', 'suppose', 'supposing', 'imagine', 'whether']);
const HEDGES = new Set([
  'apparently', 'reportedly', 'allegedly', 'seemingly', 'arguably', 'supposedly', 'presumably',
  'somewhat', 'somehow', 'ostensibly', 'purportedly',
]);
// Two-word hedges by first word ("sort of", "appears to").
const HEDGE_PAIRS = new Map<string, string>([['sort', 'of'], ['kind', 'of'], ['appears', 'to'], ['appear', 'to'], ['seems', 'to'], ['seem', 'to'], ['tend', 'to'], ['tends', 'to']]);
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", 'we', "we're", "we've", "we'd"]);
const STANCE_AFTER_PERSON = new Set([
  'think', 'believe', 'feel', 'hope', 'want', 'wish', 'guess', 'suppose', 'know', 'expect', 'doubt', 'sure', 'confident',
  'proud', 'glad', 'happy', 'ready', 'going', 'agree', 'disagree', 'love', 'like', 'worry', 'fear', 'intend', 'plan',
]);
const STANCE_FILLERS = new Set(['really', 'just', 'do', 'strongly', 'truly', 'also', 'still', 'certainly', 'honestly', 'am', 'are', 'very', 'absolutely', 'always', 'personally', 'firmly']);
const WH_WORDS = new Set(['what', 'why', 'how', 'who', 'where', 'when', 'which']);
const AUX_WORDS = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'have', 'has', 'am', "isn't", "aren't", "don't", "doesn't", "didn't", "can't", "won't", "wouldn't"]);
const PRONOUNS = new Set(['you', 'we', 'they', 'he', 'she', 'it', 'i', 'anybody', 'anyone', 'people']);
// A stance word after one of these is inside a subordinate clause, not the main one.
const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'because', 'when', 'while', 'after', 'before', 'although', 'though', 'since', 'where', 'whether', 'as']);
// Past forms that carry tense, not an event ("was ready", "had hoped", "did say").
const AUX_PAST = new Set(['was', 'were', 'had', 'did', 'been']);
// Discourse openers skipped before looking at how the claim opens ("And if ...", "So why ...").
const OPENERS = new Set(['and', 'but', 'so', 'well', 'now', 'then', 'oh', 'look', 'okay', 'ok', 'yes', 'no', 'because']);
// Before a stance word these make it a noun ("a plan to") or part of an infinitive ("to try to").
const NOUN_OR_INFINITIVE_BEFORE = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'new', 'to']);
// The main clause is looked for in the claim's first words, up to the first subordinator.
const MAIN_CLAUSE_WORDS = 7;
const NEGATION = new Set(['not', "n't", 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor']);

// One lookup per word instead of one per word list: each list sets a bit.
const [PAST, REPORTING, MODAL, FUT, OPIN, OBLIG, COND, BELIEFF, INTENT, FPS, FPP, SP, STAT, CHANGE, ACTION, NEG] = Array.from({ length: 16 }, (_, i) => 1 << i);
const WORD_FLAGS = new Map<string, number>();
function flag(words: Iterable<string>, bit: number): void {
  for (const w of words) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | bit);
}
flag(PAST_IRREGULAR, PAST);
flag(REPORTING_VERB_SET, REPORTING);
flag(MODALS, MODAL);
flag(FUTURE, FUT);
flag(OPINION, OPIN);
flag(OBLIGATION, OBLIG);
flag(CONDITIONAL, COND);
flag(BELIEF, BELIEFF);
flag(INTENTION, INTENT);
flag(['i', 'me', 'my', "i'm", "i've", "i'd", 'myself'], FPS);
flag(['we', 'our', "we're", "we've", 'ourselves'], FPP);
flag(['you', 'your', "you're"], SP);
flag(STAT_WORDS, STAT);
flag(CHANGE_WORDS, CHANGE);
flag(ACTION_WORDS, ACTION);
flag(NEGATION, NEG);

export interface SentenceAnalysis {
  /** Lower-case words (numbers kept) for n-grams and topics. */
  words: string[];
  /** The claim as analysed (frame removed, capitals kept): names are read from it on demand. */
  text: string;
  /** Dense hand-feature values, indexed like FEATURE_SPECS. */
  values: Float64Array;
}

/**
 * Capitalised words other than the sentence's first word and "I": a cheap count of names
 * ("US", "Nicolas Maduro", "Supreme Court"). Upper-case acronyms count too.
 */
function countNames(s: string): number {
  let n = 0;
  const re = /[A-Za-z][A-Za-z'-]*/g;
  let m: RegExpExecArray | null;
  let first = true;
  while ((m = re.exec(s)) !== null) {
    const w = m[0];
    if (first) {
      first = false;
      continue;
    }
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90 && w !== 'I' && !/[.!?]["']?\s+$/.test(s.slice(Math.max(0, m.index - 4), m.index))) n++;
  }
  return n;
}

/** Where the sentence sits in its article; a sentence scored on its own has no context. */
export interface SentenceContext {
  /** The first sentence unit of the article's body. */
  lede?: boolean;
}
const NO_CONTEXT: SentenceContext = {};

/**
 * The lede is the body's first sentence unit that ends like a sentence: a headline left in the body
 * of an article posted without its title ("Blair says UK tsunami aid to soar") is not one.
 */
export function canBeLede(sentence: string): boolean {
  return /[.!?]["')\]\u201d\u2019]*\s*$/.test(sentence);
}

/**
 * `sentence` is the normalised sentence (straight quotes, plain spaces). Pass its attribution when
 * already known (null for none); left out, it is found here, with the same result.
 */
export function analyseSentence(sentence: string, known?: Attribution | null, context: SentenceContext = NO_CONTEXT): SentenceAnalysis {
  // Content features describe the claim, not its frame: in news nearly every sentence ends
  // "..., X said", which says nothing about whether the claim itself is checkable. The frame is
  // kept as one feature ("attributed").
  const attribution = known === undefined ? findAttribution(sentence) : known;
  const s = attribution ? sentence.slice(attribution.coreStart, attribution.coreEnd) : sentence;
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
  let eventPast = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const f = WORD_FLAGS.get(w) ?? 0;
    // The reporting verb ("said") dates the statement, not the event it reports.
    // A stance in the past is not an event: "believed", "wanted", "was ready to", "were convinced".
    const stancePast = f & (BELIEFF | INTENT) || ((w === 'was' || w === 'were') && i + 1 < words.length && (INTENT_MAIN.has(words[i + 1]) || BELIEF_MAIN.has(words[i + 1])));
    if ((f & PAST || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w))) && !(f & REPORTING) && !stancePast) {
      past++;
      if (!AUX_PAST.has(w)) eventPast++;
    } else if (f & (ACTION | CHANGE) && !(f & REPORTING)) eventPast++;
    // Present perfect reports a past event too: "have been holding", "has risen", "have met".
    if ((w === 'have' || w === 'has' || w === "'ve") && i + 1 < words.length) {
      const nx = words[i + 1];
      if (nx === 'been' || PAST_IRREGULAR.has(nx) || (nx.length > 4 && nx.endsWith('ed')) || /(?:en|wn)$/.test(nx)) past++;
    }
    if ((w === 'have' || w === 'has') && words[i + 1] === 'to') obligation++;
    if (f === 0 && !w.endsWith("n't")) continue;
    if (f & MODAL) modal++;
    if (f & FUT || (w === 'going' && words[i + 1] === 'to')) future++;
    if (f & OPIN) opinion++;
    if (f & OBLIG) obligation++;
    if (f & COND) conditional++;
    if (f & BELIEFF) belief++;
    if (f & INTENT && (words[i + 1] === 'to' || w === 'determined')) intention++;
    if (f & FPS) fps++;
    if (f & FPP) fpp++;
    if (f & SP) sp++;
    if (f & STAT) stat++;
    if (f & CHANGE) change++;
    if (f & ACTION) action++;
    if (f & NEG || w.endsWith("n't")) neg++;
  }
  const nWords = words.length;
  set('number', NUMBER_RE.test(lower) ? 1 : 0);
  set('money_or_percent', MONEY_RE.test(lower) ? 1 : 0);
  set('date', DATE_RE.test(lower) ? 1 : 0);
  set('past_event', past > 0 ? Math.min(past, 2) / 2 : 0);
  set('attributed', attribution ? 1 : 0);
  set('named_entities', Math.min(countNames(s), 4) / 4);
  set('comparative', COMPARATIVE_RE.test(lower) ? 1 : 0);
  set('change', change > 0 ? 1 : 0);
  set('statistic_words', Math.min(stat, 2) / 2);
  set('action_verbs', action > 0 ? 1 : 0);
  set('modal', modal > 0 ? 1 : 0);
  set('future', future > 0 ? 1 : 0);
  set('opinion', Math.min(opinion, 2) / 2);
  set('obligation', obligation > 0 ? 1 : 0);
  // A modal among the first words governs the main clause: "They could even happen ...".
  let hedged = 0;
  for (let i = 0; i < Math.min(words.length, 4); i++) if (MODALS.has(words[i]) || words[i] === 'would') hedged = 1;
  set('modal_main', hedged);
  set('reporting_meta', REPORTING_META_RE.test(lower) ? 1 : 0);
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
  clauseFeatures(words, v);
  const hasNames = v[FEATURE_INDEX.get('named_entities')!] > 0;
  set('past_action_participants', eventPast > 0 && (hasNames || v[FEATURE_INDEX.get('number')!] > 0) ? 1 : 0);
  // The same gate as past_action_participants: a name or a number somewhere in the claim.
  const hasCount = v[FEATURE_INDEX.get('number')!] > 0;
  set('ongoing_state', (hasNames || hasCount) && ongoingState(words) ? 1 : 0);
  set('lede', context.lede ? 1 : 0);
  return { words, text: s, values: v };
}

// The case-blind twin of WORD_RE: the same tokens in the same order, with their capitals.
const CASED_WORD_RE = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:'[A-Za-z]+)?/g;

/**
 * Per word of `words` (the lower-case words of `s`): 1 when it was written with a capital after the
 * first word, and is not "I": names, mostly. Computed only for a model that folds names.
 */
export function nameMask(s: string, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  const cased = s.match(CASED_WORD_RE) ?? [];
  if (cased.length !== n) return mask;
  for (let i = 1; i < n; i++) {
    const c = cased[i].charCodeAt(0);
    if (c >= 65 && c <= 90 && cased[i] !== 'I') mask[i] = 1;
  }
  return mask;
}

const I_INTENTION_MAIN = FEATURE_INDEX.get('intention_main')!;
const I_BELIEF_MAIN = FEATURE_INDEX.get('belief_main')!;
const I_PREDICTION_MAIN = FEATURE_INDEX.get('prediction_main')!;
const I_CONDITIONAL_OPENING = FEATURE_INDEX.get('conditional_opening')!;
const I_HEDGE = FEATURE_INDEX.get('hedge')!;
const I_FIRST_PERSON_STANCE = FEATURE_INDEX.get('first_person_stance')!;
const I_QUESTION_OPENING = FEATURE_INDEX.get('question_opening')!;

/**
 * The v3 clause-level features (ClaimBuster's non-factual statements: intentions, beliefs,
 * predictions, conditions, hedges, personal views, questions). `words` are the claim's words
 * without its attribution frame, so "Maduro said he was ready to speak" is judged on "he was ready
 * to speak": a stance word counts when it governs the main clause, i.e. it is among the first
 * MAIN_CLAUSE_WORDS words and no subordinator ("that", "because", "who") comes before it.
 */
function clauseFeatures(words: string[], v: Float64Array): void {
  let start = 0;
  while (start < words.length - 1 && start < 2 && OPENERS.has(words[start])) start++;
  const first = words[start];
  const second = words[start + 1];
  if (first !== undefined && CONDITION_OPENERS.has(first)) v[I_CONDITIONAL_OPENING] = 1;
  if (first !== undefined && second !== undefined && ((WH_WORDS.has(first) && AUX_WORDS.has(second)) || (AUX_WORDS.has(first) && PRONOUNS.has(second)))) {
    v[I_QUESTION_OPENING] = 1;
  }
  const lim = Math.min(words.length, start + MAIN_CLAUSE_WORDS);
  for (let i = start; i < lim; i++) {
    const w = words[i];
    if (i > start && SUBORDINATORS.has(w)) break;
    const next = words[i + 1];
    // A subject comes first: "Hope is not a plan" is not a stance.
    // "backed a plan to freeze" is a noun and "took the action to try to prevent" a purpose: neither
    // is the subject's stance.
    if (i > start && INTENT_MAIN.has(w) && next === 'to' && !NOUN_OR_INFINITIVE_BEFORE.has(words[i - 1])) v[I_INTENTION_MAIN] = 1;
    if (i > start && BELIEF_MAIN.has(w)) v[I_BELIEF_MAIN] = 1;
    if (PREDICTION_AUX.has(w) || w.endsWith("'ll") || (w === 'going' && next === 'to')) v[I_PREDICTION_MAIN] = 1;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (HEDGES.has(w) || (next !== undefined && HEDGE_PAIRS.get(w) === next)) v[I_HEDGE] = 1;
    if (FIRST_PERSON.has(w)) {
      let j = i + 1;
      while (j < words.length && j < i + 3 && STANCE_FILLERS.has(words[j])) j++;
      if (j < words.length && STANCE_AFTER_PERSON.has(words[j])) v[I_FIRST_PERSON_STANCE] = 1;
    } else if ((w === 'my' || w === 'our') && (next === 'view' || next === 'opinion' || next === 'belief' || next === 'judgment' || next === 'judgement')) {
      v[I_FIRST_PERSON_STANCE] = 1;
    }
  }
}

const STATE_ADVERBS = new Set(['currently', 'still', 'now', 'presently']);
const STATE_VERBS = new Set(['is', 'are', "it's", "they're", "we're"]);
const REMAIN_VERBS = new Set(['remain', 'remains', 'stay', 'stays']);
const CONTINUE_VERBS = new Set(['continue', 'continues', 'continuing']);
// What a state is, after "are currently" / "remains": a place or condition ("in the US", "under
// arrest", "above 20 percent"), never an adjective ("still unpredictable", "now ready").
const STATE_PREPOSITIONS = new Set([
  'in', 'at', 'on', 'under', 'with', 'inside', 'outside', 'behind', 'among', 'within', 'without', 'out', 'off',
  'above', 'below', 'over', 'near', 'around', 'held', 'detained', 'based', 'closed', 'open', 'unchanged',
]);
// Words ending in -ing that are not a verb form.
const NOT_ING = new Set([
  'nothing', 'something', 'anything', 'everything', 'during', 'thing', 'king', 'morning', 'evening', 'ceiling',
  'bring', 'spring', 'string', 'sting', 'wing', 'ring', 'sing', 'swing', 'sling', 'cling', 'fling', 'according',
]);
// Just before the verb these make the state a wish, a plan or a denial ("would continue to",
// "want to continue", "cannot continue").
const NOT_A_STATE_BEFORE = new Set(['would', 'will', "'ll", 'could', 'might', 'may', 'must', 'should', 'can', 'cannot', "can't", "won't", "wouldn't", 'not', 'never', 'to']);

function isIngVerb(w: string | undefined): boolean {
  return w !== undefined && w.length > 5 && w.endsWith('ing') && !NOT_ING.has(w);
}

function isStateComplement(w: string | undefined): boolean {
  return w !== undefined && (STATE_PREPOSITIONS.has(w) || isIngVerb(w) || /^\d/.test(w));
}

/**
 * A state that holds now: "are currently in the US", "continue to consider", "remains in office",
 * "remains above 20 percent", "have been holding ... for months". Checkable the way a past event
 * is, but with no past tense for past_event to see. Not a wish or a plan ("would continue to"),
 * not an adjective ("is still unpredictable", "is now ready to talk"), not "remains to be seen".
 */
function ongoingState(words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (NOT_A_STATE_BEFORE.has(words[i - 1])) continue;
    if (STATE_VERBS.has(w) && next !== undefined && STATE_ADVERBS.has(next) && isStateComplement(words[i + 2])) return true;
    if (REMAIN_VERBS.has(w) && (isStateComplement(next) || (next !== undefined && STATE_ADVERBS.has(next) && isStateComplement(words[i + 2])))) return true;
    if (CONTINUE_VERBS.has(w) && ((next === 'to' && words[i + 2] !== 'be') || isIngVerb(next))) return true;
    if ((w === 'have' || w === 'has') && next === 'been' && isIngVerb(words[i + 2])) return true;
  }
  return false;
}

/**
 * Value of each n-gram feature: 1/sqrt(number of n-grams), the usual length normalisation of a bag
 * of words, so that a long sentence does not pile up word evidence just by being long (news
 * sentences are half again as long as debate turns).
 */
export function ngramValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

/** The n-grams a model sees for an analysed sentence: names folded when it was trained that way. */
export function analysisNgrams(a: SentenceAnalysis, foldNames: boolean): string[] {
  return ngrams(a.words, foldNames ? nameMask(a.text, a.words.length) : undefined);
}

/**
 * Unigrams and bigrams, numbers folded to "<num>" so that "1987" and "42" share a weight. With
 * `names` (a mask from nameMask), names are folded to "<name>" as well: which person a claim
 * is about says nothing about whether it can be checked, and a name learnt from debate transcripts
 * ("donald", "romney") is a fact about those debates, not about news.
 */
export function ngrams(words: string[], names?: Uint8Array): string[] {
  const toks = words.map((w, i) => (/^\d/.test(w) ? '<num>' : names && names[i] ? '<name>' : w));
  const out = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    out.add(toks[i]);
    if (i + 1 < toks.length) out.add(`${toks[i]} ${toks[i + 1]}`);
  }
  return [...out];
}
