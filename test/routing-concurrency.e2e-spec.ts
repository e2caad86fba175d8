import { Client } from 'pg';
import { JobProducer, type JobRequest } from '@claimdesk/queue';
import { startTestDesk, waitFor, type TestDesk } from '@claimdesk/testing';
import { PRIORITY_COST, type Priority } from '@claimdesk/workflow';

// Issue 4's concurrency test: 40 reviewers of mixed languages, topics and capacities; 4 worker
// processes' modules (each its own BullMQ route worker, concurrency 8); 1,000 claims from 50 articles
// arriving at once. Claims are inserted straight into Postgres (extraction is not under test here)
// and every one is routed through the real queue by the real workers.

const WORKERS = 4;
const ARTICLES = 50;
const CLAIMS_PER_ARTICLE = 20;

interface ReviewerSpec {
  group: string;
  languages: string[];
  topics: string[];
  capacity: number;
  active?: boolean;
  role?: string;
  availableUntil?: Date;
}

function desk(): ReviewerSpec[] {
  const specs: ReviewerSpec[] = [];
  const add = (n: number, spec: ReviewerSpec) => {
    for (let i = 0; i < n; i++) specs.push(spec);
  };
  // Three groups of equal reviewers: their loads must end within 1 of each other.
  add(6, { group: 'en-politics', languages: ['en'], topics: ['politics'], capacity: 30 });
  add(6, { group: 'en-economy', languages: ['en'], topics: ['economy'], capacity: 30 });
  add(5, { group: 'es-desk', languages: ['es'], topics: ['politics', 'economy'], capacity: 50 });
  // Individuals: bilingual, other topics, other capacities.
  const mixed: Array<[string[], string[], number]> = [
    [['en'], ['health'], 25], [['en'], ['politics', 'economy'], 35], [['en', 'es'], ['politics'], 20],
    [['en', 'es'], [], 15], [['en'], ['science'], 40], [['EN '], ['Health', 'science'], 22],
    [['en'], ['politics', 'health'], 18], [['en', 'es'], ['economy'], 27], [['en'], [], 33],
    [['es'], ['health'], 12], [['en'], ['economy', 'science'], 29], [['en'], ['sport'], 16],
    [['es', 'fr'], ['economy'], 24], [['en'], ['politics'], 26],
  ];
  for (const [languages, topics, capacity] of mixed) specs.push({ group: 'single', languages, topics, capacity });
  // French desk: every French claim is BREAKING (2 units), so capacity by priority is under load too.
  for (const capacity of [41, 50, 61, 70, 79, 91]) specs.push({ group: 'single', languages: ['fr'], topics: ['politics'], capacity });
  // Never eligible: inactive, out of office, an editor.
  specs.push({ group: 'never', languages: ['en', 'es', 'fr'], topics: ['politics'], capacity: 100, active: false });
  specs.push({ group: 'never', languages: ['en', 'es', 'fr'], topics: ['politics'], capacity: 100, availableUntil: new Date(Date.now() - 60_000) });
  specs.push({ group: 'never', languages: ['en'], topics: ['politics'], capacity: 100, role: 'EDITOR' });
  return specs;
}

function articles(): Array<{ language: string; priority: Priority }> {
  const list: Array<{ language: string; priority: Priority }> = [];
  const rotate: Priority[] = ['LOW', 'NORMAL', 'HIGH', 'NORMAL'];
  for (let i = 0; i < 28; i++) list.push({ language: 'en', priority: rotate[i % 4] });
  for (let i = 0; i < 12; i++) list.push({ language: 'es', priority: rotate[i % 4] });
  for (let i = 0; i < 8; i++) list.push({ language: 'fr', priority: 'BREAKING' });
  for (let i = 0; i < 2; i++) list.push({ language: 'de', priority: 'NORMAL' }); // nobody speaks it
  return list;
}

const TOPIC_SETS = [['politics'], ['economy'], ['politics', 'economy'], [], ['health'], ['Politics ']];

