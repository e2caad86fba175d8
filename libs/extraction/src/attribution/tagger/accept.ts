// Which of the tagger's frames the product takes: the tagger finds sources the rules miss, but also
// tags phrases that are no speaker ("some", "He's", "who sat for an interview") and cues that are
// actions ("unloaded on", "made the pledge"). A tagged frame is kept when its source reads like a
// speaker noun phrase and its cue holds a verb of saying or thinking.
import { plausibleSpeaker } from '../attribution';
import { cleanSpeakerPhrase } from '../speaker-phrase';
import { SAYING } from './features';
import type { TaggedFrame } from './frame';

const CLAUSE_ONLY_RE = /\b(?:but|which|who|whom|whose)\W*(?:according\s+to\s*)?(?:(?:some|many|most|the|its|their)\s+)?$/i;
const QUANTIFIERS = new Set(['some', 'many', 'most', 'few', 'several', 'all', 'both', 'others', 'now', 'then', 'here', 'there']);
const CUE_WORDS = new Set([...SAYING, 'according', 'says', 'say', 'told', 'tweeted', 'asked', 'continued', 'replied', 'wrote', 'reports', 'responded', 'cited', 'called', 'calling', 'described', 'accused', 'accusing', 'questioned', 'dismissed', 'criticized', 'criticised', 'praised', 'blasted', 'attacked', 'pointed', 'insisted', 'explained', 'argued', 'noted', 'wants', 'believes', 'knows', 'plans']);

export function acceptedSource(sentence: string, frame: TaggedFrame): string | null {
  const tagged = frame.source?.trim().replace(/^["'(]+|[,;:"')]+$/g, '').trim();
  // "A 2014 study by Loyola Law School professor Justin Levitt": the head before a modifier.
  const cleaned = tagged ? cleanSpeakerPhrase(sentence, tagged) : null;
  const source = cleaned?.replace(/\s+(?:by|from|with|at|in|on|who|that|which)\s.*$/, '') ?? null;
  if (!source || !frame.cue) return null;
  // Any cue will do for a full name ("Rep. Jane Doe"); a description or a single word needs a verb
  // of saying, thinking or characterising.
  const named = /^(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w'-]+$/.test(source);
  if (!named && !frame.cue.toLowerCase().split(/[^a-z]+/).some((w) => CUE_WORDS.has(w))) return null;
  // "which some experts say ...", "but, according to X, ...": the frame covers one clause only.
  const at = sentence.indexOf(tagged!);
  if (at > 0 && CLAUSE_ONLY_RE.test(sentence.slice(Math.max(0, at - 40), at))) return null;
  const words = source.split(/\s+/);
  const last = words[words.length - 1];
  if (words.length === 1 && QUANTIFIERS.has(last.toLowerCase())) return null;
  if (/(?:'s|n't)$/i.test(last) || /ly$/.test(last)) return null;
  return plausibleSpeaker(source, true) ? source : null;
}
