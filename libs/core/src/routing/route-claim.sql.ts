import { Prisma } from '@prisma/client';
import { CONFLICT_ENTITY_KINDS, PRIORITY_COST } from '@claimdesk/workflow';

export interface RouteClaimRow {
  /** The claim exists and is in a status `route` starts from. */
  claimFound: boolean;
  /** Some reviewer passed every rule when the statement started, row locks aside. */
  eligible: boolean;
  assignmentId: string | null;
  reviewerId: string | null;
  reason: string | null;
  dueAt: Date | null;
  cost: number | null;
}

// normaliseTerm() of libs/workflow in SQL: trim the whitespace JS trim() removes in practice, then lower.
const norm = (expr: string) => Prisma.raw(`lower(btrim(${expr}, E' \\t\\n\\r\\f\\x0B'))`);

/**
 * Routes one claim in ONE statement (DESIGN.md step 3; STACK.md measured 1,654 vs 510 jobs/s against
 * an interactive transaction). It locks the claim, picks the best eligible reviewer with
 * FOR UPDATE SKIP LOCKED (two routers never wait on, or both take, the same reviewer's last slot),
 * reserves the capacity with a conditional UPDATE, writes the OFFERED assignment (deadline: the offer
 * timeout), the event and the article revision. When no reviewer is eligible nothing is written: the
 * claim keeps waiting in PENDING.
 *
 * It mirrors chooseReviewer() of libs/workflow rule for rule (the header of routing-policy.ts lists
 * them) and builds the same reason string; test/routing-parity.e2e-spec.ts holds the two together.
 * The per-reviewer rules sit in the WHERE of the locking SELECT on purpose: when a concurrent router
 * changed the row, Postgres re-checks them on the newest version before the lock is granted.
 *
 * `now` pins the clock (tests comparing with the pure policy); null means the database's clock.
 */
