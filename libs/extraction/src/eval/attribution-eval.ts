// Speaker attribution scored against PolNeAR's annotations, as ../shared/eval/polnear/README.md
// defines it. A claim is scored when at least half of its span lies inside the Content of a
// statement attribution (cue a verb of saying, source not a bare pronoun), or when it holds that
// attribution's Cue and overlaps its Content. Its speaker is right when the last word of one (after
// lower-casing and dropping punctuation, possessive 's and titles) appears in the other; a source
// that is a description without a name ("the newspaper") accepts any speaker. Claims outside every
// attribution that were given a speaker are false speakers.
import { overlap, within, type AnnotatedAttribution } from './brat';

const STATEMENT_CUES = new Set([
  'said', 'says', 'told', 'stated', 'claimed', 'announced', 'added', 'argued', 'wrote', 'reported', 'insisted',
  'noted', 'explained', 'warned', 'denied', 'acknowledged', 'admitted', 'asserted', 'declared', 'testified',
  'tweeted', 'recalled', 'confirmed', 'estimated', 'showed', 'found', 'concluded', 'predicted',
  // The other forms of say and tell ("will say", "saying", "tells"): with them the count of scored
  // claims comes closest to the README's baseline (913 against 923; 923 was measured through the API).
  'say', 'saying', 'tell', 'tells', 'telling',
]);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you', 'him', 'her', 'them', 'us', 'me']);
const DESCRIPTION_RE = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|one|another|other|some|two|three|several|many)\s/i;

export interface ScoredClaimInput {
  /** [start, end) in the article file's coordinates. */
  start: number;
  end: number;
  speaker: string | null;
}

export type ClaimVerdict = 'right' | 'wrong' | 'missing' | 'false-speaker' | 'unattributed' | 'unscored';

export interface ClaimJudgement {
  verdict: ClaimVerdict;
  /** The annotated source the claim was scored against (scored claims only). */
  source: string | null;
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !TITLES.has(w));
}

export function isStatementCue(cue: string): boolean {
  const lower = cue.toLowerCase();
  if (/\baccording to\b/.test(lower)) return true;
  return words(lower).some((w) => STATEMENT_CUES.has(w));
}

function isBarePronoun(source: string): boolean {
  const w = source.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return w.length === 1 && PRONOUNS.has(w[0]);
}

/** A description with no name in it: "the newspaper", "a campaign spokesman". */
function unnamedDescription(source: string): boolean {
  const t = source.trim();
  return DESCRIPTION_RE.test(t) && !/\s[A-Z]/.test(t);
}

export function speakerMatches(speaker: string, source: string): boolean {
  if (unnamedDescription(source)) return true;
  const sp = words(speaker);
  const so = words(source);
  if (sp.length === 0 || so.length === 0) return false;
  return so.includes(sp[sp.length - 1]) || sp.includes(so[so.length - 1]);
}

/** The statement attributions that score claims: a cue of saying and a source that is not a pronoun. */
export function scoringAttributions(all: AnnotatedAttribution[]): AnnotatedAttribution[] {
  return all.filter((a) => a.cue && a.content && a.source && isStatementCue(a.cue.text) && !isBarePronoun(a.source.text));
}

function covers(a: AnnotatedAttribution, c: ScoredClaimInput): boolean {
  const len = c.end - c.start;
  const inContent = overlap(a.content!, c.start, c.end);
  if (len > 0 && inContent * 2 >= len) return true;
  return inContent > 0 && within(a.cue!, c.start, c.end);
}

/** "Outside every attribution": the claim shares no character with any attribution's content. */
function touches(a: AnnotatedAttribution, c: ScoredClaimInput): boolean {
  return a.content !== null && overlap(a.content, c.start, c.end) > 0;
}

/** One verdict per claim of one article. */
export function judgeClaims(claims: ScoredClaimInput[], attributions: AnnotatedAttribution[]): ClaimJudgement[] {
  const scoring = scoringAttributions(attributions);
  return claims.map((c) => {
    const hits = scoring.filter((a) => covers(a, c));
    if (hits.length > 0) {
      const source = hits[0].source!.text;
      if (c.speaker === null) return { verdict: 'missing', source };
      const right = hits.find((a) => speakerMatches(c.speaker!, a.source!.text));
      return right ? { verdict: 'right', source: right.source!.text } : { verdict: 'wrong', source };
    }
    if (attributions.some((a) => touches(a, c))) return { verdict: 'unscored', source: null };
    return { verdict: c.speaker === null ? 'unattributed' : 'false-speaker', source: null };
  });
}
