// extractClaims: body -> typed units -> one claim per sentence unit, each with its span, speaker,
// entities, topics, check-worthiness score and reasons, restatement link and atomic parts.
import { findAttribution } from './attribution/attribution';
import { resolveSpeakers } from './attribution/resolve-speakers';
import { tagArticle } from './attribution/tagger/tagger';
import { acceptedSource } from './attribution/tagger/accept';
import { cleanSpeakerPhrase } from './attribution/speaker-phrase';
import type { TaggedFrame } from './attribution/tagger/frame';
import type { Attribution } from './attribution/attribution';
import { contentStems, findDuplicates } from './claims/duplicates';
import { atomicParts } from './claims/parts';
import { findDates } from './entities/dates';
import { collectPeople, namedEntities, withNameRunMemo } from './entities/names';
import { findNumbers } from './entities/numbers';
import { WORD_RE, analyseSentence, canBeLede, type SentenceContext } from './scoring/features';
import { BUNDLED_MODEL, reasonFor, scoreAnalysis, type CheckworthinessModel, type ScoreResult } from './scoring/model';
import { segmentUnits } from './segment/units';
import { normalize, toOriginal } from './text/normalize';
import { DEFAULT_TOPIC_LEXICON, topicsFor } from './topics/topics';
import type {
  ExtractedClaim,
  ExtractedEntities,
  ExtractionInput,
  ExtractionOptions,
  ExtractionResult,
  ScoreFeature,
  TextUnit,
} from './types';

export const DEFAULT_CHECKWORTHY_THRESHOLD: number = BUNDLED_MODEL.threshold;
export const MODEL_VERSION: string = BUNDLED_MODEL.version;

/**
 * Scores one sentence as extractClaims scores a sentence unit that sits where `context` says (same
 * folding, same attribution check, same model). Left out, the sentence is not the lede: a TSV row
 * has no article around it. The eval's --predictions use this.
 */
export function scoreSentence(
  sentence: string,
  _publishedAt?: Date | null,
  model: CheckworthinessModel = BUNDLED_MODEL,
  context?: SentenceContext,
): { score: number; features: ScoreFeature[] } {
  const s = normalize(sentence).text;
  const r = scoreAnalysis(analyseSentence(s, undefined, context), model);
  return { score: r.score, features: r.features };
}

