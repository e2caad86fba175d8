import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Env } from '@claimdesk/config';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app';
import { deleteQueueKeys } from './queue-cleanup';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testEnv } from './test-env';

export interface TestDesk {
  env: Env;
  db: TestDatabase;
  api: NestFastifyApplication;
  /** Every API instance (api is the first): several stand for several processes behind a balancer. */
  apis: NestFastifyApplication[];
  workers: INestApplicationContext[];
  adminToken: string;
  close(): Promise<void>;
}

/**
 * The whole of claimdesk for one test file: its own database and queue prefix, the API exactly as
 * production builds it, and any number of worker processes' modules (in process, real BullMQ).
 */
export async function startTestDesk(
  options: { workers?: number; apis?: number; env?: Record<string, string> } = {},
): Promise<TestDesk> {
  const db = await createTestDatabase();
  const env = testEnv(db.url, options.env);
  const apis: NestFastifyApplication[] = [];
  for (let i = 0; i < (options.apis ?? 1); i++) apis.push(await createApiApp(env, { logger: false }));
  const api = apis[0];
  const workers: INestApplicationContext[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) workers.push(await createWorkerApp(env, { logger: false }));
  return {
    env,
    db,
    api,
    apis,
    workers,
    adminToken: env.CLAIMDESK_ADMIN_TOKEN!,
    async close() {
      for (const worker of workers) await worker.close();
      for (const instance of apis) await instance.close();
      await deleteQueueKeys(env.REDIS_URL, env.CLAIMDESK_QUEUE_PREFIX);
      await db.drop();
    },
  };
}