export function routeClaimSql(args: {
  claimId: string;
  fromStatuses: readonly string[];
  offerMinutes: number;
  costs?: Readonly<Record<string, number>>;
  now?: Date | null;
  /**
   * Only the best tier as of the statement's snapshot (most topic matches, then lowest relative
   * load) may be taken; if every one of them is locked by another router, nothing is picked and the
   * caller retries. Without it, SKIP LOCKED hands the claim to the next reviewer down, and under
   * many concurrent routers equal reviewers drift two or more claims apart.
   */
  strict?: boolean;
}): Prisma.Sql {
  const now = Prisma.sql`(COALESCE(${args.now ?? null}::timestamptz, now()) AT TIME ZONE 'UTC')`;
  const eligibleWhere = Prisma.sql`
    p.role = 'REVIEWER' AND p.active
    AND (p."availableFrom" IS NULL OR p."availableFrom" <= ${now})
    AND (p."availableUntil" IS NULL OR ${now} < p."availableUntil")
    AND EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE ${norm('l')} = claim.lang)
    AND p."openLoad" + claim.cost <= p.capacity
    AND NOT EXISTS (SELECT 1 FROM unnest(p.conflicts) x WHERE ${norm('x')} = ANY(claim.terms))
    AND NOT EXISTS (
      SELECT 1 FROM "Assignment" x
      WHERE x."claimId" = claim.id AND x."reviewerId" = p.id AND x.status IN ('DECLINED', 'EXPIRED'))
    AND p.id IS DISTINCT FROM claim."verdictAuthorId"`;
  // Sorted by code unit (COLLATE "C"), as matchedTopics() sorts, so the reason reads the same.
  const matched = Prisma.sql`ARRAY(SELECT m FROM (SELECT ${norm('x')} AS m FROM unnest(p.topics) x INTERSECT SELECT unnest(claim.topics)) s ORDER BY m COLLATE "C")`;
  return Prisma.sql`
WITH claim AS (
  SELECT c.id, c."articleId", c.priority,
         ${norm('a.language')} AS lang,
         ARRAY(SELECT DISTINCT ${norm('t')} FROM unnest(c.topics) t WHERE ${norm('t')} <> '') AS topics,
         ARRAY(SELECT DISTINCT ${norm('n.x')} FROM (
                 SELECT c.speaker AS x
                 UNION ALL SELECT a.outlet
                 UNION ALL SELECT e #>> '{}'
                   FROM unnest(${[...CONFLICT_ENTITY_KINDS]}::text[]) k,
                        jsonb_array_elements(CASE WHEN jsonb_typeof(c.entities -> k) = 'array' THEN c.entities -> k ELSE '[]'::jsonb END) e
                   WHERE jsonb_typeof(e) = 'string'
               ) n WHERE n.x IS NOT NULL AND ${norm('n.x')} <> '') AS terms,
         (${JSON.stringify(args.costs ?? PRIORITY_COST)}::jsonb ->> c.priority::text)::int AS cost,
         (SELECT v."authorId" FROM "Verdict" v WHERE v."claimId" = c.id
          ORDER BY v."createdAt" DESC, v.id DESC LIMIT 1) AS "verdictAuthorId"
  FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
  WHERE c.id = ${args.claimId}::uuid AND c.status::text = ANY(${args.fromStatuses as string[]}::text[])
  FOR UPDATE OF c
),
best AS (
  SELECT cardinality(${matched}) AS hits, p."openLoad"::float8 / NULLIF(p.capacity, 0) AS ratio
  FROM "Person" p, claim
  WHERE ${eligibleWhere}
  ORDER BY 1 DESC, 2 ASC
  LIMIT 1
),
pick AS (
  SELECT p.id, ${matched} AS matched
  FROM "Person" p, claim, best
  WHERE ${eligibleWhere}
    AND (NOT ${args.strict ?? false}::boolean
         OR (cardinality(${matched}) = best.hits AND p."openLoad"::float8 / NULLIF(p.capacity, 0) <= best.ratio))
  ORDER BY cardinality(${matched}) DESC,
           p."openLoad"::float8 / NULLIF(p.capacity, 0), p."lastAssignedAt" ASC NULLS FIRST, p.id
  LIMIT 1
  FOR UPDATE OF p SKIP LOCKED
),
reserved AS (
  UPDATE "Person" p SET "openLoad" = p."openLoad" + claim.cost, "lastAssignedAt" = ${now}, "updatedAt" = ${now}
  FROM pick, claim
  WHERE p.id = pick.id AND p."openLoad" + claim.cost <= p.capacity
  RETURNING p.id, pick.matched, p."openLoad" - claim.cost AS "loadBefore", p.capacity, claim.cost
),
moved AS (
  UPDATE "Claim" c SET status = 'ASSIGNED', version = c.version + 1, "updatedAt" = ${now}
  FROM claim, reserved
  WHERE c.id = claim.id
  RETURNING c.id, c."articleId"
),
assignment AS (
  INSERT INTO "Assignment" (id, "claimId", "reviewerId", reason, status, cost, "dueAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), m.id, r.id,
         CASE cardinality(r.matched) WHEN 0 THEN 'no topic match' WHEN 1 THEN 'topic ' ELSE 'topics ' END
           || array_to_string(r.matched, ', ') || '; load ' || r."loadBefore" || '/' || r.capacity,
         'OFFERED', r.cost,
         ${now} + ${args.offerMinutes}::float8 * interval '1 minute',
         ${now}, ${now}
  FROM moved m, reserved r
  RETURNING id, "claimId", "reviewerId", reason, cost, "dueAt"
),
event AS (
  INSERT INTO "Event" (type, "articleId", "claimId", payload, at)
  SELECT 'claim.assigned', m."articleId", m.id,
         jsonb_build_object('from', 'PENDING', 'to', 'ASSIGNED', 'assignmentId', a.id, 'reviewerId', a."reviewerId",
                            'reason', a.reason, 'cost', a.cost, 'offerExpiresAt', a."dueAt"),
         ${now}
  FROM moved m, assignment a
),
revision AS (
  UPDATE "Article" ar SET revision = ar.revision + 1, "updatedAt" = ${now}
  FROM moved m WHERE ar.id = m."articleId"
)
SELECT EXISTS (SELECT 1 FROM claim) AS "claimFound",
       EXISTS (SELECT 1 FROM "Person" p, claim WHERE ${eligibleWhere}) AS eligible,
       a.id::text AS "assignmentId", a."reviewerId"::text AS "reviewerId", a.reason, a."dueAt", a.cost
FROM (SELECT 1) one LEFT JOIN assignment a ON true`;
}
