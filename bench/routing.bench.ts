import { Client } from 'pg';
import { Prisma } from '@prisma/client';
import { RoutingService } from '@claimdesk/core';
import { PrismaService } from '@claimdesk/database';
import { createTestDatabase, deleteQueueKeys, testEnv } from '@claimdesk/testing';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../apps/api/src/api.module';
import type { BenchResult } from './bench-result';

const REVIEWERS = 40;
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

/**
 * Routing cost per claim: the one-statement router (RoutingService.route, as the worker runs it)
 * against a baseline measured in the same run, a bare `SELECT 1` round trip through the same Prisma
 * client, so the ratio says what the routing logic itself costs.
 */
export async function benchRouting(): Promise<BenchResult[]> {
  const db = await createTestDatabase();
  const env = testEnv(db.url);
  // The API's module graph: the same services, and no queue processors competing with the bench.
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(env), { logger: false });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query(`INSERT INTO "Person" (name, email, role, languages, topics, capacity, "updatedAt")
      SELECT 'R' || i, 'r' || i || '@bench', 'REVIEWER', ARRAY['en'], ARRAY[(ARRAY['politics','economy','health'])[1 + i % 3]], 100, now()
      FROM generate_series(1, ${REVIEWERS}) i`);
    const { rows } = await pg.query(`INSERT INTO "Article" (title, body, "contentHash", status, "updatedAt")
      VALUES ('bench', 'bench', 'bench', 'IN_REVIEW', now()) RETURNING id`);
    await pg.query(
      `INSERT INTO "Claim" ("articleId", ordinal, text, sentence, "spanStart", "spanEnd", score, status, topics, "updatedAt")
       SELECT $1, i, 'c', 'c', 0, 1, 0.9, 'PENDING', ARRAY['politics'], now() FROM generate_series(1, ${CLAIMS}) i`,
      [rows[0].id],
    );
    const ids = (await pg.query(`SELECT id FROM "Claim" ORDER BY ordinal`)).rows.map((r) => r.id as string);
    const prisma = app.get(PrismaService);
    const routing = app.get(RoutingService);
    const baselineSeconds = await runPool(CLAIMS, CONCURRENCY, () => prisma.$queryRaw(Prisma.sql`SELECT 1`));
    const routeSeconds = await runPool(CLAIMS, CONCURRENCY, (i) => routing.route(ids[i]));
    const assigned = (await pg.query(`SELECT count(*)::int n FROM "Assignment"`)).rows[0].n;
    if (assigned !== CLAIMS) throw new Error(`bench routed ${assigned} of ${CLAIMS}`);
    const perSecond = CLAIMS / routeSeconds;
    const baseline = CLAIMS / baselineSeconds;
    return [
      {
        name: 'routing: claims routed per second (one SQL statement, 40 reviewers)',
        value: Math.round(perSecond),
        unit: 'claims/s',
        details: { msPerClaim: +(1000 / perSecond).toFixed(3), baselineSelect1PerSecond: Math.round(baseline), ratioToBaseline: +(perSecond / baseline).toFixed(2), concurrency: CONCURRENCY },
      },
    ];
  } finally {
    await pg.end();
    await app.close();
    await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
    await db.drop();
  }
}
