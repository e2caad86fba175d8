import { Client } from 'pg';
import { AssignmentsService, ExtractArticleService, RoutingService } from '@claimdesk/core';
import {
  checkInvariants,
  createTestDatabase,
  deleteQueueKeys,
  httpClient,
  startTestDesk,
  testEnv,
  waitFor,
  type HttpClient,
  type TestDesk,
} from '@claimdesk/testing';
import { JobProducer } from '@claimdesk/queue';
import { createApiApp } from '../apps/api/src/create-api-app';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { addPerson } from './desk-builder';
import { sampleArticleText } from './sample-article';

const articleBody = (i: number) =>
  `Exports rose ${i + 3}% in ${2000 + i} to ${i + 10} billion dollars, the trade ministry said on Monday. ` +
  `The ministry said ${i + 2} new trade agreements were signed in the same year. Officials expect growth to continue.`;

describe('nothing lost, nothing twice', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: Client;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 2 });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    for (let i = 0; i < 4; i++) {
      await addPerson(admin, { name: `R${i}`, email: `r${i}@res.test`, role: 'REVIEWER', capacity: 50 });
    }
  }, 180_000); // an API and two workers start in seconds alone, but took over 60 s beside a full suite at load 29

  afterAll(async () => {
    await pg?.end();
    await desk?.close();
  });

  it('runs extraction, routing and expiry twice or concurrently without changing anything the second time', async () => {
    const { body: article } = await admin.post('/articles', sampleArticleText());
    const extraction = desk.workers[0].get(ExtractArticleService);
    const outcomes = await Promise.all([extraction.extract(article.id), extraction.extract(article.id), extraction.extract(article.id)]);
    expect(outcomes.filter((o) => o === 'extracted').length).toBeLessThanOrEqual(1);
    await waitFor(async () => (await admin.get(`/articles/${article.id}`)).body.status === 'IN_REVIEW', { what: 'extraction' });
    const { rows: extracted } = await pg.query(`SELECT count(*)::int n FROM "Event" WHERE type = 'article.extracted' AND "articleId" = $1`, [article.id]);
    expect(extracted[0].n).toBe(1);

    const claims = (await admin.get(`/articles/${article.id}/claims`)).body as any[];
    const routed = await waitFor(async () => {
      const list = (await admin.get(`/articles/${article.id}/claims`)).body as any[];
      return list.find((c) => c.status === 'ASSIGNED');
    });
    const routing = desk.workers[1].get(RoutingService);
    const again = await Promise.all([routing.route(routed.id), routing.route(routed.id), routing.route(routed.id)]);
    expect(again.every((o) => o.kind === 'not-routable')).toBe(true);
    const { rows: live } = await pg.query(`SELECT count(*)::int n FROM "Assignment" WHERE "claimId" = $1`, [routed.id]);
    expect(live[0].n).toBe(1);

    const assignments = desk.workers[0].get(AssignmentsService);
    const past = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    const expiries = await Promise.all([
      assignments.expireIfOverdue(routed.assignment.id, past),
      assignments.expireIfOverdue(routed.assignment.id, past),
    ]);
    expect(expiries.filter((e) => e === 'expired')).toHaveLength(1);
    const { rows: expiredEvents } = await pg.query(`SELECT count(*)::int n FROM "Event" WHERE type = 'claim.expired' AND "claimId" = $1`, [routed.id]);
    expect(expiredEvents[0].n).toBe(1);
    expect(claims.length).toBeGreaterThan(0);
  });

  it('survives a worker stopped mid-stream and a flush of every queue key, then settles with every invariant held', async () => {
    const before = (await pg.query(`SELECT count(*)::int n FROM "Article"`)).rows[0].n as number;
    const ingest = Array.from({ length: 12 }, (_, i) => admin.post('/articles', { title: `Trade ${i}`, body: articleBody(i) }));
    await Promise.all(ingest.slice(0, 6));
    // Lose one worker abruptly and every job Redis held.
    await desk.workers[1].close();
    desk.workers.splice(1, 1);
    await deleteQueueKeys(desk.env.REDIS_URL, desk.env.CLAIMDESK_QUEUE_PREFIX);
    await Promise.all(ingest.slice(6));
    desk.workers.push(await createWorkerApp(desk.env, { logger: false }));
    let last: unknown;
    const report = await waitFor(
      async () => {
        const r = await checkInvariants(desk.db.url);
        last = r.details;
        return r.lost === 0 && r.inconsistent === 0 ? r : undefined;
      },
      { what: 'a settled desk', timeoutMs: 45_000, intervalMs: 500 },
    ).catch((error) => {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(last)}`);
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, overCapacity: 0, inconsistent: 0 });
    expect(report.articles).toBe(before + 12);
  });

  it('lets an admin see a failed job and retry it', async () => {
    // An extract job whose article id is not a UUID fails in Postgres; with one attempt it is failed for good.
    const producer = desk.api.get(JobProducer);
    await producer.queue('extract').add('extract', { articleId: 'not-a-uuid' }, { jobId: 'article-broken', attempts: 1 });
    const failed = await waitFor(async () => {
      const list = (await admin.get('/admin/jobs/failed?queue=extract')).body as any[];
      return list.find((j) => j.id === 'article-broken');
    }, { what: 'the failed job listed' });
    expect(failed.failedReason).toBeTruthy();
    const retried = await admin.post('/admin/jobs/extract/article-broken/retry');
    expect(retried.status).toBe(200);
    const reviewer = await addPerson(admin, { name: 'Nosy', email: 'nosy@res.test', role: 'REVIEWER' });
    expect((await httpClient(desk.api, reviewer.token).get('/admin/jobs/failed')).status).toBe(403);
    expect((await admin.post('/admin/jobs/nope/x/retry')).status).toBe(400);
  });
});

describe('Postgres unreachable', () => {
  it('answers 503 with Retry-After, fast, and /health names the database', async () => {
    const db = await createTestDatabase();
    const env = testEnv(db.url.replace(/:\d+\//, ':1/'));
    let api: Awaited<ReturnType<typeof createApiApp>> | undefined;
    try {
      api = await createApiApp({ ...env, CLAIMDESK_ADMIN_TOKEN: undefined }, { logger: false });
      const client = httpClient(api, 'cd_some_token_that_needs_a_lookup');
      const started = Date.now();
      const response = await client.get('/articles/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(Date.now() - started).toBeLessThan(10_000);
      const health = await client.get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ postgres: 'down', redis: 'up' });
    } finally {
      await api?.close();
      await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
      await db.drop();
    }
  });
});
