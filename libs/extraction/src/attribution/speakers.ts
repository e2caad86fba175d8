// One name per speaker across an article: titles dropped ("President Nicolas Maduro" -> "Nicolas
// Maduro"), surnames mapped to the full name seen in the article ("Maduro" -> "Nicolas Maduro"),
// groups kept as written without the article ("the officials" -> "officials").
import { capitalisedRuns, classifyRun } from '../entities/names';
import { TITLE_WORDS } from './lexicon';

const DETERMINER_RE = /^(?:the|a|an)\s+/i;

/** The person's name inside a speaker phrase, or null when the phrase names a group. */
export function personNameIn(phrase: string): string | null {
  const runs = capitalisedRuns(phrase);
  if (runs.length === 0) return null;
  const last = runs[runs.length - 1];
  // The name must close the phrase: "Norway's foreign minister Thorvald Stoltenberg".
  if (phrase.trimEnd().length - last.end > 1) return null;
  const kind = classifyRun(last, new Map());
  if (kind === 'organisation' || kind === 'place') return null;
  const tokens = last.titled ? last.tokens : last.tokens.filter((t) => !TITLE_WORDS.has(t.toLowerCase()));
  if (tokens.length === 0 || tokens.length > 4) return null;
  if (!last.titled && tokens.length === last.tokens.length && runs.length === 1 && /^(?:the|a|an)\s/i.test(phrase)) return null;
  return tokens.join(' ');
}

export class SpeakerNormaliser {
  constructor(private readonly knownPeople: Map<string, string>) {}

  /** Canonical speaker for a phrase, and whether it names a person. */
  normalise(phrase: string): { name: string; person: boolean } {
    const trimmed = phrase.trim().replace(/[.,]+$/, '');
    const person = personNameIn(trimmed);
    if (person) {
      const full = this.knownPeople.get(person) ?? this.knownPeople.get(person.split(' ').pop()!) ?? person;
      // Only map a surname to a full name that ends with it.
      const canonical = full.endsWith(person.split(' ').pop()!) ? full : person;
      return { name: canonical, person: true };
    }
    return { name: trimmed.replace(DETERMINER_RE, ''), person: false };
  }
}
