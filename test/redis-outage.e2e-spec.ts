import { createApiApp } from '../apps/api/src/create-api-app';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { createTestDatabase, deleteQueueKeys, httpClient, testEnv, waitFor, type TestDatabase } from '@claimdesk/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ARTICLE = {
  title: 'Jobless rate rises',
  body: 'The unemployment rate rose to 7.4% in March from 6.9% a year earlier, the national statistics office said on Tuesday.',
};

describe('ingestion while Redis is unreachable', () => {
  let db: TestDatabase;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  const realRedis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let prefix: string;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (prefix) await deleteQueueKeys(realRedis, prefix);
    await db.drop();
  });

  it('still stores the article (202), and the reconciler enqueues its extraction once a worker reaches Redis', async () => {
    // Port 1 refuses connections: the API's producer must fail fast, not hang the request.
    const deadEnv = testEnv(db.url, { REDIS_URL: 'redis://127.0.0.1:1' });
    prefix = deadEnv.CLAIMDESK_QUEUE_PREFIX;
    api = await createApiApp(deadEnv, { logger: false });
    const admin = httpClient(api, deadEnv.CLAIMDESK_ADMIN_TOKEN);

    const started = Date.now();
    const response = await admin.post('/articles', ARTICLE);
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await admin.get(`/articles/${response.body.id}`)).body.status).toBe('INGESTED');
    expect((await admin.get('/health')).body).toMatchObject({ status: 'degraded', postgres: 'up', redis: 'down' });

    // A worker with Redis, same database and prefix: its reconcile pass at start finds the article.
    worker = await createWorkerApp({ ...deadEnv, REDIS_URL: realRedis }, { logger: false });
    const status = await waitFor(
      async () => {
        const s = (await admin.get(`/articles/${response.body.id}`)).body.status;
        return s === 'INGESTED' || s === 'EXTRACTING' ? undefined : s;
      },
      { what: 'extraction after reconcile', timeoutMs: 20_000 },
    );
    expect(['IN_REVIEW', 'COMPLETED']).toContain(status);
    const claims = (await admin.get(`/articles/${response.body.id}/claims`)).body;
    expect(claims).toHaveLength(1);
  });
});
