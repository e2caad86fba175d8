// The routing policy of DESIGN.md step 3 / issue 4 as a pure function: which reviewer gets a PENDING
// claim, and why in words. The router applies the same policy in ONE SQL statement (so choosing and
// reserving capacity cannot race): libs/core/src/routing/route-claim.sql.ts. This function is its
// executable specification: unit tests pin every rule here, and test/routing-parity.e2e-spec.ts runs
// both on the same rows of a real database and requires the same reviewer and the same reason.
//
// Rule for rule, the SQL mirror (norm(x) = lower(btrim(x)), as normaliseTerm()):
//   WHERE p.active AND p.role = 'REVIEWER'
//     AND (p."availableFrom"  IS NULL OR p."availableFrom" <= $now)        -- window start inclusive
//     AND (p."availableUntil" IS NULL OR $now < p."availableUntil")        -- window end exclusive
//     AND EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE norm(l) = norm(article.language))
//     AND p."openLoad" + cost <= p.capacity                                -- cost = PRIORITY_COST[priority]
//     AND NOT EXISTS (SELECT 1 FROM unnest(p.conflicts) c WHERE norm(c) = ANY(terms))
//         -- terms: speaker, entities.people/organisations/places, outlet (conflictTerms())
//     AND no DECLINED or EXPIRED assignment of p on this claim
//     AND p is not the author of the claim's current (latest) verdict
//   matched := ARRAY(SELECT norm(x) FROM unnest(p.topics) x
//                    INTERSECT SELECT norm(t) FROM unnest(claim.topics) t WHERE norm(t) <> '' ORDER BY 1 COLLATE "C")
//   ORDER BY cardinality(matched) DESC,
//            p."openLoad"::float8 / p.capacity ASC,      -- capacity > 0 for every eligible row
//            p."lastAssignedAt" ASC NULLS FIRST,          -- never assigned = least recently assigned
//            p.id ASC                                     -- uuid order = lowercase hex string order
//   LIMIT 1
//   reason := CASE cardinality(matched) WHEN 0 THEN 'no topic match' WHEN 1 THEN 'topic ' ELSE 'topics ' END
//             || array_to_string(matched, ', ') || '; load ' || p."openLoad" || '/' || p.capacity
// (routingReason() builds the same string in TypeScript.)
// Note: JS toLowerCase() and Postgres lower() agree on ASCII and common Latin letters; exotic case
// mappings (e.g. Turkish dotted I) may differ, which only matters for conflict/topic spellings.

export interface ReviewerCandidate {
  id: string;
  name: string;
  active: boolean;
  role: string;
  languages: string[];
  topics: string[];
  capacity: number;
  /** Capacity units held now (sum of PRIORITY_COST over the reviewer's open claims). */
  openLoad: number;
  /** Availability window; null = unbounded on that side. Out of office = outside the window. */
  availableFrom: Date | null;
  availableUntil: Date | null;
  /** Declared conflicts of interest: names of people, organisations or outlets. */
  conflicts: string[];
  lastAssignedAt: Date | null;
}

export interface RoutableClaim {
  id: string;
  language: string;
  topics: string[];
  speaker: string | null;
  entities: string[];
  /** The article's outlet. */
  outlet: string | null;
  /** Capacity units this claim takes, PRIORITY_COST[priority]. */
  cost: number;
  /** Reviewers who declined this claim or let it expire. */
  excludedReviewerIds: string[];
  /** The author of the claim's current (latest) verdict, if any: a fresh pair of eyes is needed. */
  verdictAuthorId?: string | null;
}

/** Entity kinds of the claim's `entities` JSON that count as conflicts of interest. */
export const CONFLICT_ENTITY_KINDS = ['people', 'organisations', 'places'] as const;

/**
 * The names in a claim's `entities` JSON ({people, organisations, places, dates, numbers}) that a
 * declared conflict can match. Tolerant of anything stored: missing kinds, non-arrays and non-string
 * items are ignored (the SQL mirror does the same with jsonb_typeof).
 */
export function entityNames(entities: unknown): string[] {
  if (entities === null || typeof entities !== 'object' || Array.isArray(entities)) return [];
  const record = entities as Record<string, unknown>;
  return CONFLICT_ENTITY_KINDS.flatMap((kind) => {
    const list = record[kind];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  });
}

export interface RankedReviewer {
  reviewer: ReviewerCandidate;
  /** Claim topics the reviewer covers (normalised, sorted). */
  matchedTopics: string[];
  reason: string;
}

export interface Rejection {
  id: string;
  why: string;
}

export type RoutingChoice =
  { reviewer: ReviewerCandidate; reason: string } | { reviewer: null; reason: string; rejected: Rejection[] };

/** Case- and whitespace-insensitive form used for languages, topics and conflicts (SQL: lower(btrim(x))). */
export function normaliseTerm(value: string): string {
  return value.trim().toLowerCase();
}

/** The claim's conflict terms: speaker, entities and outlet, normalised, empty ones dropped. */
export function conflictTerms(claim: Pick<RoutableClaim, 'speaker' | 'entities' | 'outlet'>): string[] {
  const raw = [claim.speaker ?? '', ...claim.entities, claim.outlet ?? ''];
  return [...new Set(raw.map(normaliseTerm).filter((t) => t !== ''))];
}

/**
 * Claim topics the reviewer covers: normalised, each once, sorted by code unit. Sorted rather than
 * in claim order because that is what SQL gives cheaply (`INTERSECT ... ORDER BY 1 COLLATE "C"`),
 * so the stored reason is identical whichever side computed it.
 */
