import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createTestDatabase, deleteQueueKeys, testEnv } from '@claimdesk/testing';
import { createApiApp } from '../apps/api/src/create-api-app';
import type { BenchResult } from './bench-result';

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 5);

async function cannon(url: string, headers: Record<string, string>, expectStatus: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const wrong = result.non2xx - (expectStatus === 304 ? result['3xx'] ?? 0 : 0);
  if (result.errors > 0 || (expectStatus === 200 && result.non2xx > 0) || (expectStatus === 304 && wrong > 0)) {
    throw new Error(`bench ${url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  }
  return { perSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * Dashboard polling: GET /articles/:id/status at 100 concurrent pollers (autocannon), answered 200
 * (counters read from Postgres) and 304 (unchanged If-None-Match: from memory), beside a bare
 * Fastify hello-world measured in the same run on the same machine.
 */
export async function benchStatusPolling(): Promise<BenchResult[]> {
  const db = await createTestDatabase();
  // Pollers share one token: lift the per-token rate limit so the bench measures the path itself.
  const env = testEnv(db.url, { CLAIMDESK_RATE_LIMIT_PER_MINUTE: '1000000000' });
  const api = await createApiApp(env, { logger: false });
  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  try {
    await api.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${env.CLAIMDESK_ADMIN_TOKEN}` };
    const created = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench article', body: 'The minister said unemployment fell to 5% last year.' }),
    });
    const { id } = (await created.json()) as { id: string };
    const statusUrl = `${base}/articles/${id}/status`;
    const etag = (await fetch(statusUrl, { headers: auth })).headers.get('etag')!;

    const hello = await cannon(`${bareUrl}/hello`, {}, 200);
    const ok = await cannon(statusUrl, auth, 200);
    const notModified = await cannon(statusUrl, { ...auth, 'if-none-match': etag }, 304);
    const row = (name: string, r: typeof ok, baseline?: typeof ok): BenchResult => ({
      name,
      value: r.perSecond,
      unit: 'req/s',
      details: { p50ms: r.p50, p99ms: r.p99, connections: CONNECTIONS, seconds: SECONDS, ...(baseline ? { ratioToBareFastify: +(r.perSecond / baseline.perSecond).toFixed(2) } : {}) },
    });
    return [
      row('polling: bare Fastify hello-world (baseline)', hello),
      row('polling: GET /articles/:id/status answered 200 (counters from Postgres)', ok, hello),
      row('polling: GET /articles/:id/status answered 304 (If-None-Match, no Postgres)', notModified, hello),
    ];
  } finally {
    await bare.close();
    await api.close();
    await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
    await db.drop();
  }
}
