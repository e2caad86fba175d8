import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@claimdesk/testing';
import {
  PRIORITIES,
  PRIORITY_COST,
  chooseReviewer,
  entityNames,
  type Priority,
  type ReviewerCandidate,
  type RoutableClaim,
} from '@claimdesk/workflow';
import { routeClaimSql } from '../libs/core/src/routing/route-claim.sql';

// The router's one SQL statement and the pure policy chooseReviewer() must pick the same reviewer
// for the same reason. Both run here on the same rows of a real database, over a few hundred
// generated desks that hit every rule: case and space variants of languages, topics and conflicts,
// conflicts through speaker, outlet and each entity kind, capacity by priority, availability bounds
// at the exact instant, declines, expiries, the verdict author, and ties on load and recency.

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCENARIOS = 300;

describe('routing: the SQL statement and chooseReviewer() agree', () => {
  let db: TestDatabase;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it(`picks the same reviewer with the same reason on ${SCENARIOS} generated desks`, async () => {
    const random = rng(20261127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const some = <T>(xs: readonly T[], p = 0.4): T[] => xs.filter(() => random() < p);
    const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 123);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const outcomes = { assigned: 0, nobody: 0 };
    const rulesSeen = new Set<string>();

    for (let s = 0; s < SCENARIOS; s++) {
      await pg.query(`DELETE FROM "Assignment"; DELETE FROM "Verdict"; DELETE FROM "Event"; DELETE FROM "Claim"; DELETE FROM "Article"; DELETE FROM "Person"`);
      const priority: Priority = pick(PRIORITIES);
      const entities = {
        people: some(['Nicolás Maduro', 'Delcy Rodríguez']),
        organisations: some(['PDVSA', 'OPEC']),
        places: some(['Caracas', 'Washington']),
        dates: [{ text: 'OPEC', iso: null }],
        numbers: [],
      };
      const claimRow = {
        language: pick(['en', 'ES', ' es']),
        outlet: pick([null, 'Daily Planet', 'daily planet ']),
        speaker: pick([null, 'Nicolás Maduro', 'Joe Biden']),
        topics: some(['politics', 'Economy', ' health', 'sport', 'POLITICS'], 0.5),
        entities,
      };
      const { rows: articles } = await pg.query(
        `INSERT INTO "Article" (title, body, "contentHash", language, outlet, status, "updatedAt")
         VALUES ('t', 'b', $1, $2, $3, 'IN_REVIEW', now()) RETURNING id`,
        [`h${s}`, claimRow.language, claimRow.outlet],
      );
      const { rows: claims } = await pg.query(
        `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, priority, topics, speaker, entities, "updatedAt")
         VALUES ($1, 1, 'c', 'c', 0, 1, 0.9, 'PENDING', $2, $3, $4, $5, now()) RETURNING id`,
        [articles[0].id, priority, claimRow.topics, claimRow.speaker, JSON.stringify(entities)],
      );
      const claimId: string = claims[0].id;

      const candidates: ReviewerCandidate[] = [];
      const reviewers = 1 + Math.floor(random() * 7);
      for (let r = 0; r < reviewers; r++) {
        const capacity = Math.floor(random() * 5);
        const person = {
          name: `R${r}`,
          role: random() < 0.9 ? 'REVIEWER' : 'EDITOR',
          active: random() < 0.9,
          languages: some(['en', ' EN', 'es', 'Es ', 'fr'], 0.5),
          topics: some(['politics', 'economy', 'Health', 'sport ', 'science'], 0.4),
          capacity,
          openLoad: Math.floor(random() * (capacity + 1)),
          availableFrom: pick([null, null, at(-30), at(30), now]),
          availableUntil: pick([null, null, at(60), at(-10), now]),
          conflicts: some(['maduro', ' nicolás maduro', 'PDVSA ', 'caracas', 'DAILY PLANET', 'opec'], 0.15),
          lastAssignedAt: pick([null, at(-5), at(-60), at(-60)]),
        };
        const { rows } = await pg.query(
          `INSERT INTO "Person" (name, email, role, active, languages, topics, capacity, "openLoad", "availableFrom", "availableUntil", conflicts, "lastAssignedAt", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) RETURNING id`,
          [person.name, `r${r}.${s}@t.test`, person.role, person.active, person.languages, person.topics, person.capacity,
            person.openLoad, person.availableFrom, person.availableUntil, person.conflicts, person.lastAssignedAt],
        );
        candidates.push({ id: rows[0].id, ...person });
      }
      const excluded: string[] = [];
      for (const c of candidates) {
        if (random() < 0.12) {
          const status = pick(['DECLINED', 'EXPIRED', 'REASSIGNED', 'WITHDRAWN']);
          await pg.query(
            `INSERT INTO "Assignment" ("claimId", "reviewerId", reason, status, "dueAt", "updatedAt") VALUES ($1, $2, 'x', $3, now(), now())`,
            [claimId, c.id, status],
          );
          if (status === 'DECLINED' || status === 'EXPIRED') excluded.push(c.id);
        }
      }
      let verdictAuthorId: string | null = null;
      if (random() < 0.3) {
        // Two verdicts: only the latest one's author is excluded.
        const [older, newer] = [pick(candidates), pick(candidates)];
        for (const [i, author] of [older, newer].entries()) {
          await pg.query(
            `INSERT INTO "Verdict" ("claimId", "authorId", rating, rationale, status, "createdAt", "updatedAt")
             VALUES ($1, $2, 'TRUE', 'r', 'RETURNED', now() - make_interval(mins => $3), now())`,
            [claimId, author.id, 10 - i],
          );
        }
        verdictAuthorId = newer.id;
      }

      const routable: RoutableClaim = {
        id: claimId,
        language: claimRow.language,
        topics: claimRow.topics,
        speaker: claimRow.speaker,
        entities: entityNames(entities),
        outlet: claimRow.outlet,
        cost: PRIORITY_COST[priority],
        excludedReviewerIds: excluded,
        verdictAuthorId,
      };
      const expected = chooseReviewer(routable, candidates, now);
      if (expected.reviewer === null) {
        for (const r of expected.rejected) for (const why of r.why.split('; ')) rulesSeen.add(why.split(' ')[0]);
      }

      const sql = routeClaimSql({ claimId, fromStatuses: ['PENDING'], offerMinutes: 60, now });
      await pg.query('BEGIN');
      let row: { reviewerId: string | null; reason: string | null; cost: number | null; eligible: boolean };
      try {
        row = (await pg.query(sql.text, sql.values)).rows[0];
      } finally {
        await pg.query('ROLLBACK');
      }
      const context = JSON.stringify({ scenario: s, claim: routable, candidates, expected }, null, 1);
      expect({ reviewerId: row.reviewerId, reason: row.reviewerId ? row.reason : null, context }).toEqual({
        reviewerId: expected.reviewer?.id ?? null,
        reason: expected.reviewer ? expected.reason : null,
        context,
      });
      expect(row.eligible).toBe(expected.reviewer !== null);
      if (expected.reviewer) expect(row.cost).toBe(PRIORITY_COST[priority]);
      outcomes[expected.reviewer ? 'assigned' : 'nobody']++;
    }
    // The generator must exercise both outcomes and the rules, or agreement proves little.
    expect(outcomes.assigned).toBeGreaterThan(SCENARIOS / 5);
    expect(outcomes.nobody).toBeGreaterThan(SCENARIOS / 10);
    expect([...rulesSeen].sort()).toEqual(
      expect.arrayContaining(['conflict', 'declined', 'does', 'inactive', 'no', 'role', 'unavailable', 'wrote']),
    );
  });
});
