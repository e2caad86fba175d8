// extractClaims: body -> typed units -> one claim per sentence unit, each with its span, speaker,
// entities, topics, check-worthiness score and reasons, restatement link and atomic parts.
import { findAttribution } from './attribution/attribution';
import { PERSONAL_PRONOUNS } from './attribution/lexicon';
import { SpeakerNormaliser } from './attribution/speakers';
import { contentStems, findDuplicates } from './claims/duplicates';
import { atomicParts } from './claims/parts';
import { findDates } from './entities/dates';
import { capitalisedRuns, classifyRun, collectPeople, namedEntities } from './entities/names';
import { findNumbers } from './entities/numbers';
import { WORD_RE, analyseSentence } from './scoring/features';
import { BUNDLED_MODEL, reasonFor, scoreAnalysis, type ScoreResult } from './scoring/model';
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
 * Scores one sentence exactly as extractClaims scores a sentence unit (same folding, same
 * attribution check, same model): the eval's --predictions use this.
 */
export function scoreSentence(sentence: string, _publishedAt?: Date | null): { score: number; features: ScoreFeature[] } {
  const s = normalize(sentence).text;
  const r = scoreAnalysis(analyseSentence(s));
  return { score: r.score, features: r.features };
}

interface Working {
  ordinal: number;
  start: number;
  end: number;
  norm: string;
  speakerPhrase: string | null;
  verb: string | null;
  core: string | null;
  scored: ScoreResult;
  /** Words of the claim without its frame (restatements compare these). */
  words: string[];
  /** Words of the whole sentence, frame included (topics read these: "Party Vice President"). */
  allWords: string[];
}

/** The person named at the start of a sentence (its likely subject), normalised, or null. */
function subjectPerson(s: string, knownPeople: Map<string, string>): string | null {
  const runs = capitalisedRuns(s);
  if (runs.length === 0) return null;
  const first = runs[0];
  // The subject opens the sentence, possibly after titles or a short lead-in ("On Monday, ...").
  const before = s.slice(0, first.start);
  if (!/^["']?(?:[A-Z][\w']*(?:\s+[A-Z][\w']*)*\s+|(?:[^,]{0,30},\s+))?$/.test(before) && before.trim() !== '') return null;
  // An unknown capitalised word opening a sentence ("Guaido held talks") may well be a person:
  // counting it only makes pronoun resolution more cautious.
  const kind = classifyRun(first, knownPeople);
  if (kind === 'organisation' || kind === 'place' || (kind === null && first.tokens.length > 3)) return null;
  const name = first.tokens.join(' ');
  return knownPeople.get(name) ?? name;
}

export function extractClaims(input: ExtractionInput, options: ExtractionOptions = {}): ExtractionResult {
  const body = input.body ?? '';
  const threshold = options.threshold ?? DEFAULT_CHECKWORTHY_THRESHOLD;
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
  const speakers = new SpeakerNormaliser(knownPeople);

  const work: Working[] = [];
  raw.forEach((u, i) => {
    if (u.kind !== 'sentence') return;
    const s = norm.text.slice(u.start, u.end);
    const attr = findAttribution(s);
    const coreOf = (cs: number, ce: number) => {
      const span = toOriginal(norm, u.start + cs, u.start + ce);
      return body.slice(span.start, span.end);
    };
    const analysis = analyseSentence(s, attr);
    work.push({
      ordinal: work.length,
      start: units[i].start,
      end: units[i].end,
      norm: s,
      speakerPhrase: attr ? attr.speaker : null,
      verb: attr ? attr.verb : null,
      // The core text is sliced from the original body, like the sentence: quotes stay curly.
      core: attr ? coreOf(attr.coreStart, attr.coreEnd) : null,
      scored: scoreAnalysis(analysis),
      words: analysis.words,
      allWords: attr ? s.toLowerCase().match(WORD_RE) ?? [] : analysis.words,
    });
  });

  // Speakers: normalise, and resolve "he"/"she" to the last named speaker when nobody else has
  // been named since (otherwise the pronoun is ambiguous and the speaker stays unknown).
  let lastPerson: string | null = null;
  let othersSinceLast = false;
  const resolvedSpeakers: Array<string | null> = [];
  const entitiesOf: ExtractedEntities[] = [];
  for (const w of work) {
    const named = namedEntities(w.norm, knownPeople);
    const dates = findDates(w.norm, publishedAt);
    const numbers = findNumbers(w.norm, dates);
    entitiesOf.push({
      people: named.people,
      organisations: named.organisations,
      places: named.places,
      dates: dates.map((d) => ({ text: d.text, iso: d.iso })),
      numbers: numbers.map((n) => ({ text: n.text, value: n.value, unit: n.unit })),
    });
    let speaker: string | null = null;
    if (w.speakerPhrase) {
      const p = w.speakerPhrase.trim();
      if (PERSONAL_PRONOUNS.has(p.toLowerCase())) {
        speaker = lastPerson && !othersSinceLast ? lastPerson : null;
      } else if (!/^(?:they|we|i|it|you)$/i.test(p)) {
        const n = speakers.normalise(p);
        speaker = n.name;
        if (n.person) {
          lastPerson = n.name;
          othersSinceLast = false;
        }
      }
    }
    resolvedSpeakers.push(speaker);
    // Another person as the subject of a sentence ("Figuera and Guaido believed ...") makes a later
    // "he" ambiguous; people merely mentioned as objects do not.
    const subject = subjectPerson(w.norm, knownPeople);
    if (subject && subject !== lastPerson && subject !== speaker) othersSinceLast = true;
  }

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

  return { units, claims, threshold, modelVersion: MODEL_VERSION };
}