describe('routing under concurrency: 4 workers, 40 reviewers, 1,000 claims', () => {
  let testDesk: TestDesk;
  let pg: Client;

  beforeAll(async () => {
    testDesk = await startTestDesk({ workers: WORKERS, env: { CLAIMDESK_WORKER_CONCURRENCY: '8' } });
    pg = new Client({ connectionString: testDesk.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await testDesk?.close();
  });

  const overCapacity = async () =>
    (
      await pg.query(`
        SELECT p.name, p."openLoad", p.capacity, COALESCE(sum(a.cost), 0)::int AS held
        FROM "Person" p LEFT JOIN "Assignment" a ON a."reviewerId" = p.id AND a.status IN ('OFFERED', 'ACCEPTED')
        GROUP BY p.id HAVING p."openLoad" > p.capacity OR p."openLoad" <> COALESCE(sum(a.cost), 0)`)
    ).rows;

  it('never overfills anyone, routes every routable claim once, in its language, evenly among equals', async () => {
    const specs = desk();
    expect(specs).toHaveLength(40);
    const reviewerGroup = new Map<string, string>();
    for (const [i, spec] of specs.entries()) {
      const { rows } = await pg.query(
        `INSERT INTO "Person" (name, email, role, active, languages, topics, capacity, "maxCapacity", "availableUntil", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, now()) RETURNING id`,
        [`R${i}`, `r${i}@load.test`, spec.role ?? 'REVIEWER', spec.active ?? true, spec.languages, spec.topics, spec.capacity, spec.availableUntil ?? null],
      );
      reviewerGroup.set(rows[0].id, spec.group);
    }

    const producer = testDesk.api.get(JobProducer);
    const started = Date.now();
    let checks = 0;
    // A watcher checks the invariant continuously while the workers route...
    let watching = true;
    const violations: unknown[] = [];
    const watcher = (async () => {
      while (watching) {
        violations.push(...(await overCapacity()));
        checks++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    // ...and each article's batch is checked as soon as it is in, while earlier ones are being routed.
    for (const [a, article] of articles().entries()) {
      const { rows: inserted } = await pg.query(
        `INSERT INTO "Article" (title, body, "contentHash", language, outlet, priority, status, "updatedAt")
         VALUES ($1, 'body', $2, $3, 'Daily Planet', $4, 'IN_REVIEW', now()) RETURNING id`,
        [`Article ${a}`, `load-${a}`, article.language, article.priority],
      );
      const { rows: claims } = await pg.query(
        `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, priority, topics, "updatedAt")
         SELECT $1, i, 'claim ' || i, 'claim ' || i, 0, 1, 0.9, 'PENDING', $2, ($3::jsonb ->> (i % $4))::text[], now()
         FROM generate_series(1, ${CLAIMS_PER_ARTICLE}) i RETURNING id, version`,
        [inserted[0].id, article.priority, JSON.stringify(TOPIC_SETS.map((t) => `{${t.map((x) => `"${x}"`).join(',')}}`)), TOPIC_SETS.length],
      );
      const jobs: JobRequest[] = claims.map((c) => ({
        queue: 'route',
        data: { claimId: c.id, version: c.version, priority: article.priority },
      }));
      expect(await producer.enqueue(jobs)).toBe(jobs.length);
      expect(await overCapacity()).toEqual([]);
      checks++;
    }

    const routable = ARTICLES * CLAIMS_PER_ARTICLE - 2 * CLAIMS_PER_ARTICLE;
    await waitFor(
      async () => {
        const { rows } = await pg.query(`SELECT count(*)::int n FROM "Assignment" WHERE status = 'OFFERED'`);
        return rows[0].n === routable ? true : undefined;
      },
      { timeoutMs: 90_000, what: `${routable} offers` },
    );
    const routeQueue = producer.queue('route');
    await waitFor(async () => {
      const counts = await routeQueue.getJobCounts('waiting', 'active', 'prioritized');
      return counts.waiting + counts.active + counts.prioritized === 0 ? true : undefined;
    }, { what: 'an idle route queue' });
    watching = false;
    await watcher;
    const seconds = (Date.now() - started) / 1000;
    expect(violations).toEqual([]);
    expect(checks).toBeGreaterThan(ARTICLES);
    expect(await overCapacity()).toEqual([]);

    // Every routable claim has exactly one live assignment; the German ones wait, untouched.
    const { rows: perClaim } = await pg.query(`
      SELECT a.language, c.status, count(x.id) FILTER (WHERE x.status IN ('OFFERED', 'ACCEPTED'))::int AS live, count(x.id)::int AS total
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "Assignment" x ON x."claimId" = c.id
      GROUP BY c.id, a.language, c.status`);
    expect(perClaim).toHaveLength(ARTICLES * CLAIMS_PER_ARTICLE);
    for (const c of perClaim) {
      if (c.language === 'de') expect(c).toEqual({ language: 'de', status: 'PENDING', live: 0, total: 0 });
      else expect(c).toEqual({ language: c.language, status: 'ASSIGNED', live: 1, total: 1 });
    }

    // Language always matches (case and space aside); BREAKING claims were charged 2 units.
    const { rows: mismatched } = await pg.query(`
      SELECT x.id FROM "Assignment" x JOIN "Claim" c ON c.id = x."claimId" JOIN "Article" a ON a.id = c."articleId"
      JOIN "Person" p ON p.id = x."reviewerId"
      WHERE NOT EXISTS (SELECT 1 FROM unnest(p.languages) l WHERE lower(btrim(l)) = a.language)
         OR x.cost <> ($1::jsonb ->> c.priority::text)::int`, [JSON.stringify(PRIORITY_COST)]);
    expect(mismatched).toEqual([]);

    // Equal reviewers end within one unit of each other; the never-eligible got nothing.
    const { rows: loads } = await pg.query(`SELECT id, "openLoad" FROM "Person"`);
    const byGroup = new Map<string, number[]>();
    for (const l of loads) byGroup.set(reviewerGroup.get(l.id)!, [...(byGroup.get(reviewerGroup.get(l.id)!) ?? []), l.openLoad]);
    for (const group of ['en-politics', 'en-economy', 'es-desk']) {
      const values = byGroup.get(group)!;
      expect({ group, spread: Math.max(...values) - Math.min(...values), values }).toEqual({ group, spread: expect.any(Number), values });
      expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      expect(Math.min(...values)).toBeGreaterThan(0);
    }
    expect(byGroup.get('never')).toEqual([0, 0, 0]);
    // Reason in words on every assignment, as the pure policy words it.
    const { rows: reasons } = await pg.query(`SELECT DISTINCT regexp_replace(reason, '[0-9]+', 'N', 'g') AS r FROM "Assignment" ORDER BY 1`);
    for (const { r } of reasons) expect(r).toMatch(/^(no topic match|topic [a-z]+|topics [a-z]+(, [a-z]+)+); load N\/N$/);
    // Kept in the test output: how long 1,000 claims took through 4 workers.
    console.log(`routed ${routable} claims with ${WORKERS} workers in ${seconds.toFixed(1)} s; invariant checked ${checks} times`);
  });
});