// A blank line, or a line break before an indented line (wire copy), between two sentences.
const PARAGRAPH_BREAK_RE = /\n[ \t]*\n|\n[ \t]+\S/;
const SENTENCE_END_RE = /[.!?]["')\]]*$/;

function paragraphBreak(text: string, prevEnd: number, start: number, singleBreaks: boolean): boolean {
  // The gap and the first character after it: an indent is only seen before the text it indents.
  const gap = text.slice(prevEnd, start + 1);
  if (PARAGRAPH_BREAK_RE.test(gap)) return true;
  return singleBreaks && gap.includes('\n') && SENTENCE_END_RE.test(text.slice(Math.max(0, prevEnd - 4), prevEnd));
}

// The rules' frame read as content tags would: the core is the content, so a frame after the claim
// ("..., he said.") leaves the sentence opening in content, one before it ("He said ...") closing in it.
function ruleFrameOf(s: string, attr: Attribution): TaggedFrame {
  return {
    source: attr.speaker,
    cue: attr.verb,
    contentShare: 1,
    opensInContent: attr.coreStart <= 2,
    closesInContent: s.length - attr.coreEnd <= 3,
    quoted: s.includes('"'),
  };
}

/** The sentence is its frame and nothing else ("He said:", "The governor added:"). */
function frameOnly(s: string, speaker: string, cue: string | null): boolean {
  let rest = s.replace(speaker, ' ');
  if (cue) rest = rest.replace(cue, ' ');
  return !/\p{L}{2}/u.test(rest.replace(/\b(?:then|also|later|again|on|in|a|an|the|statement|interview)\b/gi, ' '));
}

// "It said / reported / estimated ..." continues the organisation that spoke last; "It accused the firm
// ..." is as often the reporter telling what a body did, and stays the reporter's.
const IT_SAYS_RE = /^(?:(?:has|had|also|then)\s+)*(?:said|says|told|tells|added|adds|reported|reports|noted|notes|stated|states|announced|announces|estimated|estimates|predicted|predicts|warned|warns|wrote|writes|found|finds|showed|shows|concluded|according to)$/i;

function actionOfIt(phrase: string, cue: string | null): boolean {
  return phrase.toLowerCase() === 'it' && !(cue && IT_SAYS_RE.test(cue.trim()));
}

interface Working {
  ordinal: number;
  start: number;
  end: number;
  norm: string;
  /** First sentence of its paragraph (a quotation left open before it ends there). */
  newParagraph: boolean;
  speakerPhrase: string | null;
  verb: string | null;
  core: string | null;
  /** The rules' frame as the content tags would read it (null: no frame of the rules). */
  ruleFrame: TaggedFrame | null;
  scored: ScoreResult;
  /** Words of the claim without its frame (restatements compare these). */
  words: string[];
  /** Words of the whole sentence, frame included (topics read these: "Party Vice President"). */
  allWords: string[];
}

export function extractClaims(input: ExtractionInput, options: ExtractionOptions = {}): ExtractionResult {
  return withNameRunMemo(() => extractWithMemo(input, options));
}

function extractWithMemo(input: ExtractionInput, options: ExtractionOptions): ExtractionResult {
  const body = input.body ?? '';
  const model = options.model ?? BUNDLED_MODEL;
  const threshold = options.threshold ?? model.threshold;
  const lexicon = options.topicLexicon ?? DEFAULT_TOPIC_LEXICON;
  const publishedAt = input.publishedAt ?? null;
  const norm = normalize(body);
  const title = input.title ? normalize(input.title).text.trim() : null;
  const raw = segmentUnits(norm.text, title);

  const units: TextUnit[] = raw.map((u) => {
    const span = toOriginal(norm, u.start, u.end);
    return { kind: u.kind, text: body.slice(span.start, span.end), start: span.start, end: span.end };
  });

  // Names anywhere in the article (caption and headline included) let "Maduro" find "Nicolas Maduro".
  const knownPeople = collectPeople([...(title ? [title] : []), ...raw.map((u) => norm.text.slice(u.start, u.end))]);

  // A body that marks paragraphs by blank lines or indents may hard-wrap lines inside a paragraph
  // (wire copy does); a body with neither separates its paragraphs by single line breaks.
  const singleBreaks = !PARAGRAPH_BREAK_RE.test(norm.text);
  const work: Working[] = [];
  const ledeUnit = raw.findIndex((u) => u.kind === 'sentence' && canBeLede(norm.text.slice(u.start, u.end)));
  raw.forEach((u, i) => {
    if (u.kind !== 'sentence') return;
    const s = norm.text.slice(u.start, u.end);
    const attr = findAttribution(s);
    const coreOf = (cs: number, ce: number) => {
      const span = toOriginal(norm, u.start + cs, u.start + ce);
      return body.slice(span.start, span.end);
    };
    const analysis = analyseSentence(s, attr, { lede: i === ledeUnit });
    work.push({
      ordinal: work.length,
      start: units[i].start,
      end: units[i].end,
      norm: s,
      newParagraph: i === 0 || raw[i - 1].kind !== 'sentence' || paragraphBreak(norm.text, raw[i - 1].end, u.start, singleBreaks),
      speakerPhrase: attr ? attr.speaker : null,
      verb: attr ? attr.verb : null,
      // The core text is sliced from the original body, like the sentence: quotes stay curly.
      core: attr ? coreOf(attr.coreStart, attr.coreEnd) : null,
      ruleFrame: attr ? ruleFrameOf(s, attr) : null,
      scored: scoreAnalysis(analysis, model),
      words: analysis.words,
      allWords: attr ? s.toLowerCase().match(WORD_RE) ?? [] : analysis.words,
    });
  });

  // The rules' frame where they find one (precise on the frames they know); the tagger's elsewhere,
  // and its content tags to carry a speaker over sentences a content runs through.
  const tagged = tagArticle(
    work.map((w) => w.norm),
    (i) => work[i].ruleFrame !== null,
  );
  const resolvedSpeakers = resolveSpeakers(
    work.map((w, i) => {
      const frame = w.ruleFrame ?? tagged[i]!;
      const raw = w.speakerPhrase ?? acceptedSource(w.norm, frame);
      const phrase = raw ? cleanSpeakerPhrase(w.norm, raw) : null;
      // "He said:", "Caddell continued:": a frame with nothing of the speaker's in it is no claim of theirs.
      const framePhrase = phrase && (frameOnly(w.norm, phrase, w.verb ?? frame.cue) || actionOfIt(phrase, w.verb ?? frame.cue)) ? null : phrase;
      // Two apostrophes are the New York Times' quote mark: quote-continuation.ts reads '"' only.
      return { text: w.norm.replace(/''/g, '" '), newParagraph: w.newParagraph, framePhrase, tagged: frame };
    }),
    knownPeople,
  );
  const entitiesOf: ExtractedEntities[] = work.map((w) => {
    const named = namedEntities(w.norm, knownPeople);
    const dates = findDates(w.norm, publishedAt);
    const numbers = findNumbers(w.norm, dates);
    return {
      people: named.people,
      organisations: named.organisations,
      places: named.places,
      dates: dates.map((d) => ({ text: d.text, iso: d.iso })),
      numbers: numbers.map((n) => ({ text: n.text, value: n.value, unit: n.unit })),
    };
  });

  const dupes = findDuplicates(work.map((w, i) => ({ stems: contentStems(w.words), speaker: resolvedSpeakers[i] })));

  const claims: ExtractedClaim[] = work.map((w, i) => {
    const duplicateOf = dupes[i];
    const sentence = body.slice(w.start, w.end);
    return {
      ordinal: w.ordinal,
      sentence,
      spanStart: w.start,
      spanEnd: w.end,
      coreText: w.core,
      speaker: resolvedSpeakers[i],
      reportingVerb: w.verb,
      entities: entitiesOf[i],
      topics: topicsFor(w.allWords, lexicon),
      score: w.scored.score,
      features: w.scored.features,
      reason: reasonFor(w.scored.features),
      checkworthy: w.scored.score >= threshold && duplicateOf === null,
      duplicateOf,
      parts: atomicParts(w.core ?? w.norm, resolvedSpeakers[i], w.verb),
    };
  });

  return { units, claims, threshold, modelVersion: model.version };
}
