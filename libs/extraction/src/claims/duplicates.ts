// Restatements: a later claim that says again what an earlier one said (the closing paragraph
// repeating the lede). Similarity is overlap of content-word stems relative to the shorter claim;
// a shared speaker lowers the bar a little, since a restatement is usually the same source again.

const STOP = new Set(
  ('the a an and or but of to in on at for from by with as is was were are be been being has have had it its this ' +
    'that these those there their they them he she his her we our you your i my me not no so than then said says ' +
    'told who which what when where while also would could will can may might should into about after before over ' +
    'under more most some any all one two just only even very such other others').split(' '),
);

/** Content-word stems: the first five letters are enough to join secret/secrecy, meeting/meetings. */
export function contentStems(lowerWords: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of lowerWords) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.replace(/'s$/, '').slice(0, 5));
  }
  return out;
}

export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

export interface DuplicateCandidate {
  stems: Set<string>;
  speaker: string | null;
}

const MIN_STEMS = 4;
const THRESHOLD = 0.7;
const SAME_SPEAKER_THRESHOLD = 0.6;

/** For each claim, the ordinal of the first earlier claim it restates, or null. */
export function findDuplicates(claims: DuplicateCandidate[]): Array<number | null> {
  return claims.map((c, i) => {
    if (c.stems.size < MIN_STEMS) return null;
    for (let j = 0; j < i; j++) {
      const e = claims[j];
      if (e.stems.size < MIN_STEMS) continue;
      const bar = c.speaker && c.speaker === e.speaker ? SAME_SPEAKER_THRESHOLD : THRESHOLD;
      if (overlap(c.stems, e.stems) >= bar) return j;
    }
    return null;
  });
}
