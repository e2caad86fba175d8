import IORedis from 'ioredis';
import { Client } from 'pg';
import { ExtractArticleService, ReconcilerService } from '@claimdesk/core';
import { UnboundWhereError } from '@claimdesk/database';
import { JobProducer, inspectJobRecord } from '@claimdesk/queue';
import { httpClient, startTestDesk, waitFor, type HttpClient, type TestDesk } from '@claimdesk/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { addPerson } from './desk-builder';
import { WorkerProcess } from './worker-process';

// Each case of "a job id exists but the work is not queued", reproduced by hand on a desk with no
// worker running (so nothing races the setup), then shown to recover. The reconciler is called with
// a clock a minute ahead, past its grace period, instead of waiting for its schedule.
const body = (i: number) =>
  `Exports rose ${i + 3}% in ${2000 + i} to ${i + 10} billion dollars, the trade ministry said on Monday. ` +
  `The ministry said ${i + 2} new trade agreements were signed in the same year.`;

const extracted = (status: string) => status === 'IN_REVIEW' || status === 'COMPLETED';

describe('a job id is a promise only while its record is intact', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let redis: IORedis;
  let pg: Client;
  let articleNo = 0;

  beforeAll(async () => {
    desk = await startTestDesk({ workers: 0 });
    admin = httpClient(desk.api, desk.adminToken);
    redis = new IORedis(desk.env.REDIS_URL);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    await addPerson(admin, { name: 'R', email: 'r@recovery.test', role: 'REVIEWER', capacity: 50 });
  });

  afterAll(async () => {
    redis?.disconnect();
    await pg?.end();
    await desk?.close();
  });

  const extractQueue = () => desk.api.get(JobProducer).queue('extract');
  const reconcileNow = () => desk.api.get(ReconcilerService).reconcile(new Date(Date.now() + 60_000));
  const status = async (id: string) => (await pg.query(`SELECT status FROM "Article" WHERE id = $1`, [id])).rows[0].status as string;

  /** An article whose extract job waits in Redis (no worker has taken it). */
  async function ingest(): Promise<{ articleId: string; jobId: string }> {
    const i = articleNo++;
    const { status: code, body: article } = await admin.post('/articles', { title: `Trade ${i}`, body: body(i) });
    expect(code).toBe(202);
    const jobId = `article-${article.id}`;
    expect(await inspectJobRecord(extractQueue(), jobId)).toBe('queued');
    return { articleId: article.id, jobId };
  }

  it('a hash deleted while its id waits in the list: the record is replaced with its data', async () => {
    const { articleId, jobId } = await ingest();
    await redis.del(extractQueue().toKey(jobId));
    expect(await extractQueue().getJobState(jobId)).toBe('waiting');
    expect(await inspectJobRecord(extractQueue(), jobId)).toBe('stale');

    const report = await reconcileNow();
    expect(report.replaced).toBe(1);
    expect(await inspectJobRecord(extractQueue(), jobId)).toBe('queued');
    expect((await extractQueue().getJob(jobId))?.data).toEqual({ articleId });
  });

  it('a completed stub with the same id: removed and the job added again', async () => {
    const { articleId, jobId } = await ingest();
    // What BullMQ leaves when a stub rebuilt without options runs: a completed record, no data, kept.
    await extractQueue().remove(jobId);
    const finishedOn = Date.now();
    await redis.hset(extractQueue().toKey(jobId), { finishedOn, returnvalue: '"skipped"' });
    await redis.zadd(extractQueue().toKey('completed'), finishedOn, jobId);
    expect(await extractQueue().getJobState(jobId)).toBe('completed');

    expect((await reconcileNow()).replaced).toBe(1);
    expect(await extractQueue().getJobState(jobId)).toBe('waiting');
    expect((await extractQueue().getJob(jobId))?.data).toEqual({ articleId });
  });

  it('an orphaned hash in no list: removed and the job added again', async () => {
    const { articleId, jobId } = await ingest();
    await redis.lrem(extractQueue().toKey('wait'), 0, jobId);
    expect(await extractQueue().getJobState(jobId)).toBe('unknown');
    expect(await inspectJobRecord(extractQueue(), jobId)).toBe('stale');

    expect((await reconcileNow()).replaced).toBe(1);
    expect((await extractQueue().getJob(jobId))?.data).toEqual({ articleId });
  });

  it('leaves queued work alone: a second pass replaces nothing', async () => {
    expect((await reconcileNow()).replaced).toBe(0);
  });

  it('a worker refuses a stub without data (no write on undefined), and the work still gets done', async () => {
    const bystander = await ingest();
    const victim = await ingest();
    // The bystander waits for extraction too but has no job: a widened markFailed would fail it.
    await extractQueue().remove(bystander.jobId);
    await redis.del(extractQueue().toKey(victim.jobId));
    // Both look freshly changed to the reconciler (inside its grace period) until the stub has run.
    const holdBack = (at: string) => pg.query(`UPDATE "Article" SET "updatedAt" = ${at} WHERE id = ANY($1::uuid[])`, [[bystander.articleId, victim.articleId]]);
    await holdBack(`now() + interval '1 hour'`);

    desk.workers.push(await createWorkerApp(desk.env, { logger: false }));
    await waitFor(async () => (await extractQueue().getJobState(victim.jobId)) === 'failed', { what: 'the stub refused', timeoutMs: 30_000 });
    expect((await extractQueue().getJob(victim.jobId))?.failedReason).toMatch(/lacks articleId/);
    expect(await status(bystander.articleId)).toBe('INGESTED');
    expect(await status(victim.articleId)).toBe('INGESTED');

    // The running worker's scheduled reconciler replaces the failed stub; every article gets extracted.
    await holdBack(`now() - interval '1 minute'`);
    await waitFor(async () => {
      const { rows } = await pg.query(`SELECT status FROM "Article"`);
      return rows.length === articleNo && rows.every((r) => extracted(r.status));
    }, { what: 'every article extracted', timeoutMs: 45_000, intervalMs: 250 });
  });

  it('markFailed with no article id refuses to run instead of failing every waiting article', async () => {
    await desk.workers[0].close();
    desk.workers.splice(0, 1);
    const waiting = await ingest();
    const extraction = desk.api.get(ExtractArticleService);
    await expect(extraction.markFailed(undefined as unknown as string, 'stub')).rejects.toBeInstanceOf(UnboundWhereError);
    expect(await status(waiting.articleId)).toBe('INGESTED');
    const { rows } = await pg.query(`SELECT count(*)::int n FROM "Article" WHERE status = 'FAILED'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('a worker SIGKILLed mid-job', () => {
  let desk: TestDesk;
  let admin: HttpClient;
  let pg: Client;
  let locker: Client;
  let child: WorkerProcess;

  beforeAll(async () => {
    child = WorkerProcess.build();
    desk = await startTestDesk({ workers: 0 });
    admin = httpClient(desk.api, desk.adminToken);
    pg = new Client({ connectionString: desk.db.url });
    await pg.connect();
    // Its own connection: pg_stat_activity is read as of the start of a transaction.
    locker = new Client({ connectionString: desk.db.url });
    await locker.connect();
    await addPerson(admin, { name: 'R', email: 'r@kill.test', role: 'REVIEWER', capacity: 50 });
  });

  afterAll(async () => {
    await child?.dispose();
    await locker?.end().catch(() => undefined);
    await pg?.end();
    await desk?.close();
  });

  it('gives its job back within seconds, and another worker finishes it', async () => {
    const { body: article } = await admin.post('/articles', { title: 'Trade', body: body(1) });
    const queue = desk.api.get(JobProducer).queue('extract');
    const jobId = `article-${article.id}`;
    // Hold the article's row: the child's extraction blocks on it, mid-job, holding the job's lock.
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "Article" WHERE id = $1 FOR UPDATE`, [article.id]);
    child.start(desk.env);
    await waitFor(
      async () => {
        const { rows } = await pg.query(
          `SELECT count(*)::int n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].n > 0 && (await queue.getJobState(jobId)) === 'active';
      },
      { what: `the child worker blocked inside ${jobId}`, timeoutMs: 60_000, intervalMs: 200 },
    ).catch((error) => {
      throw new Error(`${(error as Error).message}; the child's output: ${child.output}`);
    });

    await child.kill('SIGKILL');
    const killedAt = Date.now();
    await locker.query('ROLLBACK');
    desk.workers.push(await createWorkerApp(desk.env, { logger: false }));

    await waitFor(async () => {
      const { rows } = await pg.query(`SELECT status FROM "Article" WHERE id = $1`, [article.id]);
      return extracted(rows[0].status);
    }, { what: 'the killed worker’s article extracted by the other worker', timeoutMs: 40_000, intervalMs: 200 });
    const recoveredMs = Date.now() - killedAt;
    // BullMQ's defaults held the id ~70 s; WORKER_LIVENESS (10 s lock, 5 s stalled check) bounds it
    // near 15 s, plus start-up and the extraction itself on a loaded machine.
    expect(recoveredMs).toBeLessThan(30_000);
    console.log(`job-recovery: SIGKILLed worker's job finished elsewhere ${recoveredMs} ms after the kill`);
  }, 150_000);
});
