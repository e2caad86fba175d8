import { Client } from 'pg';
import { Prisma } from '@prisma/client';
import { RoutingService } from '@claimdesk/core';
import { PrismaService } from '@claimdesk/database';
import { createTestDatabase, deleteQueueKeys, testEnv } from '@claimdesk/testing';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../apps/api/src/api.module';
import type { BenchResult } from './bench-result';

const REVIEWERS = 40;
const ARTICLES = 100;
const CLAIMS = 2_000;
const CONCURRENCY = 8;

async function runPool(total: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

interface Case {
  reviewers: number;
  /** Live assignments already on the desk before the measured claims (spread evenly). */
  openAssignments: number;
}

// How the cost per claim grows: with the number of reviewers the statement ranks, and with the
// number of open assignments (the stored openLoad counter keeps the latter flat; STACK.md).
const CASES: Case[] = [
  { reviewers: REVIEWERS, openAssignments: 0 },
  { reviewers: 400, openAssignments: 0 },
  { reviewers: 400, openAssignments: 20_000 },
];

/**
 * Routing cost per claim: the one-statement router (RoutingService.route, as the worker runs it)
 * against a baseline measured in the same run, a bare `SELECT 1` round trip through the same Prisma
 * client, so the ratio says what the routing logic itself costs.
 */
export async function benchRouting(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of CASES) results.push(await benchCase(c));
  return results;
}

async function benchCase({ reviewers, openAssignments }: Case): Promise<BenchResult> {
  const db = await createTestDatabase();
  const env = testEnv(db.url);
  // The API's module graph: the same services, and no queue processors competing with the bench.
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(env), { logger: false });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query(`INSERT INTO "Person" (name, email, role, languages, topics, capacity, "maxCapacity", conflicts, "updatedAt")
      SELECT 'R' || i, 'r' || i || '@bench', 'REVIEWER', ARRAY['en'], ARRAY[(ARRAY['politics','economy','health'])[1 + i % 3]], 100, 100,
             ARRAY['Outlet ' || i], now()
      FROM generate_series(1, ${reviewers}) i`);
    // Claims spread over 100 articles, as on a desk: each routing bumps its article's revision, and
    // one article for all would measure that row's lock, not the router.
    const { rows } = await pg.query(`INSERT INTO "Article" (title, body, "contentHash", status, outlet, "updatedAt")
      SELECT 'bench ' || i, 'bench', 'bench-' || i, 'IN_REVIEW', 'Daily Planet', now() FROM generate_series(1, ${ARTICLES}) i
      RETURNING id`);
    const articleIds = rows.map((r) => r.id as string);
    if (openAssignments > 0) {
      // Already-held work: ASSIGNED claims with live offers, and the reviewers' counters to match.
      await pg.query(
        `WITH c AS (
           INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, topics, "updatedAt")
           SELECT $1, 100000 + i, 'h', 'h', 0, 1, 0.9, 'ASSIGNED', ARRAY['politics'], now() FROM generate_series(1, ${openAssignments}) i
           RETURNING id, ordinal)
         INSERT INTO "Assignment" ("claimId", "reviewerId", reason, status, "dueAt", "updatedAt")
         SELECT c.id, p.id, 'preload', 'OFFERED', now() + interval '1 day', now()
         FROM c JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM "Person") p ON p.k = c.ordinal % ${reviewers}`,
        [rows[0].id],
      );
      await pg.query(`UPDATE "Person" p SET "openLoad" = (SELECT count(*) FROM "Assignment" a WHERE a."reviewerId" = p.id)`);
    }
    await pg.query(
      `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, topics, speaker, entities, "updatedAt")
       SELECT ($1::uuid[])[1 + i % ${ARTICLES}], i, 'c', 'c', 0, 1, 0.9, 'PENDING', ARRAY['politics'], 'Someone', '{"people":["A B"],"organisations":["C"],"places":["D"]}', now()
       FROM generate_series(1, ${CLAIMS}) i`,
      [articleIds],
    );
    const ids = (await pg.query(`SELECT id FROM "Claim" WHERE status = 'PENDING' ORDER BY ordinal`)).rows.map((r) => r.id as string);
    const prisma = app.get(PrismaService);
    const routing = app.get(RoutingService);
    const baselineSeconds = await runPool(CLAIMS, CONCURRENCY, () => prisma.$queryRaw(Prisma.sql`SELECT 1`));
    const routeSeconds = await runPool(CLAIMS, CONCURRENCY, (i) => routing.route(ids[i]));
    const assigned = (await pg.query(`SELECT count(*)::int n FROM "Assignment" WHERE reason <> 'preload'`)).rows[0].n;
    if (assigned !== CLAIMS) throw new Error(`bench routed ${assigned} of ${CLAIMS}`);
    const perSecond = CLAIMS / routeSeconds;
    const baseline = CLAIMS / baselineSeconds;
    return {
      name: `routing: claims routed per second (one SQL statement, ${reviewers} reviewers, ${openAssignments} open assignments)`,
      value: Math.round(perSecond),
      unit: 'claims/s',
      details: {
        msPerClaim: +(1000 / perSecond).toFixed(3),
        baselineSelect1PerSecond: Math.round(baseline),
        ratioToBaseline: +(perSecond / baseline).toFixed(2),
        concurrency: CONCURRENCY,
      },
    };
  } finally {
    await pg.end();
    await app.close();
    await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
    await db.drop();
  }
}
