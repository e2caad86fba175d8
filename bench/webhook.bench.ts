import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Queue, Worker } from 'bullmq';
import { newWebhookSecret } from '@claimdesk/core';
import { redisOptions } from '@claimdesk/queue';
import { createTestDatabase, deleteQueueKeys, testEnv } from '@claimdesk/testing';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import type { BenchResult } from './bench-result';

const DELIVERIES = 2_000;
// CLAIMDESK_WEBHOOK_CONCURRENCY's default, and more POSTs in flight per worker.
const CONCURRENCIES = [20, 50];

/** A loopback receiver that answers 204 to everything, as fast as node:http can. */
async function receiver(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function timed(total: number, concurrency: number, task: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) await task();
  }));
  return (performance.now() - started) / 1000;
}

/**
 * What one webhook delivery costs, end to end: events committed in Postgres (the trigger writes the
 * delivery rows), the worker's dispatcher moving them to the `webhook` queue, and the processor
 * reading, signing, POSTing (guardedPost: a fresh connection each, destination checked) and
 * recording each attempt. Baselines in the same run: a BullMQ job doing nothing, and a bare
 * node:http POST to the same receiver on a fresh connection, both at the same concurrency.
 */
export async function benchWebhook(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const concurrency of CONCURRENCIES) results.push(await benchAt(concurrency));
  return results;
}

async function benchAt(CONCURRENCY: number): Promise<BenchResult> {
  const db = await createTestDatabase();
  const env = testEnv(db.url, { CLAIMDESK_WEBHOOK_ALLOW_PRIVATE: 'true', CLAIMDESK_WEBHOOK_CONCURRENCY: String(CONCURRENCY), CLAIMDESK_RECONCILE_SECONDS: '3600' });
  const sink = await receiver();
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const worker = await createWorkerApp(env, { logger: false });
  try {
    // Baseline 1: a bare POST on a fresh connection.
    const body = JSON.stringify({ type: 'article.ingested', id: '1', at: new Date().toISOString(), data: {} });
    const postSeconds = await timed(DELIVERIES, CONCURRENCY, () => post(sink.url, body));
    // Baseline 2: BullMQ no-op jobs through the same Redis.
    const noopPerSecond = await noopJobs(env.REDIS_URL, `${env.CLAIMDESK_QUEUE_PREFIX}-noop`, CONCURRENCY);

    await pg.query(`INSERT INTO "Webhook" (url, secret, events) VALUES ($1, $2, '{article.ingested}')`, [sink.url, newWebhookSecret()]);
    const before = sink.count();
    const started = performance.now();
    await pg.query(`INSERT INTO "Event" (type, payload) SELECT 'article.ingested', json_build_object('n', i) FROM generate_series(1, ${DELIVERIES}) i`);
    for (;;) {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM "WebhookDelivery" WHERE status = 'DELIVERED'`);
      if (rows[0].n >= DELIVERIES) break;
      if (performance.now() - started > 300_000) throw new Error(`only ${rows[0].n} of ${DELIVERIES} delivered in 5 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await pg.query(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY "latencyMs") AS p99 FROM "WebhookAttempt"`);
    const perSecond = DELIVERIES / seconds;
    return {
        name: `webhook: deliveries per second to a loopback receiver (event commit to recorded 2xx, concurrency ${CONCURRENCY})`,
        value: Math.round(perSecond),
        unit: 'deliveries/s',
        details: {
          deliveries: DELIVERIES,
          received: sink.count() - before,
          msPerDelivery: +(1000 / perSecond).toFixed(2),
          postLatencyMsP50: Math.round(rows[0].p50),
          postLatencyMsP99: Math.round(rows[0].p99),
          baselineBarePostPerSecond: Math.round(DELIVERIES / postSeconds),
          baselineNoopJobsPerSecond: Math.round(noopPerSecond),
          ratioToBarePost: +(perSecond / (DELIVERIES / postSeconds)).toFixed(2),
          ratioToNoopJob: +(perSecond / noopPerSecond).toFixed(2),
        },
      };
  } finally {
    await worker.close();
    await pg.end();
    await sink.close();
    await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
    await deleteQueueKeys(env.REDIS_URL, `${env.CLAIMDESK_QUEUE_PREFIX}-noop`);
    await db.drop();
  }
}

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function noopJobs(redisUrl: string, prefix: string, concurrency: number): Promise<number> {
  const connection = redisOptions(redisUrl, 'worker');
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency });
    worker.on('completed', () => {
      if (++done === DELIVERIES) void worker.close().then(resolve);
    });
  });
  const started = performance.now();
  await queue.addBulk(Array.from({ length: DELIVERIES }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })));
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await queue.close();
  return DELIVERIES / seconds;
}
