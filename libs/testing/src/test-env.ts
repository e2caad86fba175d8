import { randomBytes } from 'node:crypto';
import { loadEnv, type Env } from '@claimdesk/config';
import { runQueuePrefix } from './queue-cleanup';

/** An Env of this test file's own: its database, its queue prefix, its admin token. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Env {
  return loadEnv({
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    CLAIMDESK_QUEUE_PREFIX: `${runQueuePrefix()}${randomBytes(5).toString('hex')}`,
    CLAIMDESK_ADMIN_TOKEN: `cd_test_admin_${randomBytes(16).toString('hex')}`,
    CLAIMDESK_RECONCILE_SECONDS: '2',
    // Files run in parallel: no worker opens its metrics port unless a test gives it one.
    CLAIMDESK_WORKER_METRICS_PORT: '0',
    // Every suite calls from 127.0.0.1, many times without a token: the per-address limits are tested
    // on their own (test/caller-limits.e2e-spec.ts), with low thresholds.
    CLAIMDESK_ANON_LIMIT_PER_MINUTE: '1000000',
    CLAIMDESK_AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
    ...overrides,
  });
}
