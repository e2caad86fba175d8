// Scores extraction on a hand-labelled article (fixtures/articles/*.claims.json): every unit of the
// file with its span, kind, check-worthiness and speaker. Predicted units are aligned to gold units
// by character overlap, so a gold unit the splitter cuts in two is judged by its pieces (checkworthy
// if any piece is; speaker of the first piece).
import { extractClaims } from '../extract';
import { splitPlainText } from '../segment/plain-text';
import type { ExtractionOptions, UnitKind } from '../types';
import { prf, type Prf } from './metrics';

export interface GoldUnit {
  text: string;
  start: number;
  end: number;
  kind: UnitKind;
  checkworthy: boolean;
  speaker?: string;
  borderline?: boolean;
}
export interface GoldArticle {
  article: string;
  units: GoldUnit[];
}

export interface UnitResult {
  gold: GoldUnit;
  predictedKinds: UnitKind[];
  exactSpan: boolean;
  kindRight: boolean;
  predictedCheckworthy: boolean;
  predictedSpeaker: string | null;
  speakerRight: boolean | null;
  score: number | null;
}

export interface ArticleEvaluation {
  article: string;
  checkworthy: Prf;
  unitKindAccuracy: number;
  nonClaimUnitsRight: number;
  nonClaimUnits: number;
  exactSpans: number;
  speakerAccuracy: number;
  speakerRight: number;
  attributedClaims: number;
  /** Claims the gold leaves with the reporter that were given a speaker anyway. */
  falseAttributions: number;
  units: UnitResult[];
}

const DETERMINERS = /^(?:the|a|an)\s+/;

function speakerKey(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .replace(DETERMINERS, '')
    .split(/[^a-z]+/)
    .filter((w) => w && !['the', 'a', 'an', 'in', 'of', 'to'].includes(w));
}

/**
 * Same speaker: equal after dropping determiners, or one's words all inside the other's ("the
 * government" ~ "Venezuelan government"), or same head noun for unnamed groups ("participants sworn
 * to secrecy" ~ "participants in the talks").
 */
export function sameSpeaker(predicted: string | null, gold: string): boolean {
  if (!predicted) return false;
  const p = speakerKey(predicted);
  const g = speakerKey(gold);
  if (p.join(' ') === g.join(' ')) return true;
  const [short, long] = p.length <= g.length ? [p, g] : [g, p];
  if (short.length > 0 && short.every((w) => long.includes(w))) return true;
  const unnamed = !/[A-Z]/.test(predicted) && !/[A-Z]/.test(gold);
  return unnamed && p[0] === g[0];
}

export function evaluateArticle(raw: string, gold: GoldArticle, options: ExtractionOptions = {}): ArticleEvaluation {
  const { title, body, bodyOffset } = splitPlainText(raw);
  const result = extractClaims({ title, body }, options);
  const titleStart = raw.indexOf(title);
  // Predicted units in file coordinates; the headline is the title line itself.
  const predicted = [
    { kind: 'headline' as UnitKind, start: titleStart, end: titleStart + title.length, claim: null as null | (typeof result.claims)[number] },
    ...result.units.map((u) => ({ kind: u.kind, start: u.start + bodyOffset, end: u.end + bodyOffset, claim: null as null | (typeof result.claims)[number] })),
  ];
  for (const c of result.claims) {
    const p = predicted.find((u) => u.start === c.spanStart + bodyOffset && u.end === c.spanEnd + bodyOffset);
    if (p) p.claim = c;
  }
  const units: UnitResult[] = gold.units.map((g) => {
    const over = predicted.filter((p) => p.start < g.end && p.end > g.start);
    const kinds = over.map((p) => p.kind);
    const exactSpan = over.length === 1 && over[0].start === g.start && over[0].end === g.end;
    const kindRight = g.kind === 'sentence' ? kinds.length > 0 && kinds.every((k) => k === 'sentence') : exactSpan && kinds[0] === g.kind;
    const claims = over.map((p) => p.claim).filter((c): c is NonNullable<typeof c> => c !== null);
    const predictedSpeaker = claims.length ? claims[0].speaker : null;
    return {
      gold: g,
      predictedKinds: kinds,
      exactSpan,
      kindRight,
      predictedCheckworthy: claims.some((c) => c.checkworthy),
      predictedSpeaker,
      speakerRight: g.kind === 'sentence' && g.speaker ? sameSpeaker(predictedSpeaker, g.speaker) : null,
      score: claims.length ? Math.max(...claims.map((c) => c.score)) : null,
    };
  });
  const nonClaim = units.filter((u) => u.gold.kind !== 'sentence');
  const attributed = units.filter((u) => u.speakerRight !== null);
  const speakerRight = attributed.filter((u) => u.speakerRight).length;
  return {
    article: gold.article,
    checkworthy: prf(units.map((u) => u.gold.checkworthy), units.map((u) => u.predictedCheckworthy)),
    unitKindAccuracy: units.filter((u) => u.kindRight).length / units.length,
    nonClaimUnitsRight: nonClaim.filter((u) => u.kindRight).length,
    nonClaimUnits: nonClaim.length,
    exactSpans: units.filter((u) => u.exactSpan).length,
    speakerAccuracy: attributed.length ? speakerRight / attributed.length : 1,
    speakerRight,
    attributedClaims: attributed.length,
    falseAttributions: units.filter((u) => u.gold.kind === 'sentence' && !u.gold.speaker && u.predictedSpeaker).length,
    units,
  };
}