export function matchedTopics(
  claim: Pick<RoutableClaim, 'topics'>,
  reviewer: Pick<ReviewerCandidate, 'topics'>,
): string[] {
  const covered = new Set(reviewer.topics.map(normaliseTerm));
  const matched = new Set(claim.topics.map(normaliseTerm).filter((t) => t !== '' && covered.has(t)));
  return [...matched].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The reason stored on the assignment: "topic politics; load 1/5", "topics economy, politics; load
 * 0/5" or "no topic match; load 0/5". The load is the reviewer's before this claim, i.e. the figure
 * the preference compared.
 */
export function routingReason(
  matched: readonly string[],
  reviewer: Pick<ReviewerCandidate, 'openLoad' | 'capacity'>,
): string {
  const topicPart =
    matched.length === 0
      ? 'no topic match'
      : `${matched.length === 1 ? 'topic' : 'topics'} ${matched.join(', ')}`;
  return `${topicPart}; load ${reviewer.openLoad}/${reviewer.capacity}`;
}

/**
 * Every rule `reviewer` fails for `claim` at `now`, in words; [] means eligible. `overCapacity`
 * waives the capacity rule only (an editor assigning with `force`). All failures are
 * listed, not just the first, so "why was nobody routed?" is answered in one look.
 */
export function ineligibility(
  claim: RoutableClaim,
  reviewer: ReviewerCandidate,
  now: Date,
  options: { overCapacity?: boolean } = {},
): string[] {
  const why: string[] = [];
  if (!reviewer.active) why.push('inactive');
  if (reviewer.role !== 'REVIEWER') why.push(`role ${reviewer.role}, not REVIEWER`);
  if (reviewer.availableFrom && now.getTime() < reviewer.availableFrom.getTime()) {
    why.push(`unavailable until ${reviewer.availableFrom.toISOString()}`);
  }
  if (reviewer.availableUntil && now.getTime() >= reviewer.availableUntil.getTime()) {
    why.push(`unavailable since ${reviewer.availableUntil.toISOString()}`);
  }
  const language = normaliseTerm(claim.language);
  if (!reviewer.languages.some((l) => normaliseTerm(l) === language)) {
    why.push(`does not speak ${claim.language}`);
  }
  // An editor's explicit `force` is the one way past capacity; the router never uses it.
  if (!options.overCapacity && reviewer.openLoad + claim.cost > reviewer.capacity) {
    why.push(`no capacity: load ${reviewer.openLoad} + cost ${claim.cost} > ${reviewer.capacity}`);
  }
  // Exact (normalised) equality, not substring: a conflict "US" must not knock out "USA Today" or
  // "Justus", and the SQL mirror stays an index-friendly `= ANY`.
  const conflicts = new Set(reviewer.conflicts.map(normaliseTerm).filter((c) => c !== ''));
  const hit = (value: string | null) => value !== null && conflicts.has(normaliseTerm(value));
  if (hit(claim.speaker)) why.push(`conflict with speaker ${claim.speaker}`);
  for (const entity of new Set(claim.entities)) if (hit(entity)) why.push(`conflict with entity ${entity}`);
  if (hit(claim.outlet)) why.push(`conflict with outlet ${claim.outlet}`);
  if (claim.excludedReviewerIds.includes(reviewer.id)) {
    why.push('declined this claim or let it expire before');
  }
  if (claim.verdictAuthorId && claim.verdictAuthorId === reviewer.id) {
    why.push("wrote the claim's current verdict");
  }
  return why;
}

function compareIso(a: Date | null, b: Date | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1; // null (never) first
  return a.getTime() - b.getTime();
}

/**
 * Preference among eligible reviewers: more topic matches, then lower openLoad/capacity (compared by
 * cross-multiplication, exact for integers), then least recently assigned (never first), then id,
 * so the same input always yields the same pick.
 */
export function compareRanked(a: RankedReviewer, b: RankedReviewer): number {
  const ra = a.reviewer;
  const rb = b.reviewer;
  return (
    b.matchedTopics.length - a.matchedTopics.length ||
    ra.openLoad * rb.capacity - rb.openLoad * ra.capacity ||
    compareIso(ra.lastAssignedAt, rb.lastAssignedAt) ||
    (ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0)
  );
}

/** All eligible reviewers, best first, with their reasons; and everyone else with why not. */
export function rankReviewers(
  claim: RoutableClaim,
  candidates: readonly ReviewerCandidate[],
  now: Date,
): { ranked: RankedReviewer[]; rejected: Rejection[] } {
  const ranked: RankedReviewer[] = [];
  const rejected: Rejection[] = [];
  for (const reviewer of candidates) {
    const why = ineligibility(claim, reviewer, now);
    if (why.length > 0) {
      rejected.push({ id: reviewer.id, why: why.join('; ') });
      continue;
    }
    const matched = matchedTopics(claim, reviewer);
    ranked.push({ reviewer, matchedTopics: matched, reason: routingReason(matched, reviewer) });
  }
  ranked.sort(compareRanked);
  return { ranked, rejected };
}

/**
 * The reviewer the router should offer `claim` to at `now`, with the reason stored on the
 * assignment; or null with why nobody qualified (the claim then waits in PENDING, not an error).
 */
export function chooseReviewer(
  claim: RoutableClaim,
  candidates: readonly ReviewerCandidate[],
  now: Date,
): RoutingChoice {
  const { ranked, rejected } = rankReviewers(claim, candidates, now);
  const best = ranked[0];
  if (best) return { reviewer: best.reviewer, reason: best.reason };
  const reason =
    candidates.length === 0
      ? 'no reviewers to choose from'
      : `no eligible reviewer among ${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`;
  return { reviewer: null, reason, rejected };
}
