import type { FactCheck, RatingScale } from '@prisma/client';
import type { Tx } from '@claimdesk/database';

// Common wordings of partners' ratings -> the desk's default scale ids. Compared after lowercasing
// and folding spaces, hyphens and underscores ("Mostly False", "mostly-false", "MOSTLY_FALSE").
const WORDINGS: Record<string, string> = {
  true: 'TRUE', correct: 'TRUE', accurate: 'TRUE', mostlytrue: 'MOSTLY_TRUE', mostlycorrect: 'MOSTLY_TRUE',
  halftrue: 'HALF_TRUE', mixture: 'HALF_TRUE', mixed: 'HALF_TRUE', partlytrue: 'HALF_TRUE', partlyfalse: 'HALF_TRUE',
  mostlyfalse: 'MOSTLY_FALSE', false: 'FALSE', incorrect: 'FALSE', fake: 'FALSE', wrong: 'FALSE', hoax: 'FALSE',
  pantsonfire: 'PANTS_ON_FIRE', misleading: 'MISLEADING', missingcontext: 'MISLEADING', outofcontext: 'MISLEADING',
  miscaptioned: 'MISLEADING', unproven: 'UNVERIFIABLE', unverified: 'UNVERIFIABLE', unverifiable: 'UNVERIFIABLE',
};

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The desk rating an earlier fact-check's verdict corresponds to: a desk fact-check's own verdict
 * rating; else the scale row whose id or label reads the same; else a known wording; else none
 * (the editor then names it).
 */
export async function deskRatingFor(tx: Tx, factCheck: FactCheck, scale: readonly RatingScale[]): Promise<string | null> {
  if (factCheck.verdictId) {
    const verdict = await tx.verdict.findUnique({ where: { id: factCheck.verdictId }, select: { rating: true } });
    if (verdict) return verdict.rating;
  }
  if (!factCheck.rating) return null;
  const wording = fold(factCheck.rating);
  const row = scale.find((r) => fold(r.id) === wording || fold(r.label) === wording);
  if (row) return row.id;
  const known = WORDINGS[wording];
  return known && scale.some((r) => r.id === known) ? known : null;
}
