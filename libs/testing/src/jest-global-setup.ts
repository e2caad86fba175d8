import { ensureLocalServices } from '../../../scripts/lib/local-services';
import { createTestRun } from './test-database';

// Runs once per `jest` run: make sure Postgres and Redis answer (starting embedded ones if not),
// migrate this run's own template database, and hand all of it to the test files through the
// environment.
export default async function globalSetup(): Promise<void> {
  const services = await ensureLocalServices({ purpose: 'test' });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  const run = await createTestRun(services.databaseUrl);
  process.env.CLAIMDESK_TEST_TEMPLATE = run.template;
  process.env.CLAIMDESK_TEST_RUN = run.runId;
  Object.assign(globalThis, { __claimdeskServices: services, __claimdeskTestRun: run });
}
