import { Client } from 'pg';

export interface InvariantReport {
  articles: number;
  claims: number;
  /** Articles not extracted, or routable claims (a reviewer has room) still without an assignment. */
  lost: number;
  /** Articles extracted twice, claims with more than one live assignment. */
  duplicated: number;
  /** Reviewers above capacity, or whose stored load disagrees with their live assignments. */
  overCapacity: number;
  /** Claims whose version disagrees with their events, articles whose revision or status disagrees. */
  inconsistent: number;
  details: string[];
}

const Q = {
  notExtracted: `SELECT id FROM "Article" WHERE status IN ('INGESTED', 'EXTRACTING')`,
  extractedTwice: `SELECT "articleId" AS id FROM "Event" WHERE type = 'article.extracted' GROUP BY 1 HAVING count(*) > 1`,
  // A PENDING claim is routable when some active, available reviewer speaking its language has room
  // and has not declined or let it expire.
  routableWaiting: `
    SELECT c.id FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
    WHERE c.status = 'PENDING' AND EXISTS (
      SELECT 1 FROM "Person" p WHERE p.role = 'REVIEWER' AND p.active AND a.language = ANY(p.languages)
        AND p."openLoad" + 2 <= p.capacity
        AND (p."availableFrom" IS NULL OR p."availableFrom" <= now())
        AND (p."availableUntil" IS NULL OR p."availableUntil" > now())
        AND NOT EXISTS (SELECT 1 FROM "Assignment" x WHERE x."claimId" = c.id AND x."reviewerId" = p.id
                        AND x.status IN ('DECLINED', 'EXPIRED')))`,
  liveMismatch: `
    SELECT c.id, c.status, count(x.id) AS live FROM "Claim" c
    LEFT JOIN "Assignment" x ON x."claimId" = c.id AND x.status IN ('OFFERED', 'ACCEPTED')
    GROUP BY c.id, c.status
    HAVING (c.status IN ('ASSIGNED', 'IN_REVIEW') AND count(x.id) <> 1)
        OR (c.status NOT IN ('ASSIGNED', 'IN_REVIEW') AND count(x.id) <> 0)`,
  loads: `
    SELECT p.id, p."openLoad", p.capacity, count(x.id)::int AS live FROM "Person" p
    LEFT JOIN "Assignment" x ON x."reviewerId" = p.id AND x.status IN ('OFFERED', 'ACCEPTED')
    WHERE p.role = 'REVIEWER' GROUP BY p.id`,
  // Every change bumps a claim's version by one and writes one event; creation is version 1.
  claimVersions: `
    SELECT c.id, c.version, count(e.id)::int AS events FROM "Claim" c
    LEFT JOIN "Event" e ON e."claimId" = c.id GROUP BY c.id HAVING c.version <> count(e.id)`,
  // Every event bumps its article's revision by one; an article starts at revision 1.
  articleRevisions: `
    SELECT a.id, a.revision, count(e.id)::int AS events FROM "Article" a
    LEFT JOIN "Event" e ON e."articleId" = a.id GROUP BY a.id HAVING a.revision <> count(e.id) + 1`,
  articleStatus: `
    SELECT a.id, a.status FROM "Article" a
    WHERE (a.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a.id
             AND c.status IN ('PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED')))
       OR (a.status = 'IN_REVIEW' AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a.id
             AND c.status IN ('PENDING', 'ASSIGNED', 'IN_REVIEW', 'SUBMITTED')))`,
};

/**
 * What "nothing lost, nothing twice" means for claimdesk, checked in SQL against a quiet desk.
 * Used by the chaos command and the end-to-end tests alike.
 */
export async function checkInvariants(databaseUrl: string): Promise<InvariantReport> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const rows = async (sql: string) => (await pg.query(sql)).rows;
    const details: string[] = [];
    const note = (label: string, list: unknown[]) => {
      if (list.length) details.push(`${label}: ${list.length} (${JSON.stringify(list.slice(0, 3))})`);
      return list.length;
    };
    const loads = await rows(Q.loads);
    const lost = note('articles not extracted', await rows(Q.notExtracted)) + note('routable claims waiting', await rows(Q.routableWaiting));
    const liveMismatch = await rows(Q.liveMismatch);
    const duplicated =
      note('articles extracted twice', await rows(Q.extractedTwice)) +
      note('claims with more than one live assignment', liveMismatch.filter((r) => Number(r.live) > 1));
    const overCapacity =
      note('reviewers over capacity', loads.filter((r) => r.openLoad > r.capacity)) +
      note('reviewers whose load disagrees with live assignments', loads.filter((r) => r.openLoad < r.live));
    const inconsistent =
      note('claims missing their live assignment or holding a stray one', liveMismatch.filter((r) => Number(r.live) <= 1)) +
      note('claims whose version disagrees with their events', await rows(Q.claimVersions)) +
      note('articles whose revision disagrees with their events', await rows(Q.articleRevisions)) +
      note('articles whose status disagrees with their claims', await rows(Q.articleStatus));
    const [{ articles, claims }] = await rows(
      `SELECT (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Claim") AS claims`,
    );
    return { articles, claims, lost, duplicated, overCapacity, inconsistent, details };
  } finally {
    await pg.end();
  }
}
