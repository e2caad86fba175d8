// Reporting verbs and the words that can (or cannot) sit inside a speaker's noun phrase.

/** Verbs that frame a statement as someone's: "..., X said", "X denied that ...". */
export const REPORTING_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'denied', 'denies', 'deny', 'claimed', 'claims',
  'announced', 'announces', 'warned', 'warns', 'stated', 'states', 'insisted', 'insists', 'argued', 'argues',
  'noted', 'notes', 'explained', 'explains', 'admitted', 'admits', 'confirmed', 'confirms', 'reported',
  'reports', 'alleged', 'alleges', 'acknowledged', 'acknowledges', 'predicted', 'predicts', 'wrote',
  'writes', 'tweeted', 'declared', 'declares', 'asserted', 'asserts', 'maintained', 'maintains', 'revealed',
  'reveals', 'disclosed', 'estimated', 'estimates', 'testified', 'stressed', 'emphasised', 'emphasized',
  'conceded', 'concedes', 'recalled', 'replied', 'responded', 'countered', 'promised', 'promises', 'vowed',
  'vows', 'pledged', 'complained', 'accused', 'contended', 'concluded', 'observed', 'remarked', 'reiterated',
  'suggested', 'suggests', 'indicated', 'indicates', 'disputed', 'rejected', 'rejects', 'forecast', 'boasted',
  'repeated', 'agreed', 'mentioned', 'informed', 'assured', 'signalled', 'signaled', 'cautioned',
];

export const REPORTING_VERB_SET = new Set(REPORTING_VERBS);

/**
 * More verbs that frame a statement, kept out of REPORTING_VERB_SET because the scorer's model was
 * trained on that set: findAttribution reads these, the scoring features do not.
 */
export const FRAME_ONLY_VERBS = ['estimate', 'reckon', 'reckons', 'reckoned', 'joked', 'quipped'];

/**
 * Verbs of stance that attribute a view only with a quoted evaluation after them ("X called the
 * targets "reasonably impressive"", "X welcomed the plan as "overdue"") or as "called for": bare,
 * "He called his mother" or "The city welcomed 2m tourists" say nothing on anyone's behalf.
 */
export const STANCE_VERBS = [
  'called', 'calls', 'welcomed', 'welcomes', 'described', 'describes', 'praised', 'criticised', 'criticized',
  'condemned', 'dismissed', 'hailed', 'branded', 'labelled', 'labeled', 'urged',
];

/** Participles that carry on a speaker's statement after "..., X said,". */
export const CONTINUING_PARTICIPLES = ['adding', 'saying', 'noting', 'arguing', 'insisting', 'explaining', 'warning', 'stressing', 'calling'];

/** Words that end a speaker phrase: verbs, conjunctions, clause openers. */
export const NOT_IN_SPEAKER = new Set([
  'is', 'was', 'were', 'are', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may', 'might', 'should',
  'must', 'that', 'which', 'when', 'if', 'because', 'but', 'not', 'also', 'then', 'there', 'than', 'as', 'so',
  'this', 'these', 'those', 'it', 'what', 'where', 'why', 'how', 'while', 'after', 'before', 'since', 'until',
  'did', 'does', 'do', 'has', 'had', 'have', 'to', 'into', 'from', 'with', 'by', 'about', 'over', 'under', 'all',
  'who', 'whom', 'whose',
]);

/** Subject pronouns that may stand as a speaker and are resolved to a named person. */
export const PERSONAL_PRONOUNS = new Set(['he', 'she']);
export const OTHER_PRONOUNS = new Set(['they', 'we', 'i', 'it', 'you']);

/** A speaker phrase that is only a pronoun ("he", "They"): it names nobody by itself. */
export function isPronoun(phrase: string): boolean {
  const lower = phrase.toLowerCase();
  return PERSONAL_PRONOUNS.has(lower) || OTHER_PRONOUNS.has(lower);
}

/** A plural noun ending a group's name ("critics", "trade ministry officials"); not "-ss" ("press"). */
export const PLURAL_NOUN_RE = /[a-z]{2}[^s]s$/i;

/** Titles and role words dropped from a person's name ("Vice President", "Mr", "Dr."). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'foreign', 'chancellor', 'chairman', 'chairwoman',
  'chair', 'chief', 'executive', 'director', 'general', 'spokesman', 'spokeswoman', 'spokesperson', 'leader',
  'senator', 'sen', 'sen.', 'rep', 'rep.', 'representative', 'governor', 'gov', 'gov.', 'mayor', 'mr', 'mr.',
  'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'gen', 'gen.', 'col', 'col.', 'lt',
  'lt.', 'capt', 'capt.', 'captain', 'sgt', 'sgt.', 'judge', 'justice', 'king', 'queen', 'prince', 'princess',
  'pope', 'sir', 'dame', 'lord', 'lady', 'rev', 'rev.', 'ambassador', 'commissioner', 'attorney', 'speaker',
  'deputy', 'former', 'acting', 'interim', 'senior', 'defence', 'defense', 'health', 'finance', 'interior',
  'trade', 'economy', 'opposition', 'party', 'assembly', 'national', 'socialist', 'democratic', 'republican',
  'labour', 'conservative', 'liberal', 'sheikh', 'emir', 'ceo', 'cfo', 'coach', 'manager', 'officer',
  'admiral', 'commander', 'marshal', 'colonel', 'major', 'lieutenant', 'sergeant', 'inspector', 'chief',
  'development', 'international', 'welsh', 'scottish', 'british', 'us', 'u.s.', 'state', 'house', 'senate',
  'majority', 'minority', 'whip', 'mp', 'mep', 'congressman', 'congresswoman', 'lawmaker', 'envoy', 'adviser',
  'advisor', 'head', 'founder', 'analyst', 'economist',
]);

/** Title words that head a title phrase: the name follows them ("... Vice President Diosdado Cabello"). */
export const HEAD_TITLES = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'chairman', 'chairwoman', 'chair', 'director', 'spokesman',
  'spokeswoman', 'spokesperson', 'leader', 'senator', 'sen', 'rep', 'governor', 'gov', 'mayor', 'mr', 'mrs', 'ms',
  'dr', 'prof', 'professor', 'gen', 'general', 'col', 'lt', 'capt', 'captain', 'sgt', 'judge', 'justice', 'king',
  'queen', 'prince', 'princess', 'pope', 'sir', 'dame', 'lord', 'lady', 'rev', 'ambassador', 'commissioner',
  'attorney', 'speaker', 'ceo', 'chief', 'officer', 'admiral', 'commander', 'colonel', 'major', 'envoy', 'adviser',
  'advisor', 'founder', 'economist', 'analyst', 'congressman', 'congresswoman', 'mp', 'mep', 'sheikh', 'emir',
  'coach', 'manager', 'deputy', 'lieutenant', 'sergeant', 'inspector', 'marshal', 'senator',
]);
