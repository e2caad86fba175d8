// Atomic parts of a compound sentence: one span, several checkable statements. Patterns:
//   "X denied a report that Y"           -> "X denied a report", "Y"
//   "A, who is now in the US, did B"     -> "A did B", "A is now in the US"
//   "A did B, but C did D" / "A; C"      -> "A did B", "C did D"
// Works on the core text (attribution frame already removed); [] when there is one claim.

const REPORT_THAT_RE = /^(.*?\b(?:denied|denies|rejected|dismissed|disputed|confirmed|confirms|contradicted)\s+(?:an?|the|a\s+\w+)?\s*(?:[A-Z]\w*\s+)?(?:reports?|claims?|allegations?|suggestions?|accusations?|rumou?rs?))\s+that\s+(.+)$/;
const RELATIVE_RE = /^(.*?\b([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})),\s+(who|which)\s+(is|was|are|were|has|had|have|left|became|now)\b([^,]*?)(,\s+(.*)|[.!?]?$)/;
const COORD_RE = /,\s+but\s+(?:,\s*)?|;\s+|,\s+while\s+/;

function tidy(s: string): string {
  // Parts are derived text, not spans: hard-wrapped lines are joined with single spaces.
  let t = s.replace(/\s+/g, ' ').trim().replace(/^[,;:\s]+|[,;:\s]+$/g, '');
  if (t && !/[.!?"']$/.test(t)) t += '.';
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

/** A clause worth listing has a subject and a verb-ish word and some length. */
function clauseLike(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length >= 4;
}

export function atomicParts(core: string, speaker: string | null, verb: string | null): string[] {
  const parts: string[] = [];
  // Frame verbs that themselves assert something checkable ("denied a report") keep the frame.
  const text = speaker && verb && /^(?:denied|denies|rejected|confirmed)$/.test(verb) ? `${speaker} ${verb} ${core}` : core;
  const rep = REPORT_THAT_RE.exec(text);
  if (rep) {
    parts.push(tidy(rep[1]), tidy(rep[2]));
    return parts.filter(clauseLike);
  }
  const rel = RELATIVE_RE.exec(text);
  if (rel) {
    const antecedent = rel[2];
    const mainBefore = rel[1];
    const after = rel[7] ?? '';
    const main = after ? `${mainBefore} ${after}` : mainBefore;
    const relClause = `${antecedent} ${rel[4] === 'now' ? 'is now' : rel[4]}${rel[5]}`;
    const out = [tidy(main), tidy(relClause)].filter(clauseLike);
    if (out.length === 2) return out;
  }
  const pieces = text.split(COORD_RE).map((p) => p.trim()).filter(Boolean);
  if (pieces.length >= 2 && pieces.every(clauseLike)) return pieces.map(tidy);
  return [];
}
