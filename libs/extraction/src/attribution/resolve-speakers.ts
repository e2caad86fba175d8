// One speaker per sentence across an article: the sentence's own frame normalised, pronouns and
// role nouns resolved against earlier sentences, then quotations followed across sentences.
import { capitalisedRuns, classifyRun } from '../entities/names';
import { OTHER_PRONOUNS, PERSONAL_PRONOUNS, PLURAL_NOUN_RE } from './lexicon';
import { followContents, type ContentSentence } from './content-continuation';
import { followQuotations, type QuoteSentence } from './quote-continuation';
import { RoleIndex } from './roles';
import { SpeakerNormaliser } from './speakers';

/** The person named at the start of a sentence (its likely subject), normalised, or null. */
function subjectPerson(s: string, knownPeople: Map<string, string>): string | null {
  // Words inside a quotation are the speaker's, not the narrative's subject ('"My heart ...," X said').
  if (s.startsWith('"')) return null;
  const runs = capitalisedRuns(s);
  if (runs.length === 0) return null;
  const first = runs[0];
  // The subject opens the sentence, possibly after titles or a short lead-in ("On Monday, ...").
  const before = s.slice(0, first.start);
  if (
    !/^["']?(?:[A-Z][\w']*(?:\s+[A-Z][\w']*)*\s+|(?:[^,]{0,30},\s+))?$/.test(before) &&
    before.trim() !== ''
  )
    return null;
  // An unknown capitalised word opening a sentence ("Guaido held talks") may well be a person:
  // counting it only makes pronoun resolution more cautious.
  const kind = classifyRun(first, knownPeople);
  if (kind === 'organisation' || kind === 'place' || (kind === null && first.tokens.length > 3)) return null;
  const name = first.tokens.join(' ');
  return knownPeople.get(name) ?? name;
}


const BODY_DESCRIPTION_RE = /^the (?:company|fund|newspaper|paper|agency|organization|organisation|campaign|committee|report|study|department|council|firm|bank|government|administration|ministry|commission|board|network|website|site|magazine|outlet|union|court|panel|poll|survey|group|institute|center|centre|foundation|office|statement|letter)$/;

export function resolveSpeakers(
  sentences: Array<QuoteSentence & ContentSentence>,
  knownPeople: Map<string, string>,
): Array<string | null> {
  const speakers = new SpeakerNormaliser(knownPeople);
  const roles = new RoleIndex(knownPeople);
  // "he"/"she" resolve to the last named speaker when nobody else has been named since (otherwise
  // the pronoun is ambiguous and the speaker stays unknown).
  let lastPerson: string | null = null;
  let othersSinceLast = false;
  // "Critics said ... . They called for ...": "they" continues a group named in the sentence before.
  let lastGroup: string | null = null;
  // "The IMF said ... . It edged up its forecast ...": "it" and "the company"-like descriptions
  // continue the last named organisation that spoke.
  let lastBody: string | null = null;
  const resolved: Array<string | null> = [];
  for (const w of sentences) {
    let speaker: string | null = null;
    const p = w.framePhrase?.trim() ?? null;
    if (p) {
      const lower = p.toLowerCase();
      const role = roles.resolve(p);
      if (PERSONAL_PRONOUNS.has(lower)) {
        speaker = lastPerson && !othersSinceLast ? lastPerson : null;
      } else if (lower === 'they') {
        speaker = lastGroup;
      } else if (lower === 'it' || BODY_DESCRIPTION_RE.test(lower)) {
        speaker = lastBody ?? (lower === 'it' ? null : speakers.normalise(p).name);
      } else if (role) {
        speaker = role;
        lastPerson = role;
        othersSinceLast = false;
      } else if (!OTHER_PRONOUNS.has(lower)) {
        const n = speakers.normalise(p);
        speaker = n.name;
        if (n.person) {
          lastPerson = n.name;
          othersSinceLast = false;
        } else if (/^[A-Z]/.test(n.name) && !PLURAL_NOUN_RE.test(n.name)) {
          lastBody = n.name;
        }
      }
    }
    lastGroup =
      speaker && (lastGroup === speaker || (speaker !== lastPerson && PLURAL_NOUN_RE.test(speaker)))
        ? speaker
        : null;
    resolved.push(speaker);
    roles.observe(w.text);
    // Another person as the subject of a sentence ("Figuera and Guaido believed ...") makes a later
    // "he" ambiguous; people merely mentioned as objects do not.
    const subject = subjectPerson(w.text, knownPeople);
    if (subject && subject !== lastPerson && subject !== speaker) othersSinceLast = true;
  }
  return followContents(sentences, followQuotations(sentences, resolved));
}
