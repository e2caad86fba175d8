import { ensureLocalServices } from '../../../scripts/lib/local-services';

// Runs once per `jest` run: make sure Postgres and Redis answer (starting embedded ones if not),
// and hand their URLs to the test files through the environment.
export default async function globalSetup(): Promise<void> {
  const services = await ensureLocalServices({ purpose: 'test' });
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  (globalThis as { __claimdeskServices?: typeof services }).__claimdeskServices = services;
}
